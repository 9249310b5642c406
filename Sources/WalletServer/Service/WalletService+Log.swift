import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

extension WalletService {
  func leaves(_ wallet: WalletID) async throws(APIError) -> [[UInt8]] {
    do { return try await store.leaves(wallet: wallet) } catch { throw APIError(error) }
  }

  /// The owner, or a trustee of the wallet, reads its log.
  func requireLogReader(_ caller: Caller, wallet: WalletID) async throws(APIError) {
    try refuseOperator(caller)
    let record = try await walletRecord(wallet, acting: false)
    if isOwner(caller, of: record) { return }
    let state = try await consentState(wallet)
    let authority = try authority(record)
    let trustee = state.procurations.values.contains { token in
      guard let p = try? ProcurationVerifier.verify(token, authority: authority, rules: rules)
      else { return false }
      return p.claims.sub == caller.keyID && !state.revoked.contains(p.id)
        && p.claims.actions.contains(.read)
    }
    guard trustee else { throw .forbidden("only the citizen or a trustee with read reads the log") }
  }

  /// Bytes of entries a log page holds at most (beyond its first entry).
  public static let logPageBytes = 256 * 1024

  public func logEntries(_ wallet: WalletID, start: Int, caller: Caller) async throws(APIError)
    -> LogView
  {
    try await requireLogReader(caller, wallet: wallet)
    guard start >= 0 else { throw .badRequest("start must be 0 or more") }
    let page: (entries: [[UInt8]], size: Int)
    do { page = try await store.logPage(wallet: wallet, start: start, limit: 1000) } catch {
      throw APIError(error)
    }
    // A page holds at most 1000 entries and, past its first entry,
    // `logPageBytes` bytes of entries: the client asks again from where it ends.
    var entries: [Bytes] = []
    var bytes = 0
    for entry in page.entries {
      if !entries.isEmpty && bytes + entry.count > Self.logPageBytes { break }
      bytes += entry.count
      entries.append(Bytes(entry))
    }
    return LogView(entries: entries, start: start, size: page.size)
  }

  /// The wallet's head under the latest witnessed checkpoint (`spec/log.md` §5).
  public func logProof(_ wallet: WalletID, caller: Caller) async throws(APIError) -> LogProofView {
    try await requireLogReader(caller, wallet: wallet)
    do { return LogProofView(proof: try await witnessing.headProof(wallet: wallet)) } catch let
      error as APIError
    {
      throw error
    } catch { throw .unavailable("the log's proof could not be made") }
  }

  public func consistencyProof(
    _ wallet: WalletID, from oldSize: Int, to newSize: Int, caller: Caller
  )
    async throws(APIError) -> ProofView
  {
    try await requireLogReader(caller, wallet: wallet)
    let leaves = try await leaves(wallet)
    guard oldSize >= 0, oldSize <= newSize, newSize <= leaves.count else {
      throw .badRequest("sizes out of range")
    }
    return ProofView(
      proof: MerkleTree.consistencyProof(oldSize: oldSize, leaves: leaves[0..<newSize]).map(
        Bytes.init))
  }

  public func inclusionProof(_ wallet: WalletID, index: Int, size: Int, caller: Caller)
    async throws(APIError) -> ProofView
  {
    try await requireLogReader(caller, wallet: wallet)
    let leaves = try await leaves(wallet)
    guard index >= 0, index < size, size <= leaves.count else {
      throw .badRequest("index or size out of range")
    }
    return ProofView(
      proof: MerkleTree.inclusionProof(index: index, leaves: leaves[0..<size]).map(Bytes.init))
  }
}

extension WalletService {
  /// Transactions committed and writes in them (metrics, benchmarks).
  public var writeCounts: (batches: Int, writes: Int) { store.writeCounts }

  /// The bytes walletd's data takes in its database now (benchmarks).
  public func bytesStored() async throws -> Int64 { try await store.bytesStored() }

  /// Gauges computed when scraped: log entries, wallets, grants in force.
  public func gauges() async -> String {
    let gauges = await store.gauges()
    let (batches, writes) = store.writeCounts
    return """
      # TYPE psp_log_entries gauge
      psp_log_entries \(gauges.logEntries)
      # TYPE psp_wallets_open gauge
      psp_wallets_open \(gauges.openWallets)
      # TYPE psp_grants_active gauge
      psp_grants_active \(gauges.activeGrants)
      # TYPE psp_group_commit_batches counter
      psp_group_commit_batches \(batches)
      # TYPE psp_group_commit_writes counter
      psp_group_commit_writes \(writes)

      """
  }
}
