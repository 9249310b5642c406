import Foundation
import PSPWallet
import Testing
import WalletServer

/// A walletd started in-process on a free loopback port, with a fresh data
/// folder, whose operator is the identity `operatorName` of `cli`'s home. A
/// registration authority ("ministere") is made in the home, pinned there
/// (`trust registrar`) and given to walletd, as an installation would.
final class Platform: @unchecked Sendable {
  let daemon: WalletDaemon
  let data = TemporaryFolder()
  let cli: CLIHarness
  static let registrarName = "ministere"

  init(_ cli: CLIHarness, operatorName: String) async throws {
    let home = try #require(cli.environment["PSP_HOME"])
    let keystore = try Keystore.read(
      from: URL(fileURLWithPath: home).appendingPathComponent("\(operatorName).keystore"))
    try await cli.ok(["identity", "create", "--kind", "registrar", "--name", Self.registrarName])
    let registrar = try Keystore.read(
      from: URL(fileURLWithPath: home).appendingPathComponent("\(Self.registrarName).keystore"))
    try await cli.ok(["trust", "registrar", registrar.signingKey])
    var configuration = DaemonConfiguration()
    configuration.dataDir = data.path
    configuration.listen = "127.0.0.1:0"
    configuration.operatorKey = keystore.signingKey
    configuration.registrarKeys = [registrar.signingKey]
    daemon = try await WalletDaemon.start(configuration)
    var connected = cli
    connected.environment["PSP_SERVER"] = daemon.baseURL
    self.cli = connected
  }

  func stop() async { await daemon.stop() }

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
      "--signing-key",
      shown.signingKey, "--encryption-key", shown.encryptionKey, "--purposes", purposes,
      "--service", "Accueil",
      "--phone", "+352 2000 0000", "--out", certificate,
    ])
    try await cli.ok(["operator", "register", "--as", "operateur", "--certificate", certificate])
  }
}
