import PSPWallet

/// walletd's tables, beside the wallet tables (`WalletSchema`) in the same
/// SQLite file, so that a consumption, a record and its log entry commit
/// together. Versions start at 1001 to stay apart from the wallet's.
/// Only tokens, ids, key ids, sealed keys and log entries: no value.
enum ServerSchema {
  static let migrations: [(version: Int64, sql: String)] = [
    (
      1001,
      """
      CREATE TABLE administrations (
        id TEXT PRIMARY KEY,
        key_id TEXT NOT NULL UNIQUE,
        record TEXT NOT NULL,
        registered_at INTEGER NOT NULL
      );
      CREATE TABLE procurations (
        id TEXT PRIMARY KEY,
        wallet BLOB NOT NULL REFERENCES wallets(id),
        trustee TEXT NOT NULL,
        token TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE grants (
        id TEXT PRIMARY KEY,
        wallet BLOB NOT NULL REFERENCES wallets(id),
        grantee TEXT NOT NULL,
        token TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX grants_by_wallet ON grants (wallet);
      CREATE TABLE grant_keys (
        grant_id TEXT NOT NULL REFERENCES grants(id),
        field TEXT NOT NULL,
        version INTEGER NOT NULL,
        sealed_key BLOB NOT NULL,
        PRIMARY KEY (grant_id, field, version)
      );
      CREATE TABLE status_changes (
        id TEXT PRIMARY KEY,
        wallet BLOB NOT NULL REFERENCES wallets(id),
        ref TEXT NOT NULL,
        action TEXT NOT NULL,
        token TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX status_by_wallet ON status_changes (wallet);
      CREATE TABLE consumptions (
        statement TEXT PRIMARY KEY,
        wallet BLOB NOT NULL REFERENCES wallets(id),
        at INTEGER NOT NULL
      );
      CREATE TABLE filings (
        id TEXT PRIMARY KEY,
        wallet BLOB NOT NULL REFERENCES wallets(id),
        administration TEXT NOT NULL,
        token TEXT NOT NULL,
        grant_id TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE TABLE filing_responses (
        id TEXT PRIMARY KEY,
        filing TEXT NOT NULL REFERENCES filings(id),
        position INTEGER NOT NULL,
        token TEXT NOT NULL,
        sealed_note BLOB,
        at INTEGER NOT NULL
      );
      CREATE TABLE log_entries (
        wallet BLOB NOT NULL,
        idx INTEGER NOT NULL,
        entry BLOB NOT NULL,
        leaf BLOB NOT NULL,
        PRIMARY KEY (wallet, idx)
      );
      """
    ),
    (
      1002,
      """
      CREATE INDEX status_by_ref ON status_changes (ref);
      """
    ),
    (
      // Every request loads its wallet's consent state by wallet: without
      // these, procurations and consumptions were scanned whole.
      1003,
      """
      CREATE INDEX procurations_by_wallet ON procurations (wallet);
      CREATE INDEX consumptions_by_wallet ON consumptions (wallet);
      """
    ),
    (
      // A platform that cannot lie (consent.md §27): who wrote each record
      // (the author's statement), what each grant may open (the grantor's
      // manifests, newest by seq), and the registrar's certificate of each
      // administration.
      1004,
      """
      CREATE TABLE record_statements (
        id TEXT PRIMARY KEY,
        wallet BLOB NOT NULL REFERENCES wallets(id),
        token TEXT NOT NULL
      );
      ALTER TABLE field_records ADD COLUMN statement TEXT;
      CREATE TABLE grant_manifests (
        grant_id TEXT NOT NULL REFERENCES grants(id),
        seq INTEGER NOT NULL,
        token TEXT NOT NULL,
        PRIMARY KEY (grant_id, seq)
      );
      ALTER TABLE administrations ADD COLUMN certificate TEXT;
      """
    ),
    (
      // The witnessed log (spec/log.md §4): every epoch (its map root, the
      // checkpoint walletd signed, the request its witnesses check, the note
      // with their cosignatures once the quorum gave them) and each wallet's
      // head as of the last epoch.
      1005,
      """
      CREATE TABLE epochs (
        idx INTEGER PRIMARY KEY,
        map_root BLOB NOT NULL,
        note BLOB NOT NULL,
        request BLOB,
        cosigned BLOB,
        made_at INTEGER NOT NULL
      );
      CREATE TABLE epoch_heads (
        wallet BLOB PRIMARY KEY,
        size INTEGER NOT NULL,
        root BLOB NOT NULL
      );
      """
    ),
    (
      // A response's note sealed to the trustee who filed the request (api.md
      // §7.15); null for the responses stored before, and for the owner's filings.
      1006,
      """
      ALTER TABLE filing_responses ADD COLUMN sealed_note_for_filer BLOB;
      """
    ),
  ]
}
