import Foundation
import PSPWallet
import PostgresNIO
import Testing

@testable import WalletServer

/// walletd's migrations on a real PostgreSQL server (`PSP_TEST_DATABASE`), each test on a
/// schema of its own: applied once, even by several walletd at once; refused when newer;
/// the same tables, columns and keys as SQLite's, and the tables several walletd share.
@Suite(
  "PostgreSQL schema", .enabled(if: PostgresTestDatabase.isAvailable, PostgresTestDatabase.reason))
struct PostgresSchemaTests {
  let logger = PostgresTestDatabase.logger
  let allVersions = PostgresSchema.migrations.map(\.version)

  @Test func migratesAFreshSchema() async throws {
    try await PostgresTestDatabase.withFreshSchema { location in
      let applied = try await PostgresMigrator.migrate(location: location, logger: logger)
      #expect(applied == allVersions)
      #expect(try await recordedVersions(location) == allVersions)
    }
  }

  @Test func migratingAgainChangesNothing() async throws {
    try await PostgresTestDatabase.withFreshSchema { location in
      try await PostgresMigrator.migrate(location: location, logger: logger)
      let before = try await catalog(location)
      let again = try await PostgresMigrator.migrate(location: location, logger: logger)
      #expect(again.isEmpty)
      #expect(try await recordedVersions(location) == allVersions)
      #expect(try await catalog(location) == before)
    }
  }

  @Test func concurrentMigrationsApplyEachVersionOnce() async throws {
    try await PostgresTestDatabase.withFreshSchema { location in
      let logger = self.logger
      let runs = try await withThrowingTaskGroup(of: [Int64].self) { group in
        for _ in 0..<4 {
          group.addTask { try await PostgresMigrator.migrate(location: location, logger: logger) }
        }
        return try await group.reduce(into: [[Int64]]()) { $0.append($1) }
      }
      #expect(runs.count == 4)
      #expect(runs.flatMap { $0 }.sorted() == allVersions.sorted())
      #expect(try await recordedVersions(location) == allVersions)
    }
  }

  @Test func refusesASchemaMigratedByANewerWalletd() async throws {
    try await PostgresTestDatabase.withFreshSchema { location in
      try await PostgresMigrator.migrate(location: location, logger: logger)
      try await execute(location, "INSERT INTO schema_migrations VALUES (999999, 0)")
      await #expect(throws: PostgresMigrationError.newerDatabase) {
        try await PostgresMigrator.migrate(location: location, logger: logger)
      }
      #expect(
        PostgresMigrationError.newerDatabase.description
          == "the database was migrated by a newer walletd; start that version or a newer one")
    }
  }

  @Test func refusesBeforeApplyingAnything() async throws {
    try await PostgresTestDatabase.withFreshSchema { location in
      try await execute(location, "CREATE SCHEMA \(location.quotedSchema)")
      try await execute(
        location,
        "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)")
      try await execute(location, "INSERT INTO schema_migrations VALUES (999999, 0)")
      await #expect(throws: PostgresMigrationError.newerDatabase) {
        try await PostgresMigrator.migrate(location: location, logger: logger)
      }
      #expect(try await catalog(location).columns.keys.sorted() == ["schema_migrations"])
    }
  }

  /// The PostgreSQL schema has SQLite's tables, columns (type and nullability), primary
  /// keys, foreign keys, UNIQUE columns and named indexes, apart from the identity columns
  /// that stand for SQLite's rowid and one index.
  @Test func sameTablesColumnsAndKeysAsSQLite() async throws {
    let directory = TestDirectory()
    let store = try SQLiteWalletStore(path: directory.path + "/walletd.sqlite")
    try SchemaMigrator.migrate(store.database, ServerSchema.migrations)
    let sqlite = try SchemaCatalog.of(store.database)
    let postgres = try await PostgresTestDatabase.withFreshSchema { location in
      try await PostgresMigrator.migrate(location: location, logger: logger)
      return try await catalog(location)
    }
    let rowidStandIns: [(table: String, column: String)] = [
      ("administrations", "position"), ("procurations", "seq"), ("grants", "seq"),
      ("status_changes", "seq"), ("filings", "seq"),
    ]
    #expect(PostgresSchema.identityColumns.map { "\($0)" } == rowidStandIns.map { "\($0)" })
    for (table, column) in rowidStandIns {
      #expect(postgres.columns[table]?[column] == "bigint not null", "\(table).\(column)")
    }
    var expected = sqlite
    expected.indexes.insert("status_latest")
    // What only several walletd on one database need (migration 1007).
    let shared: Set<String> = [
      "log_appends", "epoch_moves", "log_blocks", "sessions", "session_counters",
    ]
    #expect(Set(postgres.columns.keys).isSuperset(of: shared))
    #expect(postgres.indexes.contains("sessions_by_expiry"))
    var postgresOnly = postgres.removing(rowidStandIns).removing(tables: shared)
    postgresOnly.indexes.remove("sessions_by_expiry")
    #expect(postgresOnly == expected)
    #expect(sqlite.columns.count == 18)
    #expect(sqlite.foreignKeys.count == 12)
    #expect(sqlite.uniques == ["administrations.key_id"])
  }

  @Test func bytesRoundTripAsBytea() async throws {
    try await PostgresTestDatabase.withFreshSchema { location in
      try await execute(location, "CREATE SCHEMA \(location.quotedSchema)")
      try await execute(location, "CREATE TABLE bytes (k BIGINT PRIMARY KEY, b BYTEA NOT NULL)")
      let all = PostgresBytes(0...255)
      let empty = PostgresBytes([])
      try await PostgresTestDatabase.withConnection(location) { connection in
        _ = try await connection.query(
          "INSERT INTO bytes VALUES (1, \(all)), (2, \(empty))", logger: logger
        ).collect()
        let rows = try await connection.query(
          "SELECT b, octet_length(b)::bigint, pg_typeof(b)::text FROM bytes ORDER BY k",
          logger: logger
        ).collect()
        let decoded = try rows.map { try $0.decode((PostgresBytes, Int64, String).self) }
        #expect(decoded.map(\.0) == [all, empty])
        #expect(decoded.map(\.1) == [256, 0])
        #expect(decoded.map(\.2) == ["bytea", "bytea"])
        // A bound value is bytea on the server too, and a text column is not bytes.
        let echoed = try await connection.query(
          "SELECT pg_typeof(\(all))::text, \(all) = '\\x'::bytea, \(empty) = '\\x'::bytea",
          logger: logger
        ).collect()
        let (type, allIsEmpty, emptyIsEmpty) = try #require(echoed.first).decode(
          (String, Bool, Bool).self)
        #expect(type == "bytea" && !allIsEmpty && emptyIsEmpty)
        let text = try await connection.query("SELECT 'abc'::text", logger: logger).collect()
        #expect(throws: (any Error).self) { try text.first?.decode(PostgresBytes.self) }
      }
    }
  }

  // MARK: - Helpers

  private func execute(_ location: PostgresLocation, _ sql: String) async throws {
    try await PostgresTestDatabase.withConnection(location) { connection in
      _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
    }
  }

  private func recordedVersions(_ location: PostgresLocation) async throws -> [Int64] {
    try await PostgresTestDatabase.withConnection(location) { connection in
      try await connection.query(
        "SELECT version FROM schema_migrations ORDER BY version", logger: logger
      )
      .collect().map { try $0.decode(Int64.self) }
    }
  }

  private func catalog(_ location: PostgresLocation) async throws -> SchemaCatalog {
    try await PostgresTestDatabase.withConnection(location) { connection in
      try await SchemaCatalog.of(connection, schema: location.schema, logger: logger)
    }
  }
}
