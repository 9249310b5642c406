import Foundation
import PSPWallet
import Testing

@testable import WalletCLIKit

/// A wallet's whole life over real HTTP: after Maria closes her wallet, the
/// CLI remembers it; her log (checked against the witnesses) and her requests
/// stay readable; anything that would change it says plainly it is closed;
/// a new wallet opens only on an explicit choice.
@Suite("Whole life")
struct WholeLifeTests {
  @Test func closedWalletStaysReadableAndNewOneIsAChoice() async throws {
    let home = TemporaryFolder()
    let setup = CLIHarness(home: home.path)
    for (kind, name) in [
      ("operator", "operateur"), ("administration", "office"), ("citizen", "maria"),
    ] {
      try await setup.ok(["identity", "create", "--kind", kind, "--name", name])
    }
    let platform = try await Platform(setup, operatorName: "operateur")
    do {
      try await afterClose(platform.cli, platform, home)
    } catch {
      await platform.stop()
      throw error
    }
    await platform.stop()
  }

  func afterClose(_ cli: CLIHarness, _ platform: Platform, _ home: TemporaryFolder) async throws {
    try await platform.register(
      "office", id: "office-social-redange", title: "Office social de Redange",
      kind: "office-social", purposes: "aide-sociale")
    try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
    let good = home.file("good.csv")
    try Data(TrusteeJourneyTests.goodCSV.utf8).write(to: URL(fileURLWithPath: good))
    try await cli.ok(["field", "import", good, "--as", "maria"])
    struct Filed: Decodable { let filing: String }
    let filed = try await cli.json(
      [
        "filing", "create", "--as", "maria", "--purpose", "aide-sociale", "--at",
        "office-social-redange", "--yes",
      ], as: Filed.self)
    let before = try HomeState.read(Home(explicit: nil, environment: cli.environment))["maria"]
    let wallet = try #require(before.wallet)

    let closed = try await cli.ok(["wallet", "close", "--as", "maria", "--yes"])
    #expect(closed.contains("Votre journal et vos demandes restent lisibles"))
    let after = try HomeState.read(Home(explicit: nil, environment: cli.environment))["maria"]
    #expect(after.wallet == nil)
    #expect(after.closedWallet == wallet)

    // The log is still read and checked against the witnesses, close included.
    let log = try await cli.ok(["log", "--as", "maria"])
    #expect(log.hasPrefix("Votre journal est intact ("), "\(log)")
    #expect(!log.contains("ATTENTION"))
    #expect(log.contains("« Aide de l'office social »"), "\(log)")
    let verified = try await cli.ok(["log", "--verify", "--as", "maria"])
    #expect(verified.hasPrefix("Votre journal est intact ("))

    // The status says when it was opened and closed (walletd shows a closed
    // wallet's row to its owner only).
    let status = try await cli.ok(["wallet", "status", "--as", "maria"])
    #expect(status.contains("fermé le"), "\(status)")
    #expect(status.contains("Sa référence, à donner à une personne de confiance : PSP-"))

    // The requests too.
    let list = try await cli.ok(["filing", "list", "--as", "maria"])
    #expect(list.contains("Aide de l'office social — Office social de Redange"), "\(list)")
    let shown = try await cli.ok(["filing", "show", filed.filing, "--as", "maria"])
    #expect(shown.contains("Demande \(filed.filing)"))

    // What would change the wallet says it is closed, with where to read.
    let refusal = Messages.walletClosed("maria").rendered(in: .french) + "\n"
    for command in [
      ["field", "set", "surname", "Dupont", "--as", "maria"],
      ["field", "import", good, "--as", "maria"],
      [
        "grant", "create", "--to", "office-social-redange", "--purpose", "aide-sociale", "--yes",
        "--as", "maria",
      ],
      ["wallet", "close", "--as", "maria", "--yes"],
      ["wallet", "export", "--as", "maria", "--output", home.file("x.json")],
    ] {
      let run = await cli.run(command)
      #expect(run.code == 1, "\(command)")
      #expect(run.err == refusal, "\(command): \(run.err)")
    }
    #expect(!FileManager.default.fileExists(atPath: home.file("x.json")))

    // A new wallet only on an explicit choice; nothing is opened otherwise.
    let silent = await cli.run(["wallet", "open", "--as", "maria", "--accept"])
    #expect(silent.code == 1)
    #expect(
      silent.err.hasSuffix(Messages.walletClosedChooseNew("maria").rendered(in: .french) + "\n"),
      "\(silent.err)")
    #expect(
      try HomeState.read(Home(explicit: nil, environment: cli.environment))["maria"].wallet == nil)
    try await cli.ok(["wallet", "open", "--as", "maria", "--accept", "--new-after-close"])
    let renewed = try HomeState.read(Home(explicit: nil, environment: cli.environment))["maria"]
    let fresh = try #require(renewed.wallet)
    #expect(fresh != wallet)
    #expect(renewed.closedWallet == wallet)
  }

  /// One value of every field type of the catalogue, as a person types them.
  static let everyType = """
    {
      "surname": "Müller-D'Souza",
      "given_names": "Maria",
      "birth_date": "01/12/1950",
      "matricule": "1893120105732",
      "address": "12, rue de la Gare\\nL-1234 Luxembourg",
      "commune": "prëizerdaul",
      "civil_status": "veuve",
      "household_members": [
        {"given_names": "Marie", "surname": "Dupont", "relation": "conjointe",
         "birth_date": "03/03/1990", "matricule": "1990000012308", "monthly_net_income": "1200"},
        {"given_names": "Léa", "surname": "Dupont", "relation": "fille", "birth_date": "2015-05-04"}
      ],
      "children": [{"given_names": "Tom", "birth_date": "2018-01-09"}],
      "children_count": "3",
      "phone": "621 123 456",
      "email": "Marie@Example.LU",
      "iban": "LU28 0019 4006 4475 0000",
      "monthly_net_income": "1 234,50 €",
      "property_ownership": "non"
    }
    """

  struct Exported: Decodable, Equatable {
    struct Field: Decodable, Equatable {
      let field: String
      let data: String
    }
    let fields: [Field]
  }

  @Test func readableExportImportsBackEqual() async throws {
    let home = TemporaryFolder()
    let setup = CLIHarness(home: home.path)
    for (kind, name) in [("operator", "operateur"), ("citizen", "maria"), ("citizen", "ana")] {
      try await setup.ok(["identity", "create", "--kind", kind, "--name", name])
    }
    let platform = try await Platform(setup, operatorName: "operateur")
    do {
      try await roundTrip(platform.cli, home)
    } catch {
      await platform.stop()
      throw error
    }
    await platform.stop()
  }

  /// Maria's wallet with a field of every type and a document; Ana's empty.
  static func openWithEveryType(_ cli: CLIHarness, _ home: TemporaryFolder) async throws {
    try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
    try await cli.ok(["wallet", "open", "--as", "ana", "--accept"])
    let typed = home.file("every.json")
    try Data(Self.everyType.utf8).write(to: URL(fileURLWithPath: typed))
    try await cli.ok(["field", "import", typed, "--as", "maria"])
    let pdf = home.file("bail.pdf")
    try Data("%PDF-1.7 bail de Maria".utf8).write(to: URL(fileURLWithPath: pdf))
    try await cli.ok(["field", "set", "lease", "--file", pdf, "--as", "maria"])
  }

  func roundTrip(_ cli: CLIHarness, _ home: TemporaryFolder) async throws {
    try await Self.openWithEveryType(cli, home)

    let export = home.file("mes-donnees.json")
    try await cli.ok(["wallet", "export", "--as", "maria", "--output", export])
    let original = try JSONDecoder().decode(
      Exported.self, from: Data(contentsOf: URL(fileURLWithPath: export)))
    let types = Set(
      original.fields.compactMap {
        FieldID(rawValue: $0.field).flatMap { FieldCatalogue.standard[$0]?.type }
      })
    let catalogueTypes = Set(FieldCatalogue.standard.fields.map(\.type))
    #expect(types == catalogueTypes, "\(catalogueTypes.subtracting(types))")
    let lease = try #require(original.fields.first { $0.field == "lease" })
    #expect(
      Data(base64Encoded: lease.data).map { String(decoding: $0, as: UTF8.self) }?.contains(
        "%PDF-1.7 bail de Maria") == true)

    // A damaged value and a cut file are refused, and nothing is saved.
    let text = try String(contentsOfFile: export, encoding: .utf8)
    let damaged = home.file("abime.json")
    try Data(text.replacingOccurrences(of: lease.data, with: "AAAA").utf8).write(
      to: URL(fileURLWithPath: damaged))
    let refused = await cli.run(["field", "import", damaged, "--as", "ana"])
    #expect(refused.code == 1)
    #expect(refused.err.contains("  lease : " + Messages.exportValueDamaged.fr), "\(refused.err)")
    #expect(refused.err.hasSuffix(Messages.importRefused(1).rendered(in: .french) + "\n"))
    let cut = home.file("coupe.json")
    try Data(text.utf8.prefix(text.utf8.count / 2)).write(to: URL(fileURLWithPath: cut))
    let unreadable = await cli.run(["field", "import", cut, "--as", "ana"])
    #expect(unreadable.code == 1)
    #expect(unreadable.err == Messages.importUnreadable.rendered(in: .french) + "\n")
    #expect(
      try await cli.ok(["field", "list", "--as", "ana"]).contains(
        "Aucune donnée n'est encore remplie."))

    // The export's own file, read back into another wallet: every value equal.
    try await cli.ok(["field", "import", export, "--as", "ana"])
    let copy = home.file("copie.json")
    try await cli.ok(["wallet", "export", "--as", "ana", "--output", copy])
    let imported = try JSONDecoder().decode(
      Exported.self, from: Data(contentsOf: URL(fileURLWithPath: copy)))
    #expect(imported == original)
  }

  /// The encrypted bundle: the whole wallet, every field type and a document,
  /// exported before a close and read back into the new wallet equal; it opens
  /// only with Maria's identity, and a changed byte is refused, nothing saved.
  @Test func encryptedBundleImportsBackEqual() async throws {
    try await Platform.run([("operator", "operateur"), ("citizen", "maria"), ("citizen", "ana")]) {
      cli, _, home in
      try await Self.openWithEveryType(cli, home)
      let before = home.file("avant.json")
      try await cli.ok(["wallet", "export", "--as", "maria", "--output", before])
      let original = try JSONDecoder().decode(
        Exported.self, from: Data(contentsOf: URL(fileURLWithPath: before)))

      let bundle = home.file("sauvegarde.psp")
      try await cli.ok(["wallet", "export", "--as", "maria", "--encrypted", "--output", bundle])
      let sealed = try String(contentsOfFile: bundle, encoding: .utf8)
      #expect(!sealed.contains("Ferreira") && !sealed.contains("bail de Maria"))
      #expect(
        (try FileManager.default.attributesOfItem(atPath: bundle)[.posixPermissions] as? Int)
          == 0o600)

      // Not Ana's: it does not open with her identity.
      let notHers = await cli.run(["wallet", "import", bundle, "--as", "ana"])
      #expect(notHers.code == 1)
      #expect(notHers.err == Messages.bundleNotYours.rendered(in: .french) + "\n")
      // One character changed in the sealed contents: refused.
      let changed = home.file("change.psp")
      var object = try #require(
        try JSONSerialization.jsonObject(with: Data(sealed.utf8)) as? [String: Any])
      var contents = Array(try #require(object["contents"] as? String).utf8)
      let at = contents.count - 10
      contents[at] = contents[at] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
      object["contents"] = String(decoding: contents, as: UTF8.self)
      try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: changed))
      let tampered = await cli.run(["wallet", "import", changed, "--as", "maria"])
      #expect(tampered.code == 1)
      #expect(tampered.err == Messages.bundleNotYours.rendered(in: .french) + "\n")

      // Closed, then a new wallet by choice, then the bundle read back: equal.
      try await cli.ok(["wallet", "close", "--as", "maria", "--yes"])
      try await cli.ok(["wallet", "open", "--as", "maria", "--accept", "--new-after-close"])
      try await cli.ok(["wallet", "import", bundle, "--as", "maria"])
      let after = home.file("apres.json")
      try await cli.ok(["wallet", "export", "--as", "maria", "--output", after])
      let imported = try JSONDecoder().decode(
        Exported.self, from: Data(contentsOf: URL(fileURLWithPath: after)))
      #expect(imported == original)
      // The readable export reads back through 'wallet import' too.
      try await cli.ok(["wallet", "import", before, "--as", "ana"])
    }
  }
}
