import PSPConsent

/// One wallet's move in an epoch (`spec/log.md` §4): where it sat in the map
/// before, its new head, and the RFC 9162 consistency proof from its old head
/// (none for a wallet new to the map). A witness checks the proof and that the
/// map before had the root it holds; the move gives the next root. A head only
/// grows: a log that lost, changed or reordered an entry cannot move.
public struct HeadsUpdate: Sendable, Equatable {
  public let key: HeadsKey
  public let before: HeadsProof
  public let head: WalletHead
  public let consistency: [[UInt8]]

  public init(key: HeadsKey, before: HeadsProof, head: WalletHead, consistency: [[UInt8]])
    throws(TransparencyError)
  {
    guard consistency.count <= 63, consistency.allSatisfy({ $0.count == 32 }) else {
      throw .malformedHeads("a consistency proof is at most 63 hashes of 32 bytes")
    }
    self.key = key
    self.before = before
    self.head = head
    self.consistency = consistency
  }

  /// The map root after this move, if the map before had root `root` and the
  /// wallet's log only grew; throws otherwise.
  public func apply(to root: [UInt8]) throws(TransparencyError) -> [UInt8] {
    let old = try before.verify(key: key, root: root)
    if let old {
      guard old.size <= head.size,
        MerkleTree.verifyConsistency(
          oldSize: Int(old.size), oldRoot: old.root, newSize: Int(head.size), newRoot: head.root,
          proof: consistency)
      else { throw .headShrank }
    } else {
      guard consistency.isEmpty else {
        throw .malformedHeads("a new wallet's move has no consistency proof")
      }
    }
    return try before.root(for: key, setting: head)
  }

  // MARK: Bytes: key || heads proof || uint64 size || root || uint8 count || count × hash

  public func encoded() -> [UInt8] {
    var out = ByteWriter()
    out.append(key.bytes)
    before.encode(into: &out)
    head.encode(into: &out)
    out.uint(UInt64(consistency.count), 1)
    for hash in consistency { out.append(hash) }
    return out.bytes
  }

  public static func decode(_ bytes: some Collection<UInt8>) throws(TransparencyError)
    -> HeadsUpdate
  {
    var reader = ByteReader(bytes, what: "a heads update")
    let key = try HeadsKey(bytes: try reader.hash())
    let before = try HeadsProof.decode(&reader)
    let head = try WalletHead.decode(&reader)
    let count = Int(try reader.uint(1))
    let consistency = try reader.hashes(count: count)
    try reader.finish()
    return try HeadsUpdate(key: key, before: before, head: head, consistency: consistency)
  }
}

/// The moves of one epoch, applied in order from the map root before it.
public enum EpochTransition {
  public static func apply(_ updates: [HeadsUpdate], to root: [UInt8]) throws(TransparencyError)
    -> [UInt8]
  {
    var keys = Set<HeadsKey>()
    var current = root
    for update in updates {
      // One move per wallet and epoch: the order of moves then cannot matter.
      guard keys.insert(update.key).inserted else {
        throw .malformedHeads("a wallet moves twice in one epoch")
      }
      current = try update.apply(to: current)
    }
    return current
  }
}
