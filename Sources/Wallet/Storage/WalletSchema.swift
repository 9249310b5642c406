/// The wallet tables, versioned. Each migration runs once, in order, inside a
/// transaction, and is recorded in `schema_migrations`. The SQL is kept to what
/// PostgreSQL also accepts (BLOB becomes BYTEA there; nothing else changes).
enum WalletSchema {
  static let migrations: [(version: Int64, sql: String)] = [
    (
      1,
      """
      CREATE TABLE wallets (
        id BLOB PRIMARY KEY,
        owner_signing_key TEXT NOT NULL,
        owner_encryption_key BLOB NOT NULL,
        consent_receipt TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        closed_at INTEGER,
        closure TEXT
      );
      CREATE TABLE circle_keys (
        wallet BLOB NOT NULL REFERENCES wallets(id),
        circle INTEGER NOT NULL CHECK (circle BETWEEN 0 AND 4),
        epoch INTEGER NOT NULL,
        recipient BLOB NOT NULL,
        sealed_key BLOB NOT NULL,
        PRIMARY KEY (wallet, circle, epoch, recipient)
      );
      CREATE TABLE field_records (
        wallet BLOB NOT NULL REFERENCES wallets(id),
        field TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        circle INTEGER NOT NULL CHECK (circle BETWEEN 0 AND 4),
        circle_epoch INTEGER NOT NULL,
        ciphertext BLOB NOT NULL,
        commitment BLOB NOT NULL,
        wrapped_data_key BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (wallet, field, version)
      );
      """
    ),
    (
      2,
      """
      CREATE TABLE circle_key_statements (
        wallet BLOB NOT NULL REFERENCES wallets(id),
        position INTEGER NOT NULL,
        token TEXT NOT NULL,
        PRIMARY KEY (wallet, position)
      );
      """
    ),
  ]

  static func migrate(_ database: SQLiteDatabase) throws(WalletError) {
    try SchemaMigrator.migrate(database, migrations)
  }
}

/// Runs versioned migrations once each, in order, each in a transaction,
/// recorded in `schema_migrations`. Shared by the wallet tables and walletd's.
public enum SchemaMigrator {
  public static func migrate(_ database: SQLiteDatabase, _ migrations: [(version: Int64, sql: String)])
    throws(WalletError)
  {
    try database.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)"
    )
    let applied = Set(try database.query("SELECT version FROM schema_migrations").compactMap { $0[0].integer })
    for migration in migrations where !applied.contains(migration.version) {
      try database.transaction { (tx) throws(WalletError) in
        for statement in migration.sql.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
          try tx.query(String(statement))
        }
        try tx.query(
          "INSERT INTO schema_migrations (version, applied_at) VALUES (?, strftime('%s','now'))",
          [.integer(migration.version)])
      }
    }
  }
}
