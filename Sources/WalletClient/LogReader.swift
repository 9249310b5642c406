import Foundation
import PSPConsent
import PSPCrypto
import PSPTransparency
import PSPWallet
import WalletAPI

/// What verifying the log found.
public struct LogVerification: Sendable, Equatable {
  /// The wallet's head proof (a tlog-proof), only when the log is intact:
  /// keep it for the next verification. A failed verification gives none, so
  /// a rewritten log is never accepted as the new reference.
  public let checkpoint: String?
  public let size: Int
  /// The entries that were verified against the witnessed head (the ones to show).
  public let entries: [AccessLogEntry]
  /// Whether every entry shown hashes to the wallet's head under a checkpoint
  /// cosigned by the witnesses, and the log only grew since the previous check.
  public let intact: Bool
  public let problem: String?
  /// The statements the verified log shows used more than once (a read under
  /// a grant, a use of a procuration): a one-shot one among them was used twice.
  public let usedMoreThanOnce: [StatementID]
  /// The grants the verified log shows revoked (`grant-revoked`, allowed),
  /// whoever revoked them: walletd cannot show one of them in force to a
  /// client that read this.
  public var revokedGrants: Set<StatementID> {
    Set(entries.filter { $0.action == .grantRevoked && $0.outcome == .allowed }.compactMap(\.grant))
  }

  init(
    checkpoint: String? = nil, size: Int, entries: [AccessLogEntry] = [], intact: Bool = false,
    problem: String?, usedMoreThanOnce: [StatementID] = []
  ) {
    self.checkpoint = checkpoint
    self.size = size
    self.entries = entries
    self.intact = intact
    self.problem = problem
    self.usedMoreThanOnce = usedMoreThanOnce
  }
}

/// Reads a wallet's access log and checks it (`spec/log.md` §8): the wallet's
/// head must be in the heads map of the latest epoch under a checkpoint the
/// pinned witnesses cosigned (a quorum, recently), the entries must hash to
/// that head, and the head must extend the one kept from the last check
/// (consistency proof) — a rewritten, trimmed or rolled back log fails, on a
/// new device too.
public enum LogReader {
  public static func entries(_ transport: Transport, wallet: WalletID) async throws(ClientError)
    -> [AccessLogEntry]
  {
    try await rawEntries(transport, wallet: wallet).map { (bytes) throws(ClientError) in
      do { return try AccessLogEntry.decode(canonical: bytes) } catch {
        throw .badAnswer("a log entry is malformed")
      }
    }
  }

  /// The entries from 0, page by page, up to `limit` (a platform claiming an
  /// endless log cannot keep the client paging forever).
  static func rawEntries(_ transport: Transport, wallet: WalletID, limit: Int = 10_000_000)
    async throws(ClientError)
    -> [[UInt8]]
  {
    var out: [[UInt8]] = []
    while out.count < limit {
      let view = try await transport.send(
        "GET", "/v1/wallets/\(wallet)/log?start=\(out.count)", as: LogView.self)
      out += view.entries.map(\.bytes)
      if view.entries.isEmpty || out.count >= view.size { return out }
    }
    return out
  }

  public static func verify(_ transport: Transport, wallet: WalletID, since previous: String?)
    async throws(ClientError)
    -> LogVerification
  {
    let token = try await transport.send(
      "GET", "/v1/wallets/\(wallet)/log/proof", as: LogProofView.self
    ).proof
    let verified: WalletLogProof.Verified
    do { verified = try LogProofCheck.verify(token, wallet: wallet, trust: transport.trust) } catch
    {
      return LogVerification(size: 0, problem: problem(error))
    }
    guard verified.isLatest else {
      return LogVerification(size: 0, problem: "the proof is not of the latest epoch")
    }
    let head = verified.head
    let size = Int(head.size)
    let entries = try await rawEntries(transport, wallet: wallet, limit: size)
    guard entries.count >= size else {
      return LogVerification(size: size, problem: "entries are missing")
    }
    let leaves = entries.prefix(size).map(MerkleTree.leafHash)
    guard MerkleTree.root(leaves) == head.root else {
      return LogVerification(size: size, problem: "the entries do not match the checkpoint")
    }
    // A checkpoint kept before the log was witnessed (a PASETO token) proves
    // nothing the witnesses do not: it is set aside.
    if let previous, !previous.hasPrefix("v4.public.") {
      guard let old = try? WalletLogProof.parse(Array(previous.utf8)), old.wallet == wallet,
        case .head(let oldHead) = old.heads.terminal
      else {
        return LogVerification(size: size, problem: "the previous checkpoint does not verify")
      }
      guard oldHead.size <= head.size, old.proof.checkpoint.text != "" else {
        return LogVerification(size: size, problem: "the log shrank")
      }
      guard let oldCheckpoint = try? TlogCheckpoint(text: old.proof.checkpoint.text),
        oldCheckpoint.size <= verified.checkpoint.size
      else { return LogVerification(size: size, problem: "the log shrank") }
      if oldHead.size > 0 {
        let proof = try await transport.send(
          "GET", "/v1/wallets/\(wallet)/log/consistency?from=\(oldHead.size)&to=\(size)",
          as: ProofView.self)
        guard
          MerkleTree.verifyConsistency(
            oldSize: Int(oldHead.size), oldRoot: oldHead.root, newSize: size, newRoot: head.root,
            proof: proof.proof.map(\.bytes))
        else {
          return LogVerification(
            size: size, problem: "the log was changed since the last checkpoint")
        }
      }
    }
    var verifiedEntries: [AccessLogEntry] = []
    var uses: [StatementID: Int] = [:]
    var made: [StatementID: Int] = [:]
    for bytes in entries.prefix(size) {
      guard let entry = try? AccessLogEntry.decode(canonical: bytes), entry.wallet == wallet else {
        return LogVerification(
          size: size, problem: "an entry is malformed or belongs to another wallet")
      }
      verifiedEntries.append(entry)
      if entry.outcome == .allowed {
        // Whoever the entry names as reader, a read under a grant uses it.
        if entry.action == .fieldsRead, let grant = entry.grant { uses[grant, default: 0] += 1 }
        // A procuration is used by each filing or grant made under it.
        if entry.action == .procurationUsed, let procuration = entry.procuration {
          uses[procuration, default: 0] += 1
        }
        if entry.action == .filingMade || entry.action == .grantIssued, entry.role == .trustee,
          let procuration = entry.procuration,
          !(entry.action == .grantIssued && entry.filing != nil)
        {
          made[procuration, default: 0] += 1
        }
      }
    }
    return LogVerification(
      checkpoint: token, size: size, entries: verifiedEntries, intact: true, problem: nil,
      usedMoreThanOnce: Set(
        uses.filter { $0.value > 1 }.map(\.key) + made.filter { $0.value > 1 }.map(\.key)
      ).sorted())
  }

  /// The grants revoked, from the log checked against the witnesses: before
  /// a client seals a new version to a grant, so that a revocation the other
  /// party made (the citizen of a trustee's grant, or the reverse) holds
  /// whatever walletd lists. A log that does not verify stops the write.
  static func revokedGrants(_ transport: Transport, wallet: WalletID) async throws(ClientError)
    -> Set<StatementID>
  {
    let checked = try await verify(transport, wallet: wallet, since: nil)
    guard checked.intact else {
      if checked.problem == "no witnesses are set up here" {
        throw .local("no witnesses are set up: the log cannot be checked before sealing")
      }
      throw .local("the log could not be checked before sealing: \(checked.problem ?? "?")")
    }
    return checked.revokedGrants
  }

  static func problem(_ error: ClientError) -> String {
    switch error {
    case .forged(.checkpointStale): "the witnesses have not confirmed the log recently"
    case .forged(.logRolledBack): "the log is older than one already checked here"
    case .local(let what) where what.hasPrefix("no witnesses"): "no witnesses are set up here"
    default: "the checkpoint is not cosigned by the witnesses"
    }
  }
}
