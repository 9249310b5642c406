/// The shared sessions in the `sessions` and `session_counters` tables
/// (PostgreSQL's unlogged tables: a crash empties both at once).
struct SQLSessionStore: SessionStore {
  let engine: any SQLEngine

  func keep(_ session: StoredSession) async throws {
    _ = try await engine.rows(
      """
      INSERT INTO sessions (id, signing_key, encryption_key, wrapped_key, expires)
      VALUES ($1, $2, $3, $4, $5)
      """,
      [
        .text(session.id), .blob(session.signingKey), .blob(session.encryptionKey),
        .blob(session.wrappedKey), .integer(session.expires),
      ])
  }

  func session(_ id: String) async throws -> StoredSession? {
    guard
      let row = try await engine.rows(
        "SELECT signing_key, encryption_key, wrapped_key, expires FROM sessions WHERE id = $1",
        [.text(id)]
      ).first
    else { return nil }
    guard let signing = row[0].blob, let encryption = row[1].blob, let wrapped = row[2].blob,
      let expires = row[3].integer
    else { return nil }
    return StoredSession(
      id: id, signingKey: signing, encryptionKey: encryption, wrappedKey: wrapped, expires: expires)
  }

  func use(counter: Int64, of id: String, at now: Int64) async throws -> CounterUse {
    // Once each, and not older than the window below the highest used
    // (`ReplayWindow`'s rule; the key on both columns decides between racers).
    let inserted = try await engine.rows(
      """
      INSERT INTO session_counters (session, counter)
      SELECT id, $2 FROM sessions WHERE id = $1 AND expires > $3
      AND $2 > COALESCE((SELECT MAX(counter) FROM session_counters WHERE session = $1), 0) - $4
      ON CONFLICT DO NOTHING RETURNING 1
      """, [.text(id), .integer(counter), .integer(now), .integer(Int64(ReplayWindow.size))])
    if !inserted.isEmpty { return .fresh }
    let known = try await engine.rows(
      "SELECT 1 FROM sessions WHERE id = $1 AND expires > $2", [.text(id), .integer(now)])
    return known.isEmpty ? .unknownSession : .used
  }

  func forget(expiredBy now: Int64) async throws -> Int {
    _ = try await engine.rows("DELETE FROM sessions WHERE expires <= $1", [.integer(now)])
    return Int(try await engine.rows("SELECT COUNT(*) FROM sessions", []).first?[0].integer ?? 0)
  }
}
