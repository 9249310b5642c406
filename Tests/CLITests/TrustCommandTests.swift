import Foundation
import PSPConsent
import PSPCrypto
import PSPTransparency
import PSPWallet
import Testing
import WalletClient
import WalletServer

@testable import WalletCLIKit

/// What an installation trusts: the registration authority pinned once
/// (`trust registrar`, or `PSP_REGISTRAR_KEY`), the administrations' keys
/// remembered on first use, a key change stopped until the person confirms it
/// (`trust accept`), and `trust show`.
@Suite("Trust")
struct TrustCommandTests {
  static func state(_ cli: CLIHarness) throws -> HomeState {
    try HomeState.read(Home(explicit: nil, environment: cli.environment))
  }

  static func keystore(_ folder: TemporaryFolder, _ name: String) throws -> Keystore {
    try Keystore.read(from: URL(fileURLWithPath: folder.file("\(name).keystore")))
  }

  struct Listing: Decodable, Equatable {
    let registrars: [String]
    let administrations: [String: String]
  }

  // MARK: trust registrar, trust show

  @Test func pinFromThePublicIdentityFile() async throws {
    // The authority's own installation makes its identity and gives its public file.
    let authority = TemporaryFolder()
    let ministry = CLIHarness(home: authority.path)
    try await ministry.ok(["identity", "create", "--kind", "registrar", "--name", "ministere"])
    let file = authority.file("ministere.public.json")
    try Data(try await ministry.ok(["identity", "show", "--as", "ministere", "--json"]).utf8)
      .write(to: URL(fileURLWithPath: file))
    let registrar = try Self.keystore(authority, "ministere")

    // Another installation pins it; twice is the same as once.
    let folder = TemporaryFolder()
    let cli = CLIHarness(home: folder.path)
    let pinned = await cli.run(["trust", "registrar", file])
    #expect(pinned.code == 0, "\(pinned.err)")
    #expect(pinned.out == "Autorité d'enregistrement enregistrée ici : \(registrar.keyID)\n")
    #expect(pinned.err == "Comparez cet identifiant avec celui que l'autorité a publié.\n")
    #expect(try Self.state(cli).registrars == [registrar.signingKey])
    try await cli.ok(["trust", "registrar", file])
    #expect(try Self.state(cli).registrars == [registrar.signingKey])

    #expect(
      try await cli.ok(["trust", "show"])
        == "Autorités d'enregistrement :\n  \(registrar.keyID)\nTémoins du journal :\n  aucun\nAdministrations connues :\n  aucune\n"
    )
    var english = cli
    english.environment["LANG"] = "en_GB.UTF-8"
    #expect(
      try await english.ok(["trust", "show"])
        == "Registration authorities:\n  \(registrar.keyID)\nWitnesses of the log:\n  none\nAdministrations remembered:\n  none\n"
    )
    #expect(
      try await cli.json(["trust", "show"], as: Listing.self)
        == Listing(registrars: [registrar.keyID], administrations: [:]))
    struct Pinned: Decodable { let registrar: String }
    #expect(
      try await cli.json(["trust", "registrar", file], as: Pinned.self).registrar
        == registrar.keyID)
  }

  @Test func pinFromTheKeyText() async throws {
    let authority = TemporaryFolder()
    let ministry = CLIHarness(home: authority.path)
    try await ministry.ok(["identity", "create", "--kind", "registrar", "--name", "ministere"])
    let registrar = try Self.keystore(authority, "ministere")

    let folder = TemporaryFolder()
    let cli = CLIHarness(home: folder.path)
    try await cli.ok(["identity", "create", "--kind", "citizen", "--name", "maria"])
    let before = try Self.state(cli)
    try await cli.ok(["trust", "registrar", registrar.signingKey])
    var after = try Self.state(cli)
    #expect(after.registrars == [registrar.signingKey])
    after.registrars = before.registrars
    #expect(after == before)
  }

  /// Garbage, a key that does not parse, a missing file, or the public file of
  /// someone who is not a registration authority: refused, state.json unchanged.
  @Test func garbageIsRefusedAndChangesNothing() async throws {
    let folder = TemporaryFolder()
    let cli = CLIHarness(home: folder.path)
    try await cli.ok(["identity", "create", "--kind", "citizen", "--name", "maria"])
    try await cli.ok(["identity", "create", "--kind", "registrar", "--name", "ministere"])
    try await cli.ok(["trust", "registrar", Self.keystore(folder, "ministere").signingKey])
    let citizenFile = folder.file("maria.public.json")
    try Data(try await cli.ok(["identity", "show", "--as", "maria", "--json"]).utf8).write(
      to: URL(fileURLWithPath: citizenFile))
    let garbageFile = folder.file("garbage.json")
    try Data("k4.public.\u{0}not a key".utf8).write(to: URL(fileURLWithPath: garbageFile))
    let state = try Data(contentsOf: Home(explicit: nil, environment: cli.environment).stateURL)

    for source in [
      "garbage", "k4.public.AAAA", "k4.secret.AAAA", folder.file("missing.json"), garbageFile,
      citizenFile,
    ] {
      let result = await cli.run(["trust", "registrar", source])
      #expect(result.code == 1, "\(source)")
      #expect(result.out.isEmpty)
      #expect(result.err == Messages.registrarKeyMalformed.rendered(in: .french) + "\n")
      #expect(
        try Data(contentsOf: Home(explicit: nil, environment: cli.environment).stateURL) == state)
    }
    let usage = await cli.run(["trust", "registrar"])
    #expect(usage.code == 2)
  }

  // MARK: trust witnesses

  static func witnessKeys() throws -> (log: String, cnpd: String, eos: String) {
    (
      try Ed25519NoteSigner(name: "psp.lu/walletd", key: SigningKey()).verifier.vkey,
      try CosignatureV1Signer(name: "cnpd.lu/witness", key: SigningKey()).vkey,
      try CosignatureV1Signer(name: "eos.lu/witness", key: SigningKey()).vkey
    )
  }

  /// Set once per installation, shown by key name and id (never the key),
  /// replaced when set again; `PSP_WITNESS_POLICY` stands in for it.
  @Test func witnessesAreSetAndShown() async throws {
    let folder = TemporaryFolder()
    let cli = CLIHarness(home: folder.path)
    let keys = try Self.witnessKeys()
    let (log, cnpd, eos) = (
      Witnesses.shortName(keys.log), Witnesses.shortName(keys.cnpd), Witnesses.shortName(keys.eos)
    )
    #expect(log.hasPrefix("psp.lu/walletd+") && log.count == "psp.lu/walletd+".count + 8)
    let set = await cli.run([
      "trust", "witnesses", "--log", keys.log, "--quorum", "2", keys.cnpd, keys.eos,
    ])
    #expect(set.code == 0, "\(set.err)")
    #expect(
      set.out
        == "Témoins enregistrés ici pour le journal \(log) :\n  \(cnpd)\n  \(eos)\nIl en faut 2 sur 2, qui l'ont confirmé il y a moins de 10 minutes.\n"
    )
    #expect(
      set.err == "Comparez ces identifiants avec ceux que l'opérateur et les témoins ont publiés.\n"
    )
    #expect(
      try Self.state(cli).witnesses
        == WitnessPolicy(log: keys.log, witnesses: [keys.cnpd, keys.eos], quorum: 2))
    #expect(
      try await cli.ok(["trust", "show"])
        == "Autorités d'enregistrement :\n  aucune\nTémoins du journal :\n  journal : \(log)\n  \(cnpd)\n  \(eos)\n  il en faut 2 sur 2, confirmation de moins de 10 minutes\nAdministrations connues :\n  aucune\n"
    )
    var english = cli
    english.environment["LANG"] = "en_GB.UTF-8"
    #expect(
      try await english.ok(["trust", "show"]).contains(
        "Witnesses of the log:\n  log: \(log)\n  \(cnpd)\n  \(eos)\n  2 of 2 needed, confirmed less than 10 minutes ago\n"
      ))
    struct Shown: Decodable, Equatable {
      let log: String
      let witnesses: [String]
      let quorum: Int
      let maxAgeMinutes: Int
    }
    struct Listing: Decodable { let witnesses: Shown? }
    #expect(
      try await cli.json(["trust", "show"], as: Listing.self).witnesses
        == Shown(log: log, witnesses: [cnpd, eos], quorum: 2, maxAgeMinutes: 10))

    // Set again: replaced, not added to.
    let again = try await cli.json(
      [
        "trust", "witnesses", "--log", keys.log, "--quorum", "1", "--max-age-minutes", "5",
        keys.eos,
      ],
      as: Shown.self)
    #expect(again == Shown(log: log, witnesses: [eos], quorum: 1, maxAgeMinutes: 5))
    #expect(
      try Self.state(cli).witnesses
        == WitnessPolicy(log: keys.log, witnesses: [keys.eos], quorum: 1, maximumAge: 300))

    // The environment stands in for what is set here.
    var given = cli
    given.environment[Witnesses.environmentKey] = String(
      decoding: try JSONEncoder().encode(
        WitnessPolicy(log: keys.log, witnesses: [keys.cnpd], quorum: 1)), as: UTF8.self)
    #expect(
      try await given.json(["trust", "show"], as: Listing.self).witnesses
        == Shown(log: log, witnesses: [cnpd], quorum: 1, maxAgeMinutes: 10))
    for wrong in [
      "nope", #"{"log":"x","witnesses":[],"quorum":1,"maximumAge":600}"#,
      String(
        decoding: try JSONEncoder().encode(
          WitnessPolicy(log: keys.log, witnesses: [keys.cnpd], quorum: 0)), as: UTF8.self),
    ] {
      given.environment[Witnesses.environmentKey] = wrong
      let refused = await given.run(["trust", "show"])
      #expect(refused.code == 1, "\(wrong)")
      #expect(refused.err == Messages.witnessSettingsMalformed.rendered(in: .french) + "\n")
    }
  }

  /// Keys that do not parse or are of the wrong kind, a witness twice: refused,
  /// state.json unchanged. A quorum out of range or no witness: wrong usage.
  @Test func badWitnessSettingsChangeNothing() async throws {
    let folder = TemporaryFolder()
    let cli = CLIHarness(home: folder.path)
    let keys = try Self.witnessKeys()
    try await cli.ok(["trust", "witnesses", "--log", keys.log, "--quorum", "1", keys.cnpd])
    let state = try Data(contentsOf: Home(explicit: nil, environment: cli.environment).stateURL)
    for arguments in [
      ["--log", keys.cnpd, "--quorum", "1", keys.eos],
      ["--log", keys.log, "--quorum", "1", keys.log],
      ["--log", keys.log, "--quorum", "1", "cnpd.lu/witness+00000000+AAAA"],
      ["--log", "garbage", "--quorum", "1", keys.eos],
      ["--log", keys.log, "--quorum", "2", keys.eos, keys.eos],
    ] {
      let result = await cli.run(["trust", "witnesses"] + arguments)
      #expect(result.code == 1, "\(arguments)")
      #expect(result.out.isEmpty)
      #expect(result.err == Messages.witnessSettingsMalformed.rendered(in: .french) + "\n")
      #expect(
        try Data(contentsOf: Home(explicit: nil, environment: cli.environment).stateURL) == state)
    }
    for arguments in [
      ["--log", keys.log, "--quorum", "2", keys.eos],
      ["--log", keys.log, "--quorum", "0", keys.eos],
      ["--log", keys.log, "--quorum", "1"], ["--quorum", "1", keys.eos],
      ["--log", keys.log, "--quorum", "1", keys.cnpd, keys.eos],
      ["--log", keys.log, "--quorum", "1", "--max-age-minutes", "0", keys.eos],
    ] {
      let result = await cli.run(["trust", "witnesses"] + arguments)
      #expect(result.code == 2, "\(arguments)")
      #expect(
        try Data(contentsOf: Home(explicit: nil, environment: cli.environment).stateURL) == state)
    }
  }

  /// A state file from before the witnesses reads, with none set.
  @Test func aStateFileWithoutWitnessesReads() throws {
    let folder = TemporaryFolder()
    let home = Home(explicit: folder.path, environment: [:])
    try Data(
      #"{"format":"psp-cli-state/1","identities":{"maria":{"wallet":"AAAAAAAAAAAAAAAAAAAAAA"}},"registrars":[]}"#
        .utf8
    ).write(to: home.stateURL)
    let state = try HomeState.read(home)
    #expect(state.witnesses == nil)
    #expect(state["maria"].wallet == "AAAAAAAAAAAAAAAAAAAAAA")
  }

  // MARK: no registration authority

  /// A citizen whose installation pinned no registration authority cannot
  /// check the administrations walletd lists: nothing is granted. With
  /// PSP_REGISTRAR_KEY, the same command works.
  @Test func noRegistrarNoGrant() async throws {
    let home = TemporaryFolder()
    let setup = CLIHarness(home: home.path)
    try await setup.ok(["identity", "create", "--kind", "operator", "--name", "operateur"])
    try await setup.ok(["identity", "create", "--kind", "administration", "--name", "fns"])
    let platform = try await Platform(setup, operatorName: "operateur")
    do {
      try await platform.register(
        "fns", id: "fns", title: "Fonds national de solidarité", kind: "fns",
        purposes: "allocation-vie-chere")
      try await noRegistrar(platform, home)
    } catch {
      await platform.stop()
      throw error
    }
    await platform.stop()
  }

  func noRegistrar(_ platform: Platform, _ home: TemporaryFolder) async throws {
    // Léa's installation is another folder: nothing pinned there.
    let folder = TemporaryFolder()
    var cli = CLIHarness(home: folder.path)
    cli.environment["PSP_SERVER"] = platform.daemon.baseURL
    try await cli.ok(["identity", "create", "--kind", "citizen", "--name", "lea"])
    try await cli.ok(["wallet", "open", "--accept"])
    let grant = ["grant", "create", "--to", "fns", "--purpose", "allocation-vie-chere", "--yes"]
    let refused = await cli.run(grant)
    #expect(refused.code == 1)
    #expect(refused.out.isEmpty)
    #expect(refused.err == Messages.noRegistrar.rendered(in: .french) + "\n")
    // Saving a field (it may have to be sealed to an administration) stops the same way.
    let field = await cli.run(["field", "set", "surname", "Muller"])
    #expect(field.code == 1)
    #expect(field.err == Messages.noRegistrar.rendered(in: .french) + "\n")
    #expect(
      try await cli.json(["trust", "show"], as: Listing.self)
        == Listing(registrars: [], administrations: [:]))
    #expect(
      try await cli.ok(["trust", "show"])
        == "Autorités d'enregistrement :\n  aucune\nTémoins du journal :\n  aucun\nAdministrations connues :\n  aucune\n"
    )

    // The key in the environment does instead of the pinning.
    let registrar = try Self.keystore(home, Platform.registrarName)
    var keyed = cli
    keyed.environment["PSP_REGISTRAR_KEY"] = registrar.signingKey
    #expect(try await keyed.json(["grant", "list"], as: [Listed].self).isEmpty)
    try await keyed.ok(["field", "set", "surname", "Muller"])
    let granted = try await keyed.ok(grant)
    #expect(granted.contains("Fonds national de solidarité"))
    #expect(try await keyed.json(["grant", "list"], as: [Listed].self).count == 1)
    let fns = try Self.keystore(home, "fns")
    #expect(
      try await keyed.json(["trust", "show"], as: Listing.self)
        == Listing(registrars: [registrar.keyID], administrations: ["fns": fns.keyID]))
    #expect(try Self.state(cli).registrars == nil)

    // A key in the environment that does not parse stops the command.
    var wrong = cli
    wrong.environment["PSP_REGISTRAR_KEY"] = "k4.public.nope"
    let malformed = await wrong.run(grant)
    #expect(malformed.code == 1)
    #expect(malformed.err == Messages.registrarKeyMalformed.rendered(in: .french) + "\n")
  }

  struct Listed: Decodable {
    let grant: String
    let state: String
  }

  // MARK: a key change

  /// The FNS is registered and Maria grants to it (its keys are remembered).
  /// Then walletd publishes, under the same id, a certificate with other keys
  /// (the registration authority did sign it: only the person can tell whether
  /// the FNS really changed keys). Maria's next grant stops with both key ids;
  /// "non" changes nothing, "oui" accepts, and the grant goes through.
  @Test func aKeyChangeStopsUntilConfirmed() async throws {
    let home = TemporaryFolder()
    let setup = CLIHarness(home: home.path)
    for (kind, name) in [
      ("operator", "operateur"), ("administration", "fns"), ("administration", "fns-nouveau"),
      ("citizen", "maria"),
    ] {
      try await setup.ok(["identity", "create", "--kind", kind, "--name", name])
    }
    let platform = try await Platform(setup, operatorName: "operateur")
    let restarted = Restarted()
    do {
      try await keyChange(platform, home, restarted)
    } catch {
      await platform.stop()
      await restarted.daemon?.stop()
      throw error
    }
    await platform.stop()
    await restarted.daemon?.stop()
  }

  /// The walletd started again on the Platform's data, to stop at the end.
  final class Restarted: @unchecked Sendable { var daemon: WalletDaemon? }

  func keyChange(_ platform: Platform, _ home: TemporaryFolder, _ restarted: Restarted)
    async throws
  {
    let cli = platform.cli
    try await platform.register(
      "fns", id: "fns", title: "Fonds national de solidarité", kind: "fns",
      purposes: "allocation-vie-chere")
    try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
    try await cli.ok(["field", "set", "surname", "Ferreira", "--as", "maria"])
    let grant = [
      "grant", "create", "--to", "fns", "--purpose", "allocation-vie-chere", "--days", "30",
      "--yes", "--as", "maria",
    ]
    try await cli.ok(grant)
    let old = try Self.keystore(home, "fns")
    let new = try Self.keystore(home, "fns-nouveau")
    let remembered = try #require(try Self.state(cli)["maria"].trust?.administrations["fns"])
    #expect(remembered.signingKey == old.signingKey)
    #expect(remembered.encryptionKey == old.encryptionKey)
    #expect(
      try await cli.ok(["trust", "show", "--as", "maria"]).contains("  fns — \(old.keyID)\n"))

    // The authority certifies new keys for "fns"; walletd publishes them (its
    // row edited while it is stopped, then started again on the same data).
    let newKeys = home.file("fns-nouveau.public.json")
    try Data(try await cli.ok(["identity", "show", "--as", "fns-nouveau", "--json"]).utf8).write(
      to: URL(fileURLWithPath: newKeys))
    let certificateFile = home.file("fns-nouveau.certificate")
    try await cli.ok([
      "registrar", "certify", "--as", Platform.registrarName, "--id", "fns", "--name",
      "Fonds national de solidarité", "--kind", "fns", "--keys", newKeys, "--purposes",
      "allocation-vie-chere", "--service", "Accueil", "--phone", "+352 2000 0000", "--out",
      certificateFile,
    ])
    let certificate = try String(contentsOfFile: certificateFile, encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let registrar = try Paserk.signingPublicKey(
      from: Self.keystore(home, Platform.registrarName).signingKey)
    let certified = try AdministrationCertificate.verify(
      certificate, registrars: [registrar], at: Int64(Date().timeIntervalSince1970))
    await platform.stop()
    do {
      let database = try SQLiteDatabase(path: platform.data.path + "/walletd.sqlite")
      _ = try database.query(
        "UPDATE administrations SET certificate = ?, record = ?, key_id = ? WHERE id = ?",
        [
          .text(certificate),
          .text(
            String(decoding: try JSONEncoder().encode(certified.administration), as: UTF8.self)),
          .text(new.keyID), .text("fns"),
        ])
    }
    var configuration = DaemonConfiguration()
    configuration.dataDir = platform.data.path
    configuration.listen = "127.0.0.1:0"
    configuration.operatorKey = try Self.keystore(home, "operateur").signingKey
    configuration.registrarKeys = [Paserk.encode(registrar)]
    let daemon = try await WalletDaemon.start(configuration)
    restarted.daemon = daemon
    var moved = cli
    moved.environment["PSP_SERVER"] = daemon.baseURL

    // Stopped, with both key ids and the command that confirms; nothing granted.
    let stopped = await moved.run(grant)
    #expect(stopped.code == 1)
    #expect(stopped.out.isEmpty)
    let lines = stopped.err.split(separator: "\n").map(String.init)
    #expect(lines.count == 2, "\(stopped.err)")
    #expect(
      lines.first
        == "wallet-cli: Les clés de l'administration « fns » ont changé depuis la dernière fois. Rien ne lui a été envoyé. Avant : \(old.keyID). Maintenant : \(new.keyID)."
    )
    #expect(lines.last?.hasPrefix("hint: ") == true)
    #expect(lines.last?.hasSuffix("wallet-cli trust accept fns.") == true)
    #expect(!stopped.err.contains(new.signingKey) && !stopped.err.contains(new.encryptionKey))
    #expect(try Self.state(cli)["maria"].trust?.administrations["fns"] == remembered)

    var english = moved
    english.environment["LANG"] = "en_GB.UTF-8"
    let stoppedEN = await english.run(grant)
    #expect(
      stoppedEN.err.hasPrefix(
        "wallet-cli: The keys of the administration 'fns' changed since the last time. Nothing was sent to it. Before: \(old.keyID). Now: \(new.keyID).\nhint: "
      ))

    // "non": nothing changes.
    let declined = await moved.run(["trust", "accept", "fns", "--as", "maria"], input: ["non"])
    #expect(declined.code == 1)
    #expect(
      declined.out
        == "Fonds national de solidarité (fns)\n  clé d'avant :  \(old.keyID)\n  nouvelle clé : \(new.keyID)\n"
    )
    #expect(declined.err.hasSuffix(Messages.notConfirmed.rendered(in: .french) + "\n"))
    #expect(try Self.state(cli)["maria"].trust?.administrations["fns"] == remembered)
    #expect(await moved.run(grant).code == 1)

    // "oui": the new keys are remembered, and the grant goes through.
    let accepted = try await moved.ok(["trust", "accept", "fns", "--as", "maria"], input: ["oui"])
    #expect(accepted.hasSuffix("Nouvelles clés acceptées pour fns.\n"))
    let now = try #require(try Self.state(cli)["maria"].trust?.administrations["fns"])
    #expect(now.signingKey == new.signingKey)
    #expect(now.encryptionKey == new.encryptionKey)
    #expect(
      try await moved.ok(["trust", "show", "--as", "maria"]).contains("  fns — \(new.keyID)\n"))
    try await moved.ok(grant)

    // Nothing left to confirm.
    let nothing = await moved.run(["trust", "accept", "fns", "--as", "maria", "--yes"])
    #expect(nothing.code == 1)
    #expect(nothing.err == Messages.nothingToAccept("fns").rendered(in: .french) + "\n")
  }

  /// `--yes` confirms without the question (after checking with the administration).
  @Test func acceptWithYes() async throws {
    let home = TemporaryFolder()
    let setup = CLIHarness(home: home.path)
    for (kind, name) in [
      ("operator", "operateur"), ("administration", "fns"), ("citizen", "maria"),
    ] {
      try await setup.ok(["identity", "create", "--kind", kind, "--name", name])
    }
    let platform = try await Platform(setup, operatorName: "operateur")
    do {
      let cli = platform.cli
      try await platform.register(
        "fns", id: "fns", title: "Fonds national de solidarité", kind: "fns",
        purposes: "allocation-vie-chere")
      try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
      try await cli.ok(["field", "set", "surname", "Ferreira", "--as", "maria"])
      // Maria remembers other keys for the FNS than those certified.
      let other = Identity(kind: .administration).publicIdentity
      try HomeState.update(Home(explicit: nil, environment: cli.environment), "maria") {
        var memory = $0.trust ?? .init()
        memory.administrations["fns"] = .init(
          signingKey: Paserk.encode(other.signingKey),
          encryptionKey: Encoding.base64URL(other.encryptionKey.bytes))
        $0.trust = memory
      }
      let grant = [
        "grant", "create", "--to", "fns", "--purpose", "allocation-vie-chere", "--yes", "--as",
        "maria",
      ]
      let stopped = await cli.run(grant)
      #expect(stopped.code == 1)
      #expect(stopped.err.contains("Avant : \(other.keyID)."))
      let accepted = try await cli.ok(["trust", "accept", "fns", "--as", "maria", "--yes"])
      #expect(accepted.contains("Nouvelles clés acceptées pour fns."))
      try await cli.ok(grant)
    } catch {
      await platform.stop()
      throw error
    }
    await platform.stop()
  }
}
