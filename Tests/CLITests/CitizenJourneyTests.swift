import Foundation
import PSPWallet
import Testing

@testable import WalletCLIKit

/// The citizen's commands end to end, against a walletd started in-process:
/// identities, a wallet opened on explicit acceptance, fields checked and
/// saved, a grant shown before it is given, the administration reading exactly
/// what was granted, and the access log verified twice.
@Suite("Citizen journey")
struct CitizenJourneyTests {
  @Test func fromIdentityToVerifiedLog() async throws {
    let home = TemporaryFolder()
    let setup = CLIHarness(home: home.path)
    try await setup.ok(["identity", "create", "--kind", "operator", "--name", "operateur"])
    try await setup.ok(["identity", "create", "--kind", "administration", "--name", "fns"])
    try await setup.ok(["identity", "create", "--kind", "citizen", "--name", "maria"])
    let platform = try await Platform(setup, operatorName: "operateur")
    do {
      try await journey(platform.cli, platform)
    } catch {
      await platform.stop()
      throw error
    }
    await platform.stop()
  }

  func journey(_ cli: CLIHarness, _ platform: Platform) async throws {
    try await platform.register(
      "fns", id: "fns", title: "Fonds national de solidarité", kind: "fns",
      purposes: "allocation-vie-chere")

    // The wallet opens only on a yes; "non" leaves nothing behind.
    let declined = await cli.run(["wallet", "open", "--as", "maria"], input: ["non"])
    #expect(declined.code == 1)
    #expect(declined.out.contains(ConsentTerms.current.french.split(separator: "\n")[0]))
    #expect(declined.err.hasSuffix(Messages.consentNotGiven.rendered(in: .french) + "\n"))
    let opened = try await cli.ok(["wallet", "open", "--as", "maria"], input: ["oui"])
    #expect(opened.contains("Votre portefeuille est ouvert."))
    let wallet = try #require(
      HomeState.read(Home(explicit: nil, environment: cli.environment))["maria"].wallet)

    // Fields: three good values; a wrong IBAN is refused with its reason, not its value.
    try await cli.ok(["field", "set", "surname", "Ferreira", "--as", "maria"])
    try await cli.ok(["field", "set", "given_names", "Maria", "--as", "maria"])
    let saved = try await cli.ok([
      "field", "set", "iban", "lu28 0019 4006 4475 0000", "--as", "maria",
    ])
    #expect(saved.contains("LU28 0019 4006 4475 0000"))
    let wrong = await cli.run(["field", "set", "iban", "LU28 0019 4006 4475 0001", "--as", "maria"])
    #expect(wrong.code == 1)
    let iban = try #require(FieldCatalogue.standard["iban"])
    #expect(
      wrong.err == Messages.invalidValue(.ibanCheckDigits, field: iban).rendered(in: .french) + "\n"
    )

    let list = try await cli.ok(["field", "list", "--as", "maria"])
    #expect(
      list.contains(
        "Cercle 0 — Votre identité\n  Votre nom de famille : Ferreira\n  Vos prénoms : Maria\n"))
    #expect(
      list.contains(
        "Cercle 2 — Argent et logement\n  Le numéro de votre compte en banque (IBAN) : LU28 0019 4006 4475 0000\n"
      ))
    #expect(!list.contains("Cercle 1"))

    // The grant: shown in plain words (what will be read, what will not), then given.
    let granted = try await cli.ok([
      "grant", "create", "--to", "fns", "--purpose", "allocation-vie-chere", "--days", "30",
      "--yes", "--as", "maria",
    ])
    #expect(
      granted.contains(
        "Vous allez permettre à « Fonds national de solidarité » de lire 3 donnée(s)"))
    #expect(
      granted.contains(
        "  - Votre nom de famille\n  - Vos prénoms\n  - Le numéro de votre compte en banque (IBAN)\n"
      ))
    #expect(granted.contains("L'aide demande aussi ces données, que vous n'avez pas remplies"))
    struct Listed: Decodable {
      let grant: String
      let fields: [String]
      let state: String
    }
    let grants = try await cli.json(["grant", "list", "--as", "maria"], as: [Listed].self)
    let grant = try #require(grants.first)
    #expect(grants.count == 1)
    #expect(grant.fields == ["given_names", "iban", "surname"])
    #expect(grant.state == "active")

    // The administration reads, and decrypts on its side, exactly those fields.
    struct Read: Decodable { let fields: [String: String] }
    let read = try await cli.json(
      [
        "admin", "read", "--as", "fns", "--wallet", wallet, "--grant", grant.grant, "--purpose",
        "allocation-vie-chere",
      ],
      as: Read.self)
    #expect(
      read.fields == [
        "surname": "Ferreira", "given_names": "Maria", "iban": "LU28 0019 4006 4475 0000",
      ])

    // The log tells it in words, and verifies; the second check proves it only grew.
    let log = try await cli.ok(["log", "--as", "maria"])
    #expect(log.contains("Fonds national de solidarité a lu"))
    let first = try await cli.ok(["log", "--verify", "--as", "maria"])
    #expect(first.hasPrefix("Votre journal est intact ("))
    #expect(first.contains("première vérification"))
    let second = try await cli.ok(["log", "--verify", "--as", "maria"])
    #expect(second.contains("Il a seulement grandi depuis la dernière vérification."))
    #expect(
      try HomeState.read(Home(explicit: nil, environment: cli.environment))["maria"].checkpoint
        != nil)
  }
}
