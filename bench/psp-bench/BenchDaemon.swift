import Foundation
import Logging
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient
import PSPTransparency
import WalletServer
import WitnessServer

/// A walletd in this process on a free loopback port, its data in a fresh
/// directory on the real disk (fsync costs what it costs in production), an
/// operator and one registered administration: the office social, which
/// processes the tiers payant social (exactly 5 fields).
final class BenchDaemon: @unchecked Sendable {
  static let administrationID = "office-social-redange"
  static let purpose: Purpose = "tiers-payant-social"

  let directory: String
  let operatorIdentity: Identity
  let administration = Identity(kind: .administration)
  /// The registration authority: certifies the office social; every client pins its key.
  let registrar: Identity
  let daemon: WalletDaemon
  /// walletd's settings: another walletd on the same data (`another()`).
  let configuration: DaemonConfiguration
  /// The other walletd started on the same database.
  private(set) var others: [WalletDaemon] = []
  /// The witnesses walletd asks (in this process), and the policy every client pins.
  private(set) var witnesses: [WitnessDaemon] = []
  private(set) var policy: WitnessPolicy?

  var baseURL: String { daemon.baseURL }
  var service: WalletService { daemon.service }

  /// - Parameter grantCacheSize: walletd's verified-grant cache; nil: its default.
  /// - Parameter witnesses: psp-witness instances started in this process; walletd needs all of them.
  /// - Parameter epochInterval: walletd's shortest time between epochs, in milliseconds.
  /// - Parameter database: walletd's `database` setting; nil: the SQLite file in its directory.
  static func start(
    grantCacheSize: Int? = nil, witnesses count: Int = 0, epochInterval: Int = 0,
    database: String? = nil
  )
    async throws
    -> BenchDaemon
  {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("psp-bench-\(UUID().uuidString)").path
    let operatorIdentity = Identity(kind: .operator)
    let registrar = Identity(kind: .registrar)
    var configuration = DaemonConfiguration()
    configuration.dataDir = directory
    configuration.listen = "127.0.0.1:0"
    configuration.operatorKey = Paserk.encode(operatorIdentity.signingKey.publicKey)
    configuration.registrarKeys = [Paserk.encode(registrar.signingKey.publicKey)]
    configuration.grantCacheSize = grantCacheSize
    configuration.epochIntervalMilliseconds = epochInterval
    configuration.database = database
    var logger = Logger(label: "walletd")
    logger.logLevel = .error
    DataDirectories.shared.add(directory)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let logVkey = try Ed25519NoteSigner(
      name: DaemonConfiguration.defaultLogOrigin, key: DaemonKey.loadOrCreate(in: directory)
    ).verifier.vkey
    var witnesses: [WitnessDaemon] = []
    for index in 0..<count {
      var witnessLogger = Logger(label: "psp-witness")
      witnessLogger.logLevel = .error
      witnesses.append(
        try await WitnessDaemon.start(
          WitnessConfiguration(
            dataDir: directory + "/witness-\(index)", listen: "127.0.0.1:0",
            name: "w\(index).example.lu/witness",
            logs: [DaemonConfiguration.defaultLogOrigin + "=" + logVkey]),
          logger: witnessLogger))
    }
    configuration.witnesses = witnesses.map { "\($0.baseURL) \($0.vkey)" }
    let daemon = try await WalletDaemon.start(configuration, logger: logger)
    let bench = BenchDaemon(
      directory: directory, daemon: daemon, configuration: configuration,
      operatorIdentity: operatorIdentity, registrar: registrar)
    bench.witnesses = witnesses
    bench.policy = try WitnessPolicy(log: logVkey, witnesses: witnesses.map(\.vkey), quorum: count)
    let office = try Administration(
      id: AdministrationID(rawValue: administrationID)!, name: "Office social de Redange",
      kind: .officeSocial,
      signingKey: bench.administration.signingKey.publicKey,
      encryptionKey: bench.administration.encryptionKey.publicKey, purposes: [purpose],
      contact: AdministrationContact(service: "Accueil", phone: "+352 2000 0000", email: nil))
    let now = Int64(Date().timeIntervalSince1970)
    try await OperatorClient(transport: bench.transport(operatorIdentity)).register(
      certificate: AdministrationCertificate.issue(office, by: registrar, at: now - 60, days: 365))
    return bench
  }

  private init(
    directory: String, daemon: WalletDaemon, configuration: DaemonConfiguration,
    operatorIdentity: Identity, registrar: Identity
  ) {
    self.directory = directory
    self.daemon = daemon
    self.configuration = configuration
    self.operatorIdentity = operatorIdentity
    self.registrar = registrar
  }

  /// A client of `identity`, trusting this bench's registrar, with a memory of its own.
  func transport(_ identity: Identity) -> Transport {
    Transport(
      baseURL: baseURL, identity: identity,
      trust: ClientTrust(registrars: [registrar.signingKey.publicKey], witnesses: policy))
  }

  /// The bytes the data takes: on SQLite the file once the write-ahead log
  /// is folded in (from a side connection); on PostgreSQL the schema's
  /// tables with their indexes and TOAST.
  func bytesStored() async throws -> Int {
    if configuration.database == nil {
      _ = try SQLiteDatabase(path: directory + "/walletd.sqlite").query(
        "PRAGMA wal_checkpoint(TRUNCATE)")
    }
    return Int(try await service.bytesStored())
  }

  /// One more walletd in this process on the same database and `walletd.key`
  /// (PostgreSQL: several walletd share a schema), on a port of its own.
  func another() async throws -> WalletDaemon {
    var again = configuration
    again.listen = "127.0.0.1:0"
    var logger = Logger(label: "walletd")
    logger.logLevel = .error
    let daemon = try await WalletDaemon.start(again, logger: logger)
    others.append(daemon)
    return daemon
  }

  /// walletd's group-commit counters (of every walletd started here).
  func groupCommit() -> (batches: Int, writes: Int) {
    ([daemon] + others).map(\.service.writeCounts).reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
  }

  /// A citizen with the 20 fields of `CitizenFields` and a durable grant of
  /// the tiers payant social (5 fields) to the office social: what reads read.
  func citizenWithGrant() async throws -> (citizen: CitizenClient, grant: Grant) {
    let now = Int64(Date().timeIntervalSince1970)
    let citizen = try await CitizenClient.openWallet(
      transport(Identity(kind: .citizen)),
      acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: now))
    try await citizen.set(CitizenFields.values(), at: now)
    let grant = try await citizen.grant(
      to: Self.administrationID, purpose: Self.purpose, kind: .durable, days: 365, at: now)
    return (citizen, grant)
  }

  /// Epochs walletd made, and log entries, so far.
  func epochs() -> (epochs: Int, entries: Int) {
    let db = try? SQLiteDatabase(path: directory + "/walletd.sqlite")
    let epochs = (try? db?.query("SELECT COUNT(*) FROM epochs").first?[0].integer) ?? nil
    let entries = (try? db?.query("SELECT COUNT(*) FROM log_entries").first?[0].integer) ?? nil
    return (Int(epochs ?? 0), Int(entries ?? 0))
  }

  func stop() async {
    for other in others { await other.stop() }
    await daemon.stop()
    for witness in witnesses { await witness.stop() }
    DataDirectories.shared.remove(directory)
  }
}

/// The data directories of the walletds this process started, so that a
/// benchmark failing midway leaves no database behind (see main.swift).
final class DataDirectories: @unchecked Sendable {
  static let shared = DataDirectories()
  private let lock = NSLock()
  private var paths: Set<String> = []

  func add(_ path: String) { lock.withLock { _ = paths.insert(path) } }

  func remove(_ path: String) {
    lock.withLock { _ = paths.remove(path) }
    try? FileManager.default.removeItem(atPath: path)
  }

  func removeAll() {
    for path in lock.withLock({ paths }) { remove(path) }
  }
}
