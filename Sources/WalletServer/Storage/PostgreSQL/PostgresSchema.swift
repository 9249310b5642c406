import Foundation

/// walletd's tables on PostgreSQL: every migration of `WalletSchema` (1, 2) and
/// `ServerSchema` (1001–1006), translated one to one with the same version numbers, so
/// that `schema_migrations` means the same on both engines.
///
/// The translation: BLOB → BYTEA, INTEGER → BIGINT, TEXT stays. Keys, uniques, foreign
/// keys, CHECKs and indexes are those of SQLite. Where SQLite orders by `rowid`, PostgreSQL
/// has no such column: the tables read that way get an identity column (`seq`, or
/// `position` for administrations). Rows of one wallet are written under that wallet's
/// lock, so within a wallet identity order is commit order, which is all those ORDER BYs
/// need. Each string is split on `;` by the migrator, so no `;` may appear inside one
/// statement. Migrations from 1007 on are written once per engine.
enum PostgresSchema {
  /// The identity columns that SQLite does not have (it orders by `rowid` instead).
  static let identityColumns: [(table: String, column: String)] = [
    ("administrations", "position"), ("procurations", "seq"), ("grants", "seq"),
    ("status_changes", "seq"), ("filings", "seq"),
  ]

  static let migrations: [(version: Int64, sql: String)] = [
    (
      1,
      """
      CREATE TABLE wallets (
        id BYTEA PRIMARY KEY,
        owner_signing_key TEXT NOT NULL,
        owner_encryption_key BYTEA NOT NULL,
        consent_receipt TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        closed_at BIGINT,
        closure TEXT
      );
      CREATE TABLE circle_keys (
        wallet BYTEA NOT NULL REFERENCES wallets(id),
        circle BIGINT NOT NULL CHECK (circle BETWEEN 0 AND 4),
        epoch BIGINT NOT NULL,
        recipient BYTEA NOT NULL,
        sealed_key BYTEA NOT NULL,
        PRIMARY KEY (wallet, circle, epoch, recipient)
      );
      CREATE TABLE field_records (
        wallet BYTEA NOT NULL REFERENCES wallets(id),
        field TEXT NOT NULL,
        version BIGINT NOT NULL CHECK (version >= 1),
        circle BIGINT NOT NULL CHECK (circle BETWEEN 0 AND 4),
        circle_epoch BIGINT NOT NULL,
        ciphertext BYTEA NOT NULL,
        commitment BYTEA NOT NULL,
        wrapped_data_key BYTEA NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (wallet, field, version)
      );
      """
    ),
    (
      2,
      """
      CREATE TABLE circle_key_statements (
        wallet BYTEA NOT NULL REFERENCES wallets(id),
        position BIGINT NOT NULL,
        token TEXT NOT NULL,
        PRIMARY KEY (wallet, position)
      );
      """
    ),
    (
      // Differs: administrations.position, procurations.seq, grants.seq,
      // status_changes.seq and filings.seq stand for SQLite's rowid in ORDER BYs.
      1001,
      """
      CREATE TABLE administrations (
        id TEXT PRIMARY KEY,
        key_id TEXT NOT NULL UNIQUE,
        record TEXT NOT NULL,
        registered_at BIGINT NOT NULL,
        position BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE TABLE procurations (
        id TEXT PRIMARY KEY,
        wallet BYTEA NOT NULL REFERENCES wallets(id),
        trustee TEXT NOT NULL,
        token TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        seq BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE TABLE grants (
        id TEXT PRIMARY KEY,
        wallet BYTEA NOT NULL REFERENCES wallets(id),
        grantee TEXT NOT NULL,
        token TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        seq BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX grants_by_wallet ON grants (wallet);
      CREATE TABLE grant_keys (
        grant_id TEXT NOT NULL REFERENCES grants(id),
        field TEXT NOT NULL,
        version BIGINT NOT NULL,
        sealed_key BYTEA NOT NULL,
        PRIMARY KEY (grant_id, field, version)
      );
      CREATE TABLE status_changes (
        id TEXT PRIMARY KEY,
        wallet BYTEA NOT NULL REFERENCES wallets(id),
        ref TEXT NOT NULL,
        action TEXT NOT NULL,
        token TEXT NOT NULL,
        at BIGINT NOT NULL,
        seq BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX status_by_wallet ON status_changes (wallet);
      CREATE TABLE consumptions (
        statement TEXT PRIMARY KEY,
        wallet BYTEA NOT NULL REFERENCES wallets(id),
        at BIGINT NOT NULL
      );
      CREATE TABLE filings (
        id TEXT PRIMARY KEY,
        wallet BYTEA NOT NULL REFERENCES wallets(id),
        administration TEXT NOT NULL,
        token TEXT NOT NULL,
        grant_id TEXT NOT NULL,
        at BIGINT NOT NULL,
        seq BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE TABLE filing_responses (
        id TEXT PRIMARY KEY,
        filing TEXT NOT NULL REFERENCES filings(id),
        position BIGINT NOT NULL,
        token TEXT NOT NULL,
        sealed_note BYTEA,
        at BIGINT NOT NULL
      );
      CREATE TABLE log_entries (
        wallet BYTEA NOT NULL,
        idx BIGINT NOT NULL,
        entry BYTEA NOT NULL,
        leaf BYTEA NOT NULL,
        PRIMARY KEY (wallet, idx)
      );
      """
    ),
    (
      // Differs: status_latest serves "the newest status of a ref" (ORDER BY at DESC,
      // rowid DESC on SQLite) without a sort.
      1002,
      """
      CREATE INDEX status_by_ref ON status_changes (ref);
      CREATE INDEX status_latest ON status_changes (ref, at DESC, seq DESC);
      """
    ),
    (
      1003,
      """
      CREATE INDEX procurations_by_wallet ON procurations (wallet);
      CREATE INDEX consumptions_by_wallet ON consumptions (wallet);
      """
    ),
    (
      1004,
      """
      CREATE TABLE record_statements (
        id TEXT PRIMARY KEY,
        wallet BYTEA NOT NULL REFERENCES wallets(id),
        token TEXT NOT NULL
      );
      ALTER TABLE field_records ADD COLUMN statement TEXT;
      CREATE TABLE grant_manifests (
        grant_id TEXT NOT NULL REFERENCES grants(id),
        seq BIGINT NOT NULL,
        token TEXT NOT NULL,
        PRIMARY KEY (grant_id, seq)
      );
      ALTER TABLE administrations ADD COLUMN certificate TEXT;
      """
    ),
    (
      1005,
      """
      CREATE TABLE epochs (
        idx BIGINT PRIMARY KEY,
        map_root BYTEA NOT NULL,
        note BYTEA NOT NULL,
        request BYTEA,
        cosigned BYTEA,
        made_at BIGINT NOT NULL
      );
      CREATE TABLE epoch_heads (
        wallet BYTEA PRIMARY KEY,
        size BIGINT NOT NULL,
        root BYTEA NOT NULL
      );
      """
    ),
    (
      1006,
      """
      ALTER TABLE filing_responses ADD COLUMN sealed_note_for_filer BYTEA;
      """
    ),
    // PostgreSQL only: what several walletd on one schema share (spec/api.md §9.2).
    // The entries appended and not yet taken into an epoch, in commit order of
    // taking; each epoch's moves, for the walletd that follow the one making
    // epochs; why the log refuses writes; the sessions and their used counters,
    // unlogged: a server crash or a promoted standby empties both together, so
    // no counter is forgotten while its session lives on.
    (
      1007,
      """
      CREATE TABLE log_appends (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        wallet BYTEA NOT NULL,
        idx BIGINT NOT NULL
      );
      CREATE TABLE epoch_moves (
        epoch BIGINT NOT NULL,
        wallet BYTEA NOT NULL,
        size BIGINT NOT NULL,
        root BYTEA NOT NULL,
        PRIMARY KEY (epoch, wallet)
      );
      CREATE TABLE log_blocks (
        reason TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE UNLOGGED TABLE sessions (
        id TEXT PRIMARY KEY,
        signing_key BYTEA NOT NULL,
        encryption_key BYTEA NOT NULL,
        wrapped_key BYTEA NOT NULL,
        expires BIGINT NOT NULL
      );
      CREATE INDEX sessions_by_expiry ON sessions (expires);
      CREATE UNLOGGED TABLE session_counters (
        session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        counter BIGINT NOT NULL,
        PRIMARY KEY (session, counter)
      );
      """
    ),
  ]

  /// The statements of one migration, in order.
  static func statements(of sql: String) -> [String] {
    sql.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }
  }
}
