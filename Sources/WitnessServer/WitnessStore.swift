import PSPCrypto
import PSPTransparency
import PSPWallet

/// The witness's state in SQLite (`witness.sqlite`): per origin, the latest
/// cosigned size, root hash and note, and for a PSP heads log the map root and
/// epoch frontier checked with it. "The witness MUST persist the new
/// checkpoint before responding", and "checking the old size against the
/// latest checkpoint and persisting the new checkpoint must be performed
/// atomically": each add-checkpoint or add-epoch is one IMMEDIATE transaction
/// (the write lock is taken before the record is read) that commits with
/// `synchronous=FULL` before the answer leaves.
public final class WitnessStore: Sendable {
  let database: SQLiteDatabase

  public init(path: String) throws(WitnessServerError) {
    do {
      database = try SQLiteDatabase(path: path)
      try database.execute(
        """
        CREATE TABLE IF NOT EXISTS witness_settings (
          name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cosigned (
          origin BLOB PRIMARY KEY,
          origin_hash TEXT NOT NULL UNIQUE,
          size INTEGER NOT NULL CHECK (size >= 0),
          root BLOB NOT NULL CHECK (length(root) = 32),
          note BLOB NOT NULL,
          -- A PSP heads log's map root and epoch frontier (both or neither).
          map_root BLOB CHECK (map_root IS NULL OR length(map_root) = 32),
          frontier BLOB,
          CHECK ((map_root IS NULL) = (frontier IS NULL)));
        """)
    } catch {
      throw .storage(error.description)
    }
  }

  /// Keeps the witness's name with its state: "the same public key can't be
  /// used across multiple cosigners", so a data dir (one key) answers to one
  /// name; another name on a later start is refused.
  public func claim(name: String) throws(WitnessServerError) {
    let stored: String?
    do {
      stored = try database.transaction { tx throws(WalletError) in
        if let row = try tx.query("SELECT value FROM witness_settings WHERE name = 'name'").first {
          return row[0].text
        }
        try tx.query("INSERT INTO witness_settings (name, value) VALUES ('name', ?)", [.text(name)])
        return name
      }
    } catch {
      throw .storage(error.description)
    }
    guard let stored, stored.utf8.elementsEqual(name.utf8) else {
      throw .configuration(
        "this data dir belongs to the witness named \(stored ?? "?"), not \(name)")
    }
  }

  /// Runs the witness logic on `request` and its origin's record, storing the
  /// new record, all in one transaction.
  public func addCheckpoint(_ request: AddCheckpointRequest, core: WitnessCore, now: UInt64)
    throws(WitnessServerError) -> WitnessOutcome
  {
    try decide(origin: request.checkpoint.origin) {
      core.addCheckpoint(request, stored: $0, now: now)
    }
  }

  /// Runs the epoch logic of a heads log (`WitnessCore.addEpoch`) on `request`
  /// and its origin's record, storing the new record and heads, all in one
  /// transaction: two epochs from one size never both get a cosignature.
  public func addEpoch(_ request: AddEpochRequest, core: WitnessCore, now: UInt64)
    throws(WitnessServerError) -> WitnessOutcome
  {
    try decide(origin: request.checkpoint.checkpoint.origin) {
      core.addEpoch(request, stored: $0, now: now)
    }
  }

  /// Reads the record of `origin`, asks `decision`, and stores the new record
  /// if there is one, in one IMMEDIATE transaction.
  private func decide(origin: String, _ decision: (WitnessRecord?) -> WitnessOutcome)
    throws(WitnessServerError) -> WitnessOutcome
  {
    let origin = Array(origin.utf8)
    do {
      return try database.transaction { tx throws(WalletError) in
        let rows = try tx.query(Self.selectRecord + " WHERE origin = ?", [.blob(origin)])
        let outcome = decision(try rows.first.map(Self.record))
        if let new = outcome.newRecord {
          try tx.query(
            """
            INSERT INTO cosigned (origin, origin_hash, size, root, note, map_root, frontier)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (origin) DO UPDATE SET size = excluded.size, root = excluded.root,
              note = excluded.note, map_root = excluded.map_root, frontier = excluded.frontier
            """,
            [
              .blob(origin), .text(Encoding.hex(SHA256.hash(origin))), .integer(Int64(new.size)),
              .blob(new.rootHash), .blob(new.note.serialized()),
              new.heads.map { .blob($0.mapRoot) } ?? .null,
              new.heads.map { .blob($0.frontier.encoded()) } ?? .null,
            ])
        }
        return outcome
      }
    } catch {
      throw .storage(error.description)
    }
  }

  /// The latest cosigned checkpoint note of the origin whose SHA-256 is `originHash` (lowercase hex).
  public func latestNote(originHash: String) throws(WitnessServerError) -> [UInt8]? {
    do {
      return try database.query(
        "SELECT note FROM cosigned WHERE origin_hash = ?", [.text(originHash)]
      ).first?[0].blob
    } catch {
      throw .storage(error.description)
    }
  }

  /// The record of `origin`, if the witness ever cosigned for it.
  public func record(origin: String) throws(WitnessServerError) -> WitnessRecord? {
    do {
      let rows = try database.query(
        Self.selectRecord + " WHERE origin = ?", [.blob(Array(origin.utf8))])
      return try rows.first.map(Self.record)
    } catch {
      throw .storage(error.description)
    }
  }

  private static let selectRecord = "SELECT size, root, note, map_root, frontier FROM cosigned"

  private static func record(_ row: SQLiteDatabase.Row) throws(WalletError) -> WitnessRecord {
    guard let size = row[0].integer, let root = row[1].blob, let bytes = row[2].blob,
      let note = try? SignedNote.parse(bytes)
    else { throw .malformed("stored witness record") }
    var heads: HeadsRecord?
    switch (row[3].blob, row[4].blob) {
    case (nil, nil): heads = nil
    case (let mapRoot?, let frontier?):
      guard let frontier = try? EpochFrontier.decode(frontier), frontier.size == size else {
        throw .malformed("stored heads record")
      }
      heads = HeadsRecord(mapRoot: mapRoot, frontier: frontier)
    default: throw .malformed("stored heads record")
    }
    return WitnessRecord(size: Int(size), rootHash: root, note: note, heads: heads)
  }
}
