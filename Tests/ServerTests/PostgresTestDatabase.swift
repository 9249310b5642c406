import Foundation
import Logging
import PostgresNIO
import Testing

@testable import WalletServer

/// The PostgreSQL server the tests may use: `PSP_TEST_DATABASE`, a postgres:// URL that
/// `./run test` sets to a throw-away cluster. Without it, the PostgreSQL tests are shown as
/// skipped with `reason`, never as passed.
enum PostgresTestDatabase {
  static let url = ProcessInfo.processInfo.environment["PSP_TEST_DATABASE"] ?? ""

  /// Set, even if wrong: a URL that does not parse fails the tests rather than skip them.
  static var isAvailable: Bool { !url.isEmpty }

  static let reason: Comment =
    "PSP_TEST_DATABASE names no PostgreSQL server (./run test starts a throw-away one)"

  static let logger = Logger(label: "psp.test.postgres")

  /// Runs `body` on a schema of its own (`t_` and random hex), which is dropped afterwards
  /// whatever `body` did. The schema is not created: the migrator's job, or `body`'s.
  static func withFreshSchema<R>(_ body: (PostgresLocation) async throws -> R) async throws -> R {
    guard case .postgres(let base) = try StoreLocation(parsing: url) else {
      throw NotPostgres()
    }
    let name =
      "t_" + (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    let fresh = try base.with(schema: name)
    do {
      let result = try await body(fresh)
      try await drop(fresh)
      return result
    } catch {
      try? await drop(fresh)
      throw error
    }
  }

  /// One connection to `location`, closed after `body`.
  static func withConnection<R>(
    _ location: PostgresLocation, _ body: (PostgresConnection) async throws -> R
  ) async throws -> R {
    let connection = try await PostgresConnect.connect(to: location, logger: logger)
    do {
      let result = try await body(connection)
      try await connection.close()
      return result
    } catch {
      try? await connection.close()
      throw error
    }
  }

  private static func drop(_ location: PostgresLocation) async throws {
    try await withConnection(location) { connection in
      _ = try await connection.query(
        PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(location.quotedSchema) CASCADE"),
        logger: logger
      ).collect()
    }
  }

  struct NotPostgres: Error, CustomStringConvertible {
    var description: String { "PSP_TEST_DATABASE must be a postgres:// URL" }
  }
}
