import Foundation
import PSPConsent
import PSPCrypto
import PSPTransparency
import PSPWallet
import Testing
import WalletClient

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

    // The administration reads, and decrypts on its side, exactly those fields,
    // once the reading is proven in Maria's witnessed log; it keeps that receipt.
    struct Read: Decodable {
      let fields: [String: String]
      let receipt: String
    }
    let readCommand = [
      "admin", "read", "--as", "fns", "--wallet", wallet, "--grant", grant.grant, "--purpose",
      "allocation-vie-chere",
    ]
    let read = try await cli.json(readCommand, as: Read.self)
    #expect(
      read.fields == [
        "surname": "Ferreira", "given_names": "Maria", "iban": "LU28 0019 4006 4475 0000",
      ])
    let receipts = URL(fileURLWithPath: platform.cli.environment["PSP_HOME"]!)
      .appendingPathComponent("fns.receipts")
    #expect(
      read.receipt == receipts.appendingPathComponent("\(wallet)-\(grant.grant)-1.tlog-proof").path)
    #expect(
      try String(contentsOfFile: read.receipt, encoding: .utf8).hasPrefix(
        "c2sp.org/tlog-proof@v1\n"))
    #expect(
      (try FileManager.default.attributesOfItem(atPath: read.receipt)[.posixPermissions] as? Int)
        == 0o600)
    let again = try await cli.ok(readCommand)
    let second = receipts.appendingPathComponent("\(wallet)-\(grant.grant)-2.tlog-proof").path
    #expect(
      again.contains(
        "Reçu gardé (la preuve que cette lecture est inscrite au journal de la personne, confirmée par les témoins) : \(second)\n"
      ))
    #expect(FileManager.default.fileExists(atPath: second))

    // The log is checked every time, and tells it in words: the first check
    // here is against the witnesses, the next ones prove it only grew.
    let first = try await cli.ok(["log", "--as", "maria"])
    #expect(first.hasPrefix("Votre journal est intact ("))
    #expect(first.contains(" entrées) : les témoins l'ont confirmé.\n"))
    #expect(
      first.contains(
        "Première vérification sur cet appareil : il a été vérifié avec les témoins, et la preuve est gardée pour la prochaine fois.\n"
      ))
    #expect(first.contains("l'administration Fonds national de solidarité a lu"))
    #expect(!first.contains("ATTENTION"))
    let kept = try #require(
      try HomeState.read(Home(explicit: nil, environment: cli.environment))["maria"].checkpoint)
    #expect(kept.hasPrefix("c2sp.org/tlog-proof@v1\n"))
    // --verify is still accepted: it is what `log` does anyway.
    let next = try await cli.ok(["log", "--verify", "--as", "maria"])
    #expect(next.contains("Il a seulement grandi depuis la dernière vérification.\n"))
    struct Shown: Decodable {
      struct Told: Decodable { let sentence: String }
      let intact: Bool
      let size: Int?
      let comparedWithPreviousCheckpoint: Bool?
      let oneShotUsedMoreThanOnce: [String]
      let entries: [Told]
    }
    let shown = try await cli.json(["log", "--as", "maria"], as: Shown.self)
    #expect(shown.intact)
    #expect(shown.size == shown.entries.count)
    #expect(shown.comparedWithPreviousCheckpoint == true)
    #expect(shown.oneShotUsedMoreThanOnce.isEmpty)
    #expect(shown.entries.first?.sentence.contains("Fonds national de solidarité a lu") == true)

    try await unchecked(cli, platform, readCommand)
  }

  /// A log that cannot be checked is still shown, under a warning, and the
  /// command fails with the reason: no witnesses set up, or witnesses other
  /// than the ones that cosigned walletd's log. The proof kept is not replaced.
  func unchecked(_ cli: CLIHarness, _ platform: Platform, _ readCommand: [String]) async throws {
    let home = Home(explicit: nil, environment: cli.environment)
    let kept = try HomeState.read(home)["maria"].checkpoint
    let warning =
      "ATTENTION : ce journal n'a pas pu être vérifié. Les entrées ci-dessous sont celles que walletd a envoyées : rien ne montre qu'elles sont complètes ni qu'elles n'ont pas été changées.\n"

    // Other witnesses than walletd's: what walletd shows is not confirmed by them.
    let stranger = try CosignatureV1Signer(name: "autre.example.lu/witness", key: SigningKey()).vkey
    var others = cli
    others.environment["PSP_WITNESS_POLICY"] = String(
      decoding: try JSONEncoder().encode(
        WitnessPolicy(log: platform.logVkey, witnesses: [stranger], quorum: 1)), as: UTF8.self)
    let refused = await others.run(["log", "--as", "maria"])
    #expect(refused.code == 1)
    #expect(refused.out.hasPrefix(warning + "\n- "))
    #expect(refused.out.contains("l'administration Fonds national de solidarité a lu"))
    #expect(
      refused.err
        == Messages.logNotIntact("the checkpoint is not cosigned by the witnesses").rendered(
          in: .french) + "\n")
    #expect(
      refused.err.hasPrefix(
        "wallet-cli: Votre journal n'est PAS intact : les témoins n'ont pas confirmé ce que walletd montre."
      ))

    // No witnesses at all: the same, with what to set up.
    var state = try HomeState.read(home)
    let witnesses = state.witnesses
    state.witnesses = nil
    try state.write(home)
    let bare = await cli.run(["log", "--as", "maria"])
    #expect(bare.code == 1)
    #expect(bare.out.hasPrefix(warning))
    #expect(bare.err == Messages.noWitnesses.rendered(in: .french) + "\n")
    struct Shown: Decodable {
      let intact: Bool
      let problem: String?
      let entries: [AccessLogEntry]
      enum CodingKeys: CodingKey { case intact, problem, entries }
      struct Told: Decodable { let entry: AccessLogEntry }
      init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        intact = try container.decode(Bool.self, forKey: .intact)
        problem = try container.decodeIfPresent(String.self, forKey: .problem)
        entries = try container.decode([Told].self, forKey: .entries).map(\.entry)
      }
    }
    let json = await cli.run(["log", "--as", "maria", "--json"])
    #expect(json.code == 1)
    let shown = try JSONDecoder().decode(Shown.self, from: Data(json.out.utf8))
    #expect(!shown.intact)
    #expect(shown.problem == Messages.noWitnesses.text.fr)
    #expect(!shown.entries.isEmpty)
    #expect(try HomeState.read(home)["maria"].checkpoint == kept)
    // The administration's reading stops too: it cannot be proven in the log.
    let read = await cli.run(readCommand)
    #expect(read.code == 1)
    #expect(read.out.isEmpty)
    #expect(read.err == Messages.noWitnesses.rendered(in: .french) + "\n")
    state.witnesses = witnesses
    try state.write(home)
    #expect(try await cli.ok(["log", "--as", "maria"]).contains("Il a seulement grandi"))

    // A checkpoint kept before the log was witnessed (a token walletd alone
    // signed) is set aside: the witnesses stand in for it.
    try HomeState.update(home, "maria") { $0.checkpoint = "v4.public.ancien" }
    #expect(
      try await cli.ok(["log", "--as", "maria"]).contains(
        "Première vérification sur cet appareil"))
    #expect(
      try HomeState.read(home)["maria"].checkpoint?.hasPrefix("c2sp.org/tlog-proof@v1") == true)

    // An entry rewritten in walletd's database (its bytes and its leaf, as a
    // careful forger would): plain `log` shows it only under the warning, says
    // the log is not intact, and keeps the proof it had.
    let proven = try HomeState.read(home)["maria"].checkpoint
    let database = try SQLiteDatabase(path: platform.data.path + "/walletd.sqlite")
    let wallet = try #require(try HomeState.read(home)["maria"].wallet)
    let forged = AccessLogEntry(
      at: 1_790_000_000, wallet: try WalletID(wallet), actor: "k4.pid.forged", role: .citizen, action: .walletOpened)
    try database.query(
      "UPDATE log_entries SET entry = ?, leaf = ? WHERE wallet = ? AND idx = 0",
      [
        .blob(forged.canonicalBytes()), .blob(MerkleTree.leafHash(forged.canonicalBytes())),
        .blob(try WalletID(wallet).bytes),
      ])
    let rewritten = await cli.run(["log", "--as", "maria"])
    #expect(rewritten.code == 1)
    #expect(rewritten.out.hasPrefix(warning))
    #expect(rewritten.err.hasPrefix("wallet-cli: Votre journal n'est PAS intact"))
    #expect(try HomeState.read(home)["maria"].checkpoint == proven)
  }
}
