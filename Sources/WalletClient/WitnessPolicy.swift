import Foundation
import PSPConsent
import PSPTransparency
import PSPWallet

/// The witnesses a client believes (`spec/log.md` §8), set once per
/// installation like the registrar keys: walletd's log key, the witnesses'
/// cosignature keys, how many of them must have cosigned, and how old their
/// cosignatures may be. Nothing in it comes from walletd.
public struct WitnessPolicy: Sendable, Codable, Equatable {
  /// walletd's log vkey (Ed25519 note key; its name is the log's origin).
  public let log: String
  /// cosignature/v1 vkeys.
  public let witnesses: [String]
  public let quorum: Int
  /// Seconds: a checkpoint whose quorum of cosignatures is older is stale.
  public let maximumAge: Int64

  public static let defaultMaximumAge: Int64 = 600

  public init(log: String, witnesses: [String], quorum: Int, maximumAge: Int64 = defaultMaximumAge)
    throws(ClientError)
  {
    self.log = log
    self.witnesses = witnesses
    self.quorum = quorum
    self.maximumAge = maximumAge
    _ = try tlogPolicy()
    guard maximumAge > 0 else { throw .local("the maximum age of cosignatures must be positive") }
    // Two disjoint groups of witnesses must not each make a quorum: two
    // histories could then both be cosigned. 0 is for development only.
    guard quorum == 0 || 2 * quorum > witnesses.count else {
      throw .local(
        "the quorum must be more than half of the witnesses (or 0, for development only)")
    }
  }

  /// A policy read from a file is checked as one made here.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      log: container.decode(String.self, forKey: .log),
      witnesses: container.decode([String].self, forKey: .witnesses),
      quorum: container.decode(Int.self, forKey: .quorum),
      maximumAge: container.decodeIfPresent(Int64.self, forKey: .maximumAge)
        ?? Self.defaultMaximumAge)
  }

  private enum CodingKeys: String, CodingKey { case log, witnesses, quorum, maximumAge }

  public func tlogPolicy() throws(ClientError) -> TlogPolicy {
    do {
      return try TlogPolicy(
        logs: [Ed25519NoteVerifier(vkey: log)],
        witnesses: witnesses.map { (vkey) throws(TransparencyError) in
          try CosignatureV1Verifier(vkey: vkey)
        },
        quorum: quorum)
    } catch { throw .local("the witness settings are not valid: \(error.description)") }
  }

  /// The log's origin (the name of its key).
  public var origin: String { log.split(separator: "+").first.map(String.init) ?? "" }
}

/// Checks what walletd proves about a wallet's log: a receipt of one entry, or
/// the wallet's latest head, under a checkpoint signed by the log and cosigned
/// by a quorum of the pinned witnesses, recently, and never older than a
/// checkpoint this client has already seen.
public enum LogProofCheck {
  /// Seconds a timestamp may be ahead of this machine's clock.
  public static let clockSkew: Int64 = 300

  /// - Parameter refuseOlder: refuse a checkpoint older than one seen (a
  ///   head proof: the latest state). A receipt passes `false`: its entry is
  ///   of now and new, which no older state can hold, and two answers checked
  ///   concurrently may arrive in either order.
  public static func verify(
    _ text: String?, wallet: WalletID, trust: ClientTrust,
    at now: Int64 = Int64(Date().timeIntervalSince1970), refuseOlder: Bool = true
  ) throws(ClientError) -> WalletLogProof.Verified {
    guard let policy = trust.witnesses else {
      throw .local(
        "no witnesses are set up: the log cannot be checked (wallet-cli trust witnesses)")
    }
    guard let text else { throw .forged(.receiptInvalid("walletd sent none")) }
    let verified: WalletLogProof.Verified
    let proof: WalletLogProof
    do {
      proof = try WalletLogProof.parse(Array(text.utf8))
      verified = try proof.verify(wallet: wallet, policy: try policy.tlogPolicy())
    } catch let error as ClientError {
      throw error
    } catch {
      throw .forged(.receiptInvalid("\(error)"))
    }
    // Fresh, and not from the future (a witness's clock running ahead would
    // otherwise keep an old view fresh for ever).
    let recent = verified.cosignedAt.filter {
      Int64(clamping: $0) >= now - policy.maximumAge && Int64(clamping: $0) <= now + Self.clockSkew
    }.count
    guard recent >= policy.quorum else {
      throw .forged(.checkpointStale(minutes: Int(policy.maximumAge / 60)))
    }
    try trust.update { (memory) throws(ClientError) in
      let origin = verified.checkpoint.origin
      let seen = memory.epochs[origin] ?? 0
      guard verified.checkpoint.size >= seen || !refuseOlder else {
        throw .forged(.logRolledBack(seen: seen, served: verified.checkpoint.size))
      }
      memory.epochs[origin] = max(seen, verified.checkpoint.size)
    }
    return verified
  }

  /// A receipt: the proof must carry an entry, and the entry must say `expected`.
  static func receipt(
    _ text: String?, wallet: WalletID, trust: ClientTrust, expected: (AccessLogEntry) -> Bool
  ) throws(ClientError) -> (entry: AccessLogEntry, proven: ProvenEntry) {
    let verified = try verify(text, wallet: wallet, trust: trust, refuseOlder: false)
    guard let text, let proof = try? WalletLogProof.parse(Array(text.utf8)),
      let logged = proof.entry,
      let entry = try? AccessLogEntry.decode(canonical: logged.bytes)
    else { throw .forged(.receiptInvalid("it holds no entry")) }
    guard entry.wallet == wallet, entry.outcome == .allowed, expected(entry) else {
      throw .forged(.receiptInvalid("its entry is not this access"))
    }
    // The entry is of now: an old read's receipt is not this read's.
    let now = Int64(Date().timeIntervalSince1970)
    let maximumAge = trust.witnesses?.maximumAge ?? WitnessPolicy.defaultMaximumAge
    guard let at = Timestamp.parse(entry.at), at >= now - maximumAge, at <= now + clockSkew else {
      throw .forged(.receiptInvalid("its entry is not of now"))
    }
    return (entry, ProvenEntry(index: Int(logged.index), verified: verified))
  }

  struct ProvenEntry {
    let index: Int
    let verified: WalletLogProof.Verified
  }

  /// Each entry proves one access: a receipt whose entry this client has
  /// already been shown is an old answer served again.
  static func rememberReceipt(_ proven: ProvenEntry, wallet: WalletID, trust: ClientTrust)
    throws(ClientError)
  {
    try trust.update { (memory) throws(ClientError) in
      var seen = memory.receipts[wallet.description] ?? []
      guard !seen.contains(proven.index) else {
        throw .forged(.receiptInvalid("it was already used for another read"))
      }
      seen.append(proven.index)
      memory.receipts[wallet.description] = seen
    }
  }
}
