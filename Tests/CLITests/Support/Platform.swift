import Foundation
import PSPTransparency
import PSPWallet
import Testing
import WitnessServer

@testable import WalletServer

/// A walletd started in-process on a free loopback port, with a fresh data
/// folder, whose operator is the identity `operatorName` of `cli`'s home. A
/// registration authority ("ministere") is made in the home, pinned there
/// (`trust registrar`) and given to walletd, as an installation would. Two
/// witnesses follow walletd's log; walletd asks both, and the home believes
/// the log only as both confirmed it (`trust witnesses`, quorum 2).
final class Platform: @unchecked Sendable {
  let daemon: WalletDaemon
  let witnesses: [WitnessDaemon]
  let data = TemporaryFolder()
  let cli: CLIHarness
  static let registrarName = "ministere"
  /// walletd's log key and the witnesses' keys, as an operator publishes them.
  let logVkey: String

  /// Makes `identities` (kind, name) in a fresh home, with an operator
  /// "operateur" among them, starts the platform, runs `body` with the
  /// connected CLI, and stops the platform whatever happens.
  static func run(
    _ identities: [(kind: String, name: String)],
    _ body: (CLIHarness, Platform, TemporaryFolder) async throws -> Void
  ) async throws {
    let home = TemporaryFolder()
    let setup = CLIHarness(home: home.path)
    for (kind, name) in identities {
      try await setup.ok(["identity", "create", "--kind", kind, "--name", name])
    }
    let platform = try await Platform(setup, operatorName: "operateur")
    do {
      try await body(platform.cli, platform, home)
    } catch {
      await platform.stop()
      throw error
    }
    await platform.stop()
  }

  init(_ cli: CLIHarness, operatorName: String) async throws {
    let home = try #require(cli.environment["PSP_HOME"])
    let keystore = try Keystore.read(
      from: URL(fileURLWithPath: home).appendingPathComponent("\(operatorName).keystore"))
    try await cli.ok(["identity", "create", "--kind", "registrar", "--name", Self.registrarName])
    let registrar = try Keystore.read(
      from: URL(fileURLWithPath: home).appendingPathComponent("\(Self.registrarName).keystore"))
    try await cli.ok(["trust", "registrar", registrar.signingKey])
    // The witnesses must know walletd's log key, and walletd the witnesses:
    // walletd's key is made first, in its data folder, where it will find it.
    let walletdData = data.path
    logVkey = try Ed25519NoteSigner(
      name: DaemonConfiguration.defaultLogOrigin, key: DaemonKey.loadOrCreate(in: walletdData)
    ).verifier.vkey
    var witnesses: [WitnessDaemon] = []
    for name in ["w1", "w2"] {
      witnesses.append(
        try await WitnessDaemon.start(
          WitnessConfiguration(
            dataDir: data.path + "/witness-" + name, listen: "127.0.0.1:0",
            name: "\(name).example.lu/witness",
            logs: [DaemonConfiguration.defaultLogOrigin + "=" + logVkey])))
    }
    self.witnesses = witnesses
    var configuration = DaemonConfiguration()
    configuration.dataDir = walletdData
    configuration.listen = "127.0.0.1:0"
    configuration.operatorKey = keystore.signingKey
    configuration.registrarKeys = [registrar.signingKey]
    configuration.witnesses = witnesses.map { "\($0.baseURL) \($0.vkey)" }
    configuration.witnessQuorum = witnesses.count
    do {
      daemon = try await WalletDaemon.start(configuration)
    } catch {
      for witness in witnesses { await witness.stop() }
      throw error
    }
    do {
      try await cli.ok(
        ["trust", "witnesses", "--log", logVkey, "--quorum", "2"] + witnesses.map(\.vkey))
    } catch {
      await daemon.stop()
      for witness in witnesses { await witness.stop() }
      throw error
    }
    var connected = cli
    connected.environment["PSP_SERVER"] = daemon.baseURL
    self.cli = connected
  }

  func stop() async {
    await daemon.stop()
    for witness in witnesses { await witness.stop() }
  }

  /// Registers the administration `name` of the home, from its `identity show
  /// --json`: the registration authority certifies it, the operator publishes
  /// the certificate.
  func register(_ name: String, id: String, title: String, kind: String, purposes: String)
    async throws
  {
    struct Shown: Decodable {
      let signingKey: String
      let encryptionKey: String
    }
    let shown = try await cli.json(["identity", "show", "--as", name], as: Shown.self)
    let certificate = data.path + "/\(id).certificate"
    try await cli.ok([
      "registrar", "certify", "--as", Self.registrarName, "--id", id, "--name", title, "--kind",
      kind,
      // `=`: a base64url key may start with '-', which would read as an option.
      "--signing-key=\(shown.signingKey)", "--encryption-key=\(shown.encryptionKey)",
      "--purposes", purposes,
      "--service", "Accueil",
      "--phone", "+352 2000 0000", "--out", certificate,
    ])
    try await cli.ok(["operator", "register", "--as", "operateur", "--certificate", certificate])
  }
}
