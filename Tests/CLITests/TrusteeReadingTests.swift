import Foundation
import PSPWallet
import Testing

@testable import WalletCLIKit

/// Paul, Maria's personne de confiance, reads for her over real HTTP under a
/// personalised procuration with `read`: the fields of its circles, her log
/// (checked against the witnesses), the procurations given to him without
/// naming the wallet again; refused plainly without `read` and once revoked;
/// closing the wallet and giving procurations stay Maria's own.
@Suite("Trustee reading")
struct TrusteeReadingTests {
  @Test func trusteeReadsUnderProcuration() async throws {
    let home = TemporaryFolder()
    let setup = CLIHarness(home: home.path)
    for (kind, name) in [("operator", "operateur"), ("citizen", "maria"), ("trustee", "paul")] {
      try await setup.ok(["identity", "create", "--kind", kind, "--name", name])
    }
    let platform = try await Platform(setup, operatorName: "operateur")
    do {
      try await journey(platform.cli, home)
    } catch {
      await platform.stop()
      throw error
    }
    await platform.stop()
  }

  struct Given: Decodable {
    let procuration: String
    let reference: String
  }

  func journey(_ cli: CLIHarness, _ home: TemporaryFolder) async throws {
    try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
    let csv = home.file("maria.csv")
    try Data(TrusteeJourneyTests.goodCSV.utf8).write(to: URL(fileURLWithPath: csv))
    try await cli.ok(["field", "import", csv, "--as", "maria"])
    let paulPublic = try await cli.ok(["identity", "show", "--as", "paul", "--json"])
    try Data(paulPublic.utf8).write(to: URL(fileURLWithPath: home.file("paul.public.json")))
    let create = [
      "procuration", "create", "--as", "maria", "--to", home.file("paul.public.json"),
      "--circle", "1", "--yes",
    ]
    let reader = try await cli.json(create + ["--actions", "read"], as: Given.self)

    // Fields of circles 0 and 1 are shown, opened with the keys Maria sealed to him.
    let address = try await cli.ok([
      "field", "get", "address", "--as", "paul", "--on-behalf-of", reader.reference,
    ])
    #expect(address.hasPrefix("Votre adresse") || address.contains("12, rue de la Gare"))
    #expect(address.contains("12, rue de la Gare, L-8510 Redange"), "\(address)")
    // The reference in lower case, without dashes, works too.
    let surname = try await cli.ok([
      "field", "get", "surname", "--as", "paul", "--on-behalf-of",
      reader.reference.lowercased().replacingOccurrences(of: "-", with: ""),
    ])
    #expect(surname.contains("Ferreira"))
    // Circle 4 is outside his procuration: walletd does not serve it.
    let outside = await cli.run([
      "field", "get", "request_subject", "--as", "paul", "--on-behalf-of", reader.reference,
    ])
    #expect(outside.code == 1)
    #expect(
      outside.err
        == Messages.trusteeFieldNotShown(FieldCommand.definition("request_subject")!).rendered(
          in: .french) + "\n")
    // Without --on-behalf-of, a trusted person is told what to add.
    let without = await cli.run(["field", "get", "address", "--as", "paul"])
    #expect(without.code == 1)
    #expect(without.err == Messages.onBehalfOfNeeded.rendered(in: .french) + "\n")

    // Her log, checked against the witnesses; the proof is kept for next time.
    let log = try await cli.ok(["log", "--as", "paul", "--on-behalf-of", reader.reference])
    #expect(log.hasPrefix("Le journal de ce portefeuille est intact ("), "\(log)")
    #expect(log.contains("Première vérification sur cet appareil"))
    let again = try await cli.ok(["log", "--as", "paul", "--on-behalf-of", reader.reference])
    #expect(again.contains("Il a seulement grandi depuis la dernière vérification."))

    // His folder remembers the wallet: no --wallet needed.
    let listed = try await cli.ok(["procuration", "list", "--as", "paul"])
    #expect(listed.contains(reader.procuration))
    #expect(listed.contains("dans le portefeuille \(reader.reference)"), "\(listed)")

    // What stays Maria's own.
    let close = await cli.run(["wallet", "close", "--as", "paul", "--yes"])
    #expect(close.code == 1)
    #expect(close.err == Messages.citizenOnly("paul").rendered(in: .french) + "\n")
    let give = await cli.run([
      "procuration", "create", "--as", "paul", "--to", home.file("paul.public.json"),
      "--actions", "read", "--yes",
    ])
    #expect(give.code == 1)
    #expect(give.err == Messages.citizenOnly("paul").rendered(in: .french) + "\n")

    // Revoked: nothing is read.
    try await cli.ok(["procuration", "revoke", reader.procuration, "--as", "maria", "--yes"])
    let revoked = await cli.run([
      "field", "get", "address", "--as", "paul", "--on-behalf-of", reader.reference,
    ])
    #expect(revoked.code == 1)
    // His program sees the procuration revoked (walletd lists it so) and asks nothing.
    #expect(revoked.err == Messages.trusteeNoProcuration.rendered(in: .french) + "\n")

    // A procuration without read: neither fields nor the log.
    _ = try await cli.json(create + ["--actions", "file"], as: Given.self)
    for command in [["field", "get", "address"], ["log"]] {
      let refused = await cli.run(
        command + ["--as", "paul", "--on-behalf-of", reader.reference])
      #expect(refused.code == 1)
      #expect(refused.err == Messages.trusteeCannotRead.rendered(in: .french) + "\n", "\(command)")
    }

    // Maria's log shows his reads, and stays intact.
    let hers = try await cli.ok(["log", "--as", "maria"])
    #expect(hers.hasPrefix("Votre journal est intact ("))
    #expect(hers.contains("personne de confiance"), "\(hers)")
  }
}
