import Foundation
import Logging
import PSPCrypto
import PSPTransparency
import PSPWallet
import WalletAPI
import WalletClient
import WalletServer
import WitnessServer

/// A private platform on this computer: two witnesses (the data-protection
/// authority and another independent body) and a walletd that asks both to
/// cosign its log, on free loopback ports, with their data in `dataDir` (the
/// witnesses in `witness-cnpd/` and `witness-eos/` under it). The caller owns
/// (and removes) the directory. Used by `wallet-cli demo` and `wallet-cli app --demo`.
public final class DemoPlatform: Sendable {
  /// The two witnesses. Every program pins both, and believes the log only as
  /// both confirm it.
  static let witnessNames = [("cnpd", "cnpd.lu/witness"), ("eos", "eos.lu/witness")]

  public let daemon: WalletDaemon
  public let witnesses: [WitnessDaemon]
  /// walletd's log key, as the operator publishes it.
  public let logVkey: String

  public var baseURL: String { daemon.baseURL }

  /// The witnesses as a client pins them (both needed).
  public func policy() throws -> WitnessPolicy {
    try WitnessPolicy(log: logVkey, witnesses: witnesses.map(\.vkey), quorum: witnesses.count)
  }

  private init(daemon: WalletDaemon, witnesses: [WitnessDaemon], logVkey: String) {
    self.daemon = daemon
    self.witnesses = witnesses
    self.logVkey = logVkey
  }

  /// `operatorKey` and `registrarKeys` are `k4.public` PASERKs; `logger` is
  /// walletd's (tests capture it to check that no value is logged).
  public static func start(
    dataDir: String, operatorKey: String, registrarKeys: [String],
    logger: Logger = Logger(label: "walletd")
  ) async throws -> DemoPlatform {
    // The witnesses must know walletd's log key before walletd knows them:
    // walletd's key is made first, in the data dir where walletd finds it.
    let origin = DaemonConfiguration.defaultLogOrigin
    let logVkey = try makeDaemonKey(in: dataDir, origin: origin)
    var witnesses: [WitnessDaemon] = []
    do {
      for (folder, name) in witnessNames {
        witnesses.append(
          try await WitnessDaemon.start(
            WitnessConfiguration(
              dataDir: dataDir + "/witness-" + folder, listen: "127.0.0.1:0", name: name,
              logs: [origin + "=" + logVkey])))
      }
      var configuration = DaemonConfiguration()
      configuration.dataDir = dataDir
      configuration.listen = "127.0.0.1:0"
      configuration.operatorKey = operatorKey
      configuration.registrarKeys = registrarKeys
      configuration.witnesses = witnesses.map { "\($0.baseURL) \($0.vkey)" }
      configuration.witnessQuorum = witnesses.count
      let daemon = try await WalletDaemon.start(configuration, logger: logger)
      return DemoPlatform(daemon: daemon, witnesses: witnesses, logVkey: logVkey)
    } catch {
      for witness in witnesses { await witness.stop() }
      throw error
    }
  }

  public func stop() async {
    await daemon.stop()
    for witness in witnesses { await witness.stop() }
  }

  /// Makes walletd's key (`walletd.key`: a `k4.secret` PASERK, mode 0600, as
  /// walletd itself would on its first start) and returns its log vkey.
  static func makeDaemonKey(in dataDir: String, origin: String) throws -> String {
    try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
    let key = SigningKey()
    let paserk = Paserk.encodeSecret(key)
    let path = dataDir + "/walletd.key"
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else { throw APIError.unavailable("walletd.key cannot be created") }
    defer { close(fd) }
    let written = paserk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == paserk.count, fsync(fd) == 0 else {
      throw APIError.unavailable("walletd.key cannot be written")
    }
    return try Ed25519NoteSigner(name: origin, key: key).verifier.vkey
  }
}
