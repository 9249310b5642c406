import ArgumentParser
import Foundation
import Logging
import Metrics
import PSPCrypto
import PSPTransparency
import Prometheus
import WalletServer

/// `walletd`: parses settings and wires the daemon; the logic is in WalletServer.
@main
struct WalletdCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walletd",
    abstract:
      "The PSP daemon: stores ciphertexts, verifies consents, serves grants, keeps the access log.",
    discussion: """
      Settings come from --config (JSON), then the environment (PSP_DATA_DIR, PSP_DATABASE, PSP_LISTEN,
      PSP_OPERATOR_KEY, PSP_REGISTRAR_KEY, PSP_WORKING_WEEK, PSP_TLS_CERTIFICATE, PSP_TLS_KEY,
      PSP_GRANT_CACHE_SIZE), then these options. Stops gracefully on SIGTERM or SIGINT.

      Example:
        walletd --data-dir /var/lib/psp --listen 127.0.0.1:8470 --operator-key k4.public.…
      """,
    version: PSPVersion.current,
    subcommands: [MigrateCommand.self])

  @Option(help: "The data directory (SQLite file and walletd.key). Default: ./psp-data")
  var dataDir: String?

  @Option(
    help: ArgumentHelp(
      "Where the data is kept: sqlite:DIR, or postgres://USER@HOST[:PORT]/DATABASE?schema=NAME (the password from PSP_DATABASE_PASSWORD). Default: the SQLite file in the data directory",
      valueName: "location"))
  var database: String?

  @Option(help: "On PostgreSQL: the connections that write, and at most as many that read. Default: 16")
  var databaseConnections: Int?

  @Option(help: "HOST:PORT to listen on. Default: 127.0.0.1:8470")
  var listen: String?

  @Option(
    help:
      "A JSON config file with the same settings (dataDir, listen, operatorKey, registrarKeys, workingWeek)."
  )
  var config: String?

  @Option(help: "The operator's k4.public key: the only key that registers administrations.")
  var operatorKey: String?

  @Option(
    help: ArgumentHelp(
      "A registration authority's k4.public key: walletd publishes only administrations it certified (repeatable).",
      valueName: "key"))
  var registrarKey: [String] = []

  @Option(help: "A PEM certificate chain: with --tls-key, walletd speaks HTTPS only.")
  var tlsCertificate: String?

  @Option(help: "The PEM private key of --tls-certificate.")
  var tlsKey: String?

  @Option(help: "Verified grants kept in memory, about 1.4 KiB each. Default: 100000")
  var grantCacheSize: Int?

  @Option(
    help: ArgumentHelp(
      "A witness walletd asks to cosign its log, as 'URL VKEY' (repeatable).", valueName: "witness"))
  var witness: [String] = []

  @Option(help: "Cosignatures an epoch of the log needs. Default: every witness")
  var witnessQuorum: Int?

  @Option(help: "The origin line of the log's checkpoints. Default: psp.lu/walletd")
  var logOrigin: String?

  @Flag(help: "Print the log's vkey (for the witnesses and clients) and exit.")
  var printLogVkey = false

  func run() async throws {
    // No core dumps: a crash must not write keys or passphrases to disk.
    MemoryHygiene.disableCoreDumps()

    var settings = DaemonConfiguration()
    if let config { settings = try DaemonConfiguration.load(file: config) }
    settings.apply(environment: ProcessInfo.processInfo.environment)
    if let dataDir { settings.dataDir = dataDir }
    if let database { settings.database = database }
    if let databaseConnections { settings.databaseConnections = databaseConnections }
    if let listen { settings.listen = listen }
    if let operatorKey { settings.operatorKey = operatorKey }
    if !registrarKey.isEmpty { settings.registrarKeys = registrarKey }
    if let tlsCertificate { settings.tlsCertificate = tlsCertificate }
    if let tlsKey { settings.tlsKey = tlsKey }
    if let grantCacheSize { settings.grantCacheSize = grantCacheSize }
    if !witness.isEmpty { settings.witnesses = witness }
    if let witnessQuorum { settings.witnessQuorum = witnessQuorum }
    if let logOrigin { settings.logOrigin = logOrigin }
    if printLogVkey {
      try FileManager.default.createDirectory(atPath: settings.dataDir, withIntermediateDirectories: true)
      let signer = try Ed25519NoteSigner(
        name: try settings.witnessing().origin, key: DaemonKey.loadOrCreate(in: settings.dataDir))
      print(signer.verifier.vkey)
      return
    }

    let registry = PrometheusCollectorRegistry()
    MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    var logger = Logger(label: "walletd")
    logger.logLevel = .info
    let daemon = try await WalletDaemon.start(
      settings, logger: logger, metrics: { registry.emitToString() }, handleSignals: true)
    // Only non-personal facts are logged: never a wallet id, key or value.
    logger.info(
      "walletd listening",
      metadata: ["address": "\(daemon.baseURL)", "version": "\(PSPVersion.current)"])
    print("walletd \(PSPVersion.current) listening on \(daemon.baseURL)")
    try await daemon.wait()
    logger.info("walletd stopped")
  }
}
