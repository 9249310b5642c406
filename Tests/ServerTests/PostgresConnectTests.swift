import Foundation
import PostgresNIO
import Testing

@testable import WalletServer

/// What every walletd connection is given at startup, and how failures read.
@Suite(
  "PostgreSQL connections",
  .enabled(if: PostgresTestDatabase.isAvailable, PostgresTestDatabase.reason))
struct PostgresConnectTests {
  let logger = PostgresTestDatabase.logger

  @Test func startupSettingsHoldFromTheFirstStatement() async throws {
    try await PostgresTestDatabase.withFreshSchema { location in
      try await PostgresTestDatabase.withConnection(location) { connection in
        let rows = try await connection.query(
          """
          SELECT current_setting('search_path'), current_setting('application_name'),
            current_setting('lock_timeout'), current_setting('statement_timeout'),
            current_setting('idle_in_transaction_session_timeout')
          """, logger: logger
        ).collect()
        let settings = try #require(rows.first).decode(
          (String, String, String, String, String).self)
        #expect(settings.0 == location.quotedSchema)
        #expect(settings.1 == "walletd")
        #expect(settings.2 == "5s")
        #expect(settings.3 == "15s")
        #expect(settings.4 == "30s")
      }
    }
  }

  @Test func failuresReadAsSentences() async throws {
    guard case .postgres(let base) = try StoreLocation(parsing: PostgresTestDatabase.url) else {
      Issue.record("not postgres")
      return
    }
    let missing = try StoreLocation(
      parsing: "postgres://\(base.user)@\(base.hosts[0])/psp_no_such_db")
    guard case .postgres(let noDatabase) = missing else { return }
    do {
      try await PostgresMigrator.migrate(location: noDatabase, logger: logger)
      Issue.record("migrated a database that does not exist")
    } catch {
      let sentence = PostgresFailure.sentence(for: error, location: noDatabase)
      #expect(sentence.contains("refused: database \"psp_no_such_db\" does not exist"))
      #expect(sentence.hasSuffix("(SQLSTATE 3D000)"))
    }

    // Port 1 on loopback: nothing listens there.
    guard case .postgres(let closed) = try StoreLocation(parsing: "postgres://u:pw@127.0.0.1:1/d")
    else { return }
    do {
      try await PostgresMigrator.migrate(location: closed, logger: logger)
      Issue.record("reached port 1")
    } catch {
      let sentence = PostgresFailure.sentence(for: error, location: closed)
      #expect(sentence == "cannot reach PostgreSQL at 127.0.0.1:1")
    }
  }
}
