import PSPConsent
import PSPWallet

/// A wallet's log under a witnessed checkpoint, as a c2sp.org/tlog-proof of
/// the epoch log (`spec/log.md` §5). Its extra data carries what binds the
/// wallet to the epoch leaf:
///
///     wallet (16 bytes) || heads proof (the wallet's head in the map)
///     || 0x00                                              (a head proof)
///     || 0x01 || uint64 index || uint8 count || count × hash
///        || uint32 length || entry                          (a receipt)
///
/// Step 1 of tlog-proof's verification (the leaf hash) is: the entry's RFC
/// 9162 inclusion at `index` in the wallet's head, the head in the map, the
/// map root as the epoch leaf. The extra data is untrusted until then.
public struct WalletLogProof: Sendable, Equatable {
  public let wallet: WalletID
  public let heads: HeadsProof
  /// The logged entry and its inclusion in the wallet's head (a receipt).
  public let entry: Entry?
  public let proof: TlogProof

  public struct Entry: Sendable, Equatable {
    public let index: UInt64
    public let inclusion: [[UInt8]]
    public let bytes: [UInt8]

    public init(index: UInt64, inclusion: [[UInt8]], bytes: [UInt8]) {
      self.index = index
      self.inclusion = inclusion
      self.bytes = bytes
    }
  }

  /// What a verified proof establishes.
  public struct Verified: Sendable, Equatable {
    public let checkpoint: TlogCheckpoint
    /// The index of the epoch whose map holds `head`.
    public let epoch: Int
    public let head: WalletHead
    /// Cosignature timestamps of the witnesses that count for the policy.
    public let cosignedAt: [UInt64]
    /// Whether the epoch is the checkpoint's last one (the wallet's latest head).
    public var isLatest: Bool { epoch == checkpoint.size - 1 }
  }

  public static let maximumEntryBytes = 1 << 20

  public init(
    wallet: WalletID, heads: HeadsProof, entry: Entry?, epoch: Int, epochInclusion: [[UInt8]],
    checkpoint: SignedNote
  ) throws(TransparencyError) {
    var out = ByteWriter()
    out.append(wallet.bytes)
    heads.encode(into: &out)
    if let entry {
      guard entry.inclusion.count <= 63, entry.bytes.count <= Self.maximumEntryBytes else {
        throw .malformedHeads("an entry's proof is at most 63 hashes, the entry at most 1 MiB")
      }
      out.uint(1, 1)
      out.uint(entry.index, 8)
      out.uint(UInt64(entry.inclusion.count), 1)
      for hash in entry.inclusion { out.append(hash) }
      out.uint(UInt64(entry.bytes.count), 4)
      out.append(entry.bytes)
    } else {
      out.uint(0, 1)
    }
    self.wallet = wallet
    self.heads = heads
    self.entry = entry
    proof = try TlogProof(
      extra: out.bytes, index: epoch, inclusionProof: epochInclusion, checkpoint: checkpoint)
  }

  public init(_ proof: TlogProof) throws(TransparencyError) {
    guard let extra = proof.extra else {
      throw .malformedHeads("a wallet log proof has extra data")
    }
    var reader = ByteReader(extra, what: "a wallet log proof")
    let walletBytes = try reader.take(16)
    let wallet: WalletID
    do { wallet = try WalletID(bytes: walletBytes) } catch {
      throw .malformedHeads("a wallet number is 16 bytes")
    }
    heads = try HeadsProof.decode(&reader)
    switch try reader.uint(1) {
    case 0: entry = nil
    case 1:
      let index = try reader.uint(8)
      let inclusion = try reader.hashes(count: Int(try reader.uint(1)))
      let length = Int(try reader.uint(4))
      guard inclusion.count <= 63, length <= Self.maximumEntryBytes else {
        throw .malformedHeads("an entry's proof is at most 63 hashes, the entry at most 1 MiB")
      }
      entry = Entry(index: index, inclusion: inclusion, bytes: try reader.take(length))
    default: throw .malformedHeads("unknown wallet log proof kind")
    }
    try reader.finish()
    self.wallet = wallet
    self.proof = proof
  }

  public static func parse(_ bytes: some Collection<UInt8>) throws(TransparencyError)
    -> WalletLogProof
  {
    try WalletLogProof(try TlogProof.parse(bytes))
  }

  public func serialized() -> [UInt8] { proof.serialized() }

  /// Verifies the whole chain for `wallet` under `policy`: the entry (if any)
  /// in the wallet's head, the head in the map, the map root in the epoch
  /// log, the checkpoint signed by the log and cosigned by a quorum.
  public func verify(wallet expected: WalletID, policy: TlogPolicy) throws(TransparencyError)
    -> Verified
  {
    guard wallet == expected else { throw .malformedHeads("the proof is for another wallet") }
    let key = HeadsKey(wallet: wallet)
    guard case .head(let head) = heads.terminal else {
      throw .malformedHeads("the wallet is not in the map")
    }
    if let entry {
      guard entry.index < head.size,
        MerkleTree.verifyInclusion(
          leaf: MerkleTree.leafHash(entry.bytes), index: Int(entry.index), size: Int(head.size),
          proof: entry.inclusion, root: head.root)
      else { throw .inclusionProofFailed }
    }
    let mapRoot = try heads.root(for: key)
    let checkpoint = try proof.verify(leafHash: MerkleTree.leafHash(mapRoot), policy: policy)
    let cosigned = (try? proof.checkpoint.signatures(verifiedBy: policy.witnesses)) ?? []
    var seen = Set<Int>()
    var times: [UInt64] = []
    for match in cosigned where seen.insert(match.verifier).inserted {
      if let time = CosignatureV1.timestamp(of: match.signature) { times.append(time) }
    }
    return Verified(checkpoint: checkpoint, epoch: proof.index, head: head, cosignedAt: times)
  }
}
