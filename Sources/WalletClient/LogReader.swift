import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// What verifying the log found.
public struct LogVerification: Sendable, Equatable {
  /// The new checkpoint, only when the log is intact: keep it for the next
  /// verification. A failed verification gives none, so a rewritten log is
  /// never accepted as the new reference.
  public let checkpoint: String?
  public let size: Int
  /// The entries that were verified against the checkpoint (the ones to show).
  public let entries: [AccessLogEntry]
  /// Whether every entry shown hashes to the checkpoint's root, and the log
  /// only grew since the previous checkpoint.
  public let intact: Bool
  public let problem: String?
}

/// Reads a wallet's access log and checks it (`spec/log.md`): the entries must
/// hash to the signed checkpoint's root, and the new checkpoint must extend the
/// previous one (consistency proof) — a rewritten or shrunk log fails.
public enum LogReader {
  public static func entries(_ transport: Transport, wallet: WalletID) async throws(ClientError) -> [AccessLogEntry] {
    try await rawEntries(transport, wallet: wallet).map { (bytes) throws(ClientError) in
      do { return try AccessLogEntry.decode(canonical: bytes) } catch { throw .badAnswer("a log entry is malformed") }
    }
  }

  static func rawEntries(_ transport: Transport, wallet: WalletID) async throws(ClientError) -> [[UInt8]] {
    var out: [[UInt8]] = []
    while true {
      let view = try await transport.send("GET", "/v1/wallets/\(wallet)/log?start=\(out.count)", as: LogView.self)
      out += view.entries.map(\.bytes)
      if view.entries.isEmpty || out.count >= view.size { return out }
    }
  }

  public static func verify(_ transport: Transport, wallet: WalletID, since previous: String?) async throws(ClientError)
    -> LogVerification
  {
    let daemonKey = try await transport.fetchDaemonKey()
    let token = try await transport.send("GET", "/v1/wallets/\(wallet)/log/checkpoint", as: CheckpointView.self).token
    let checkpoint: CheckpointClaims
    do { checkpoint = try CheckpointClaims.verify(token, daemonKey: daemonKey, wallet: wallet) } catch {
      return LogVerification(checkpoint: nil, size: 0, entries: [], intact: false, problem: "the checkpoint is not signed by walletd")
    }
    let entries = try await rawEntries(transport, wallet: wallet)
    guard entries.count >= checkpoint.size else {
      return LogVerification(checkpoint: nil, size: checkpoint.size, entries: [], intact: false, problem: "entries are missing")
    }
    let leaves = entries.prefix(checkpoint.size).map(MerkleTree.leafHash)
    guard MerkleTree.root(leaves) == checkpoint.rootBytes else {
      return LogVerification(
        checkpoint: nil, size: checkpoint.size, entries: [], intact: false, problem: "the entries do not match the checkpoint")
    }
    if let previous {
      guard let old = try? CheckpointClaims.verify(previous, daemonKey: daemonKey, wallet: wallet),
        let oldRoot = old.rootBytes
      else {
        return LogVerification(
          checkpoint: nil, size: checkpoint.size, entries: [], intact: false, problem: "the previous checkpoint does not verify")
      }
      guard old.size <= checkpoint.size else {
        return LogVerification(checkpoint: nil, size: checkpoint.size, entries: [], intact: false, problem: "the log shrank")
      }
      let proof = try await transport.send(
        "GET", "/v1/wallets/\(wallet)/log/consistency?from=\(old.size)&to=\(checkpoint.size)", as: ProofView.self)
      guard
        MerkleTree.verifyConsistency(
          oldSize: old.size, oldRoot: oldRoot, newSize: checkpoint.size, newRoot: checkpoint.rootBytes ?? [],
          proof: proof.proof.map(\.bytes))
      else {
        return LogVerification(
          checkpoint: nil, size: checkpoint.size, entries: [], intact: false,
          problem: "the log was changed since the last checkpoint")
      }
    }
    var verified: [AccessLogEntry] = []
    for bytes in entries.prefix(checkpoint.size) {
      guard let entry = try? AccessLogEntry.decode(canonical: bytes), entry.wallet == wallet else {
        return LogVerification(
          checkpoint: nil, size: checkpoint.size, entries: [], intact: false,
          problem: "an entry is malformed or belongs to another wallet")
      }
      verified.append(entry)
    }
    return LogVerification(checkpoint: token, size: checkpoint.size, entries: verified, intact: true, problem: nil)
  }
}
