import Logging
import PostgresNIO

/// Brings a PostgreSQL schema to `PostgresSchema`'s newest version, once, even when several
/// walletd start at the same time.
///
/// Each migration runs in its own transaction, which first takes the schema's advisory
/// lock and reads `schema_migrations` again under it: a walletd that waited for another
/// finds the version applied and skips it. The lock is per schema, so tests that each use
/// their own schema do not wait for each other.
public enum PostgresMigrator {
  /// The first key of walletd's advisory locks; the second is `hashtext(schema name)`.
  static let lockClass: Int32 = 7470

  /// Creates the location's schema if it is missing and applies every migration it lacks.
  /// Refuses a schema that holds a version this walletd does not know. Returns the versions
  /// this call applied (none when another walletd got there first).
  @discardableResult
  public static func migrate(location: PostgresLocation, logger: Logger) async throws -> [Int64] {
    let connection = try await PostgresConnect.connect(to: location, logger: logger)
    let applied: [Int64]
    do {
      applied = try await migrate(connection, location: location, logger: logger)
    } catch {
      try? await connection.close()
      throw error
    }
    try await connection.close()
    return applied
  }

  /// The same on an open connection whose `search_path` is the location's schema.
  @discardableResult
  static func migrate(
    _ connection: PostgresConnection, location: PostgresLocation,
    migrations: [(version: Int64, sql: String)] = PostgresSchema.migrations, logger: Logger
  ) async throws -> [Int64] {
    let session = MigrationSession(connection: connection, logger: logger)
    let known = Set(migrations.map(\.version))
    try await session.transaction {
      // Under the lock: two CREATE … IF NOT EXISTS at once can still collide in the catalog.
      try await session.run(
        "SELECT pg_advisory_xact_lock(\(lockClass), hashtext(\(location.schema)))")
      try await createSchema(location, session)
      try await session.run(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)"
      )
      try refuseUnknown(try await session.appliedVersions(), known: known)
    }
    var appliedHere: [Int64] = []
    for migration in migrations {
      try await session.transaction {
        try await session.run(
          "SELECT pg_advisory_xact_lock(\(lockClass), hashtext(current_schema()))")
        let applied = try await session.appliedVersions()
        try refuseUnknown(applied, known: known)
        if applied.contains(migration.version) { return }
        for statement in PostgresSchema.statements(of: migration.sql) {
          try await session.run(PostgresQuery(unsafeSQL: statement))
        }
        try await session.run(
          """
          INSERT INTO schema_migrations (version, applied_at)
          VALUES (\(migration.version), extract(epoch from now())::bigint)
          """)
        logger.info("applied migration", metadata: ["version": "\(migration.version)"])
        appliedHere.append(migration.version)
      }
    }
    return appliedHere
  }

  /// Creates the schema if it is missing (without asking for CREATE on the database when it
  /// exists), then checks that `search_path` selects it: `current_schema()` is the lock key.
  private static func createSchema(_ location: PostgresLocation, _ session: MigrationSession)
    async throws
  {
    let exists = try await session.rows(
      "SELECT 1 FROM pg_namespace WHERE nspname = \(location.schema)")
    if exists.isEmpty {
      // The name was checked against [a-z_][a-z0-9_]{0,62}, so quoting it is enough.
      try await session.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(location.quotedSchema)"))
    }
    let current = try await session.rows("SELECT current_schema()")
    guard let row = current.first, try row.decode(String?.self) == location.schema else {
      throw PostgresMigrationError.schemaNotSelected(location.schema)
    }
  }

  private static func refuseUnknown(_ applied: Set<Int64>, known: Set<Int64>) throws {
    if !applied.isSubset(of: known) { throw PostgresMigrationError.newerDatabase }
  }
}

/// Why walletd would not migrate a PostgreSQL schema.
public enum PostgresMigrationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The schema holds a migration this walletd does not know.
  case newerDatabase
  /// The connection's `search_path` does not select the schema just created.
  case schemaNotSelected(String)

  public var description: String {
    switch self {
    case .newerDatabase:
      "the database was migrated by a newer walletd; start that version or a newer one"
    case .schemaNotSelected(let schema):
      "the connection does not use the schema \(schema); check the database's search_path settings"
    }
  }
}

/// The few statements the migrator needs, on one connection.
private struct MigrationSession {
  let connection: PostgresConnection
  let logger: Logger

  func run(_ query: PostgresQuery) async throws {
    _ = try await rows(query)
  }

  /// Reads every row, so that the connection is free for the next statement.
  func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
    try await connection.query(query, logger: logger).collect()
  }

  func appliedVersions() async throws -> Set<Int64> {
    var versions: Set<Int64> = []
    for row in try await rows("SELECT version FROM schema_migrations") {
      versions.insert(try row.decode(Int64.self))
    }
    return versions
  }

  /// BEGIN … COMMIT, ROLLBACK on any error, which is rethrown as it is (postgres-nio's own
  /// `withTransaction` wraps it). Migrations may wait for another walletd's, and may one day
  /// rewrite a large table: they get longer bounds than the connection's.
  func transaction(_ body: () async throws -> Void) async throws {
    try await run("BEGIN")
    do {
      try await run("SET LOCAL lock_timeout = '2min'")
      try await run("SET LOCAL statement_timeout = '10min'")
      try await body()
      try await run("COMMIT")
    } catch {
      try? await run("ROLLBACK")
      throw error
    }
  }
}
