import Foundation
import PSPProcess
import Logging
import PSPWallet
import Testing

@testable import WalletServer

/// Which store the server suites run on: SQLite, or PostgreSQL when
/// `PSP_TEST_STORE=postgres` and `PSP_TEST_DATABASE` names a server (the
/// second pass of `./run test`). Each harness then has a schema of its own.
enum TestStore {
  static let onPostgres =
    ProcessInfo.processInfo.environment["PSP_TEST_STORE"] == "postgres"
    && PostgresTestDatabase.isAvailable

  /// Why a test runs on SQLite only.
  static let sqliteOnly: Comment =
    "edits walletd's SQLite file itself (its rowids, a file copied back): run on SQLite"

  /// Why a PostgreSQL test of its own does not run again in the second pass.
  static let firstPassOnly: Comment =
    "sets up its own PostgreSQL store: already run in the first pass of ./run test"

  /// A schema of its own on the test server, as a `database` setting.
  static func freshPostgres() throws -> String {
    guard case .postgres(let base) = try StoreLocation(parsing: PostgresTestDatabase.url) else {
      throw PostgresTestDatabase.NotPostgres()
    }
    let name =
      "t_" + (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    return try base.with(schema: name).description
  }
}

/// walletd's database opened on the side, as an attacker with access to the
/// disk or to the database server would: statements run outside walletd.
/// Statements are written with `?` (SQLite's form); on PostgreSQL they become `$n`.
final class SideDatabase {
  private let location: StoreLocation
  private let sqlite: SQLiteDatabase?
  private let postgres: PostgresBlockingConnection?

  init(_ configuration: DaemonConfiguration) throws {
    location = try configuration.storeLocation(environment: [:])
    switch location {
    case .sqlite(let directory):
      sqlite = try SQLiteDatabase(path: directory + "/walletd.sqlite")
      postgres = nil
    case .postgres(let location):
      sqlite = nil
      postgres = PostgresBlockingConnection(
        location: location, logger: Logger(label: "psp.test.side"))
    }
  }

  /// A backup of the database into `directory`, as an operator makes one
  /// (SQLite: `VACUUM INTO`; PostgreSQL: `pg_dump` of walletd's schema).
  func backup(to directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    switch location {
    case .sqlite:
      try query("VACUUM INTO ?", [.text(directory + "/walletd.sqlite")])
    case .postgres(let location):
      try Self.run(
        "pg_dump",
        [
          "-Fc", "--no-unlogged-table-data", "-n", location.schema, "-f",
          directory + "/walletd.dump", Self.url(location),
        ])
    }
  }

  /// Puts a backup back in place of the live data (walletd stopped).
  func restore(from directory: String) throws {
    switch location {
    case .sqlite(let live):
      let file = live + "/walletd.sqlite"
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: file + suffix)
      }
      try FileManager.default.copyItem(atPath: directory + "/walletd.sqlite", toPath: file)
    case .postgres(let location):
      try Self.run(
        "pg_restore",
        ["--clean", "--if-exists", "-d", Self.url(location), directory + "/walletd.dump"])
    }
  }

  private static func url(_ location: PostgresLocation) -> String {
    "postgresql://\(location.user)@\(location.hosts[0])/\(location.database)"
  }

  private static func run(_ tool: String, _ arguments: [String]) throws {
    let process = try ChildProcess.start("/usr/lib/postgresql/15/bin/" + tool, arguments)
    guard process.waitUntilExit() == 0 else { throw ToolFailed(tool: tool) }
  }

  struct ToolFailed: Error, CustomStringConvertible {
    let tool: String
    var description: String { "\(tool) failed" }
  }

  deinit { postgres?.close() }

  @discardableResult
  func query(_ sql: String, _ parameters: [SQLValue] = []) throws -> [[SQLValue]] {
    if let sqlite { return try sqlite.query(sql, parameters) }
    guard let postgres else { return [] }
    return try postgres.rows(Self.numbered(sql), parameters)
  }

  /// `?` → `$1`, `$2`… outside quoted text.
  static func numbered(_ sql: String) -> String {
    var out = ""
    var n = 0
    var quoted = false
    for character in sql {
      if character == "'" { quoted.toggle() }
      if character == "?" && !quoted {
        n += 1
        out += "$\(n)"
      } else {
        out.append(character)
      }
    }
    return out
  }
}
