import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

extension WalletService {
  func leaves(_ wallet: WalletID) throws(APIError) -> [[UInt8]] {
    do {
      return try reader.database.query(
        "SELECT leaf FROM log_entries WHERE wallet = ? ORDER BY idx", [.blob(wallet.bytes)]
      ).compactMap { $0[0].blob }
    } catch { throw APIError(error) }
  }

  /// The owner, or a trustee of the wallet, reads its log.
  func requireLogReader(_ caller: Caller, wallet: WalletID) throws(APIError) {
    try refuseOperator(caller)
    let record = try walletRecord(wallet, acting: false)
    if isOwner(caller, of: record) { return }
    let state = try consentState(wallet)
    let authority = try authority(record)
    let trustee = state.procurations.values.contains { token in
      guard let p = try? ProcurationVerifier.verify(token, authority: authority, rules: rules) else { return false }
      return p.claims.sub == caller.keyID && !state.revoked.contains(p.id) && p.claims.actions.contains(.read)
    }
    guard trustee else { throw .forbidden("only the citizen or a trustee with read reads the log") }
  }

  /// Bytes of entries a log page holds at most (beyond its first entry).
  public static let logPageBytes = 256 * 1024

  public func logEntries(_ wallet: WalletID, start: Int, caller: Caller) throws(APIError) -> LogView {
    try requireLogReader(caller, wallet: wallet)
    guard start >= 0 else { throw .badRequest("start must be 0 or more") }
    do {
      let rows = try reader.database.query(
        "SELECT entry FROM log_entries WHERE wallet = ? AND idx >= ? ORDER BY idx LIMIT 1000",
        [.blob(wallet.bytes), .integer(Int64(start))])
      let size =
        try reader.database.query("SELECT COUNT(*) FROM log_entries WHERE wallet = ?", [.blob(wallet.bytes)])
        .first?[0].integer ?? 0
      // A page holds at most 1000 entries and, past its first entry,
      // `logPageBytes` bytes of entries: the client asks again from where it ends.
      var entries: [Bytes] = []
      var bytes = 0
      for row in rows {
        guard let entry = row[0].blob else { continue }
        if !entries.isEmpty && bytes + entry.count > Self.logPageBytes { break }
        bytes += entry.count
        entries.append(Bytes(entry))
      }
      return LogView(entries: entries, start: start, size: Int(size))
    } catch { throw APIError(error) }
  }

  /// The wallet's head under the latest witnessed checkpoint (`spec/log.md` §5).
  public func logProof(_ wallet: WalletID, caller: Caller) async throws(APIError) -> LogProofView {
    try requireLogReader(caller, wallet: wallet)
    do { return LogProofView(proof: try await witnessing.headProof(wallet: wallet)) } catch let error as APIError {
      throw error
    } catch { throw .unavailable("the log's proof could not be made") }
  }

  public func consistencyProof(_ wallet: WalletID, from oldSize: Int, to newSize: Int, caller: Caller)
    throws(APIError) -> ProofView
  {
    try requireLogReader(caller, wallet: wallet)
    let leaves = try leaves(wallet)
    guard oldSize >= 0, oldSize <= newSize, newSize <= leaves.count else { throw .badRequest("sizes out of range") }
    return ProofView(proof: MerkleTree.consistencyProof(oldSize: oldSize, leaves: leaves[0..<newSize]).map(Bytes.init))
  }

  public func inclusionProof(_ wallet: WalletID, index: Int, size: Int, caller: Caller) throws(APIError) -> ProofView {
    try requireLogReader(caller, wallet: wallet)
    let leaves = try leaves(wallet)
    guard index >= 0, index < size, size <= leaves.count else { throw .badRequest("index or size out of range") }
    return ProofView(proof: MerkleTree.inclusionProof(index: index, leaves: leaves[0..<size]).map(Bytes.init))
  }
}

extension WalletService {
  /// Gauges computed when scraped: log entries, wallets, grants in force.
  public func gauges() -> String {
    func count(_ sql: String) -> Int64 { (try? reader.database.query(sql).first?[0].integer) ?? nil ?? 0 }
    let entries = count("SELECT COUNT(*) FROM log_entries")
    let wallets = count("SELECT COUNT(*) FROM wallets WHERE closed_at IS NULL")
    let grants = count(
      "SELECT COUNT(*) FROM grants WHERE id NOT IN (SELECT ref FROM status_changes WHERE action = 'revoke') AND id NOT IN (SELECT statement FROM consumptions)"
    )
    return """
      # TYPE psp_log_entries gauge
      psp_log_entries \(entries)
      # TYPE psp_wallets_open gauge
      psp_wallets_open \(wallets)
      # TYPE psp_grants_active gauge
      psp_grants_active \(grants)
      # TYPE psp_group_commit_batches counter
      psp_group_commit_batches \(committer.batches)
      # TYPE psp_group_commit_writes counter
      psp_group_commit_writes \(committer.writes)

      """
  }
}
