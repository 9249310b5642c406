import Foundation
import PSPCrypto

/// walletd's settings: from a JSON config file, then the environment, then the
/// command line, each overriding the one before (`spec/api.md` §"Running walletd").
public struct DaemonConfiguration: Sendable, Codable, Equatable {
  public var dataDir: String = "./psp-data"
  /// Where the data is kept: nil (the SQLite file in `dataDir`), `sqlite:DIR`,
  /// or `postgres://user@host[:port]/database?schema=NAME` (`PSP_DATABASE`);
  /// a password from `PSP_DATABASE_PASSWORD`, never on a command line.
  /// `walletd.key` stays in `dataDir` whatever the store.
  public var database: String? = nil
  /// On PostgreSQL: the connections that write, and at most as many that read
  /// (`PSP_DATABASE_CONNECTIONS`); default 16.
  public var databaseConnections: Int? = nil
  public var listen: String = "127.0.0.1:8470"
  /// `k4.public` of the operator: the only key that registers administrations.
  public var operatorKey: String? = nil
  /// `k4.public` keys of the registration authorities whose certificates make an
  /// administration (comma-separated in `PSP_REGISTRAR_KEY`). None: walletd
  /// publishes no administration.
  public var registrarKeys: [String]? = nil
  /// `monday-to-saturday` (default, Luxembourg usage) or `monday-to-friday`.
  public var workingWeek: String = "monday-to-saturday"
  /// Authentication failures per client address and minute before 429.
  public var authFailuresPerMinute: Int = 30
  /// PEM certificate chain and private key: with both, walletd speaks HTTPS only.
  public var tlsCertificate: String? = nil
  public var tlsKey: String? = nil
  /// Verified grants kept in memory (`VerifiedGrantCache`); nil: the default.
  /// Optional in the JSON file, like the operator key and the TLS pair.
  public var grantCacheSize: Int? = nil

  /// About 1.4 KiB each (measured, BENCHMARKS.md §4): 100 000 grants, about 140 MiB.
  public static let defaultGrantCacheSize = 100_000

  /// The origin line of walletd's epoch checkpoints (`spec/log.md` §4); each
  /// witness pins it with walletd's log vkey.
  public var logOrigin: String? = nil
  public static let defaultLogOrigin = "psp.lu/walletd"
  /// The witnesses asked to cosign, each `"URL VKEY"` (`PSP_WITNESSES`, comma-separated).
  public var witnesses: [String]? = nil
  /// Cosignatures an epoch needs; default: every witness (`PSP_WITNESS_QUORUM`).
  public var witnessQuorum: Int? = nil
  /// Shortest time between two epochs, in milliseconds; default 0 (as soon as
  /// the previous epoch is cosigned) (`PSP_EPOCH_INTERVAL_MS`).
  public var epochIntervalMilliseconds: Int? = nil
  /// How long an answer waits for a cosigned epoch holding its entry before
  /// 503, in seconds, 1 to 600; default 15 (`PSP_RECEIPT_TIMEOUT_S`).
  public var receiptTimeoutSeconds: Int? = nil

  public init() {}

  /// Reads a config file (strict JSON: unknown members are refused).
  public static func load(file: String) throws -> DaemonConfiguration {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    return try StrictJSON.decode(DaemonConfiguration.self, from: Array(data))
  }

  public mutating func apply(environment: [String: String]) {
    if let value = environment["PSP_DATA_DIR"] { dataDir = value }
    if let value = environment["PSP_LISTEN"] { listen = value }
    if let value = environment["PSP_DATABASE"] { database = value }
    if let value = environment["PSP_DATABASE_CONNECTIONS"] {
      databaseConnections = Int(value) ?? -1
    }
    if let value = environment["PSP_WORKING_WEEK"] { workingWeek = value }
    if let key = environment["PSP_OPERATOR_KEY"] { operatorKey = key }
    if let keys = environment["PSP_REGISTRAR_KEY"] {
      registrarKeys = keys.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    if let value = environment["PSP_TLS_CERTIFICATE"] { tlsCertificate = value }
    if let value = environment["PSP_TLS_KEY"] { tlsKey = value }
    // Not a number: kept as -1, refused by `grantCacheCapacity()` at start.
    if let value = environment["PSP_GRANT_CACHE_SIZE"] { grantCacheSize = Int(value) ?? -1 }
    if let value = environment["PSP_LOG_ORIGIN"] { logOrigin = value }
    if let value = environment["PSP_WITNESSES"] {
      witnesses = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    if let value = environment["PSP_WITNESS_QUORUM"] { witnessQuorum = Int(value) ?? -1 }
    if let value = environment["PSP_EPOCH_INTERVAL_MS"] {
      epochIntervalMilliseconds = Int(value) ?? -1
    }
    if let value = environment["PSP_RECEIPT_TIMEOUT_S"] { receiptTimeoutSeconds = Int(value) ?? -1 }
  }

  /// Where walletd keeps its data; a password comes from `environment`'s
  /// `PSP_DATABASE_PASSWORD` unless the location has one.
  public func storeLocation(environment: [String: String]) throws(APIError) -> StoreLocation {
    guard let database else { return .sqlite(directory: dataDir) }
    do { return try StoreLocation(parsing: database, environment: environment) } catch {
      throw .badRequest("database: \(error.description)")
    }
  }

  /// `databaseConnections`, or the default; from 1 to 256.
  public func connectionCount() throws(APIError) -> Int {
    let count = databaseConnections ?? 16
    guard (1...256).contains(count) else {
      throw .badRequest("databaseConnections must be a whole number from 1 to 256")
    }
    return count
  }

  /// `grantCacheSize`, or the default; a negative size is refused.
  public func grantCacheCapacity() throws(APIError) -> Int {
    let size = grantCacheSize ?? Self.defaultGrantCacheSize
    guard size >= 0 else { throw .badRequest("grantCacheSize must be a whole number, 0 or more") }
    return size
  }

  /// Host and port of `listen`.
  public func hostAndPort() throws(APIError) -> (String, Int) {
    guard let colon = listen.lastIndex(of: ":"),
      let port = Int(listen[listen.index(after: colon)...]),
      (0...65535).contains(port)
    else { throw .badRequest("listen must be HOST:PORT") }
    return (String(listen[..<colon]), port)
  }

  public func registrarPublicKeys() throws(APIError) -> [SigningPublicKey] {
    var keys: [SigningPublicKey] = []
    for text in registrarKeys ?? [] {
      guard let key = try? Paserk.signingPublicKey(from: text) else {
        throw .badRequest("a registrar key must be a k4.public PASERK")
      }
      keys.append(key)
    }
    return keys
  }

  public func operatorPublicKey() throws(APIError) -> SigningPublicKey? {
    guard let operatorKey else { return nil }
    guard let key = try? Paserk.signingPublicKey(from: operatorKey) else {
      throw .badRequest("the operator key must be a k4.public PASERK")
    }
    return key
  }
}
