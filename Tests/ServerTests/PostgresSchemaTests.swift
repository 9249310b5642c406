import Foundation
import PSPWallet
import PostgresNIO
import Testing

@testable import WalletServer

/// walletd's migrations on a real PostgreSQL server (`PSP_TEST_DATABASE`), each test on a
/// schema of its own: applied once, even by several walletd at once; refused when newer;
/// the same tables, columns and keys as SQLite's.
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

  /// The PostgreSQL schema has SQLite's tables, columns and primary keys, apart from the
  /// identity columns that stand for SQLite's rowid; and every SQLite index by name.
  @Test func sameTablesColumnsAndKeysAsSQLite() async throws {
    let sqlite = try sqliteCatalog()
    let postgres = try await PostgresTestDatabase.withFreshSchema { location in
      try await PostgresMigrator.migrate(location: location, logger: logger)
      return try await catalog(location)
    }
    let postgresOnly: [String: Set<String>] = [
      "administrations": ["position"], "procurations": ["seq"], "grants": ["seq"],
      "status_changes": ["seq"], "filings": ["seq"],
    ]
    let declared = PostgresSchema.identityColumns.map { ($0.table, Set([$0.column])) }
    #expect(Dictionary(uniqueKeysWithValues: declared) == postgresOnly)
    var withoutIdentity = postgres.columns
    for (table, columns) in postgresOnly {
      #expect(withoutIdentity[table]?.isSuperset(of: columns) == true, "\(table)")
      withoutIdentity[table]?.subtract(columns)
    }
    #expect(withoutIdentity == sqlite.columns)
    #expect(postgres.primaryKeys == sqlite.primaryKeys)
    #expect(sqlite.indexes.isSubset(of: postgres.indexes))
    #expect(postgres.indexes.subtracting(sqlite.indexes) == ["status_latest"])
    #expect(sqlite.columns.count == 18)
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

  struct Catalog: Equatable {
    var columns: [String: Set<String>] = [:]
    var primaryKeys: [String: [String]] = [:]
    var indexes: Set<String> = []
  }

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

  /// Tables, columns, primary keys (in key order) and index names of the location's schema.
  private func catalog(_ location: PostgresLocation) async throws -> Catalog {
    try await PostgresTestDatabase.withConnection(location) { connection in
      var catalog = Catalog()
      let schema = location.schema
      for row in try await connection.query(
        """
        SELECT c.table_name::text, c.column_name::text FROM information_schema.columns c
        JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = \(schema) AND t.table_type = 'BASE TABLE'
        """, logger: logger
      ).collect() {
        let (table, column) = try row.decode((String, String).self)
        catalog.columns[table, default: []].insert(column)
      }
      for row in try await connection.query(
        """
        SELECT k.table_name::text, k.column_name::text FROM information_schema.table_constraints c
        JOIN information_schema.key_column_usage k
          USING (constraint_schema, constraint_name, table_schema, table_name)
        WHERE c.table_schema = \(schema) AND c.constraint_type = 'PRIMARY KEY'
        ORDER BY k.table_name, k.ordinal_position
        """, logger: logger
      ).collect() {
        let (table, column) = try row.decode((String, String).self)
        catalog.primaryKeys[table, default: []].append(column)
      }
      // Named indexes only: not those PostgreSQL makes for a primary key or a UNIQUE.
      for row in try await connection.query(
        """
        SELECT i.relname::text FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace n ON n.oid = i.relnamespace
        WHERE n.nspname = \(schema)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
        """, logger: logger
      ).collect() {
        catalog.indexes.insert(try row.decode(String.self))
      }
      return catalog
    }
  }

  /// The same, of a SQLite file migrated as walletd does (`WalletService.init`).
  private func sqliteCatalog() throws -> Catalog {
    let directory = TestDirectory()
    let store = try SQLiteWalletStore(path: directory.path + "/walletd.sqlite")
    try SchemaMigrator.migrate(store.database, ServerSchema.migrations)
    let database = store.database
    var catalog = Catalog()
    let tables = try database.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).compactMap { $0[0].text }
    for table in tables {
      // table_info: cid, name, type, notnull, dflt_value, pk (1-based position in the key).
      var keyed: [(Int64, String)] = []
      for column in try database.query("SELECT name, pk FROM pragma_table_info(?)", [.text(table)])
      {
        guard let name = column[0].text, let pk = column[1].integer else { continue }
        catalog.columns[table, default: []].insert(name)
        if pk > 0 { keyed.append((pk, name)) }
      }
      catalog.primaryKeys[table] = keyed.sorted { $0.0 < $1.0 }.map(\.1)
    }
    catalog.indexes = Set(
      try database.query(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'"
      ).compactMap { $0[0].text })
    return catalog
  }
}
