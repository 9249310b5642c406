import PSPCrypto

/// The hashes of the heads map (`spec/log.md` §3): a sparse binary Merkle tree
/// over the 256 bits of `HeadsKey`, in which a subtree holding no wallet hashes
/// to 32 zero bytes and a subtree holding one wallet hashes to that wallet's
/// leaf hash, wherever it sits:
///
///     leaf  = SHA-256(0x02 || key || uint64be(size) || root)
///     node  = SHA-256(0x03 || left || right)      (two or more wallets below)
///     empty = 32 zero bytes
///
/// So a map of n wallets costs about 2n hashes to build and a proof holds the
/// siblings down to where the wallet's leaf sits (about log2 n of them).
public enum HeadsMap {
  public static let empty = [UInt8](repeating: 0, count: 32)

  public static func leafHash(_ key: HeadsKey, _ head: WalletHead) -> [UInt8] {
    SHA256.hash([0x02], key.bytes, bigEndian(head.size), head.root)
  }

  public static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
    SHA256.hash([0x03], left, right)
  }

  static func bigEndian(_ value: UInt64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
  }

  /// The root of the subtree at `depth` whose hash below is `hash`, given the
  /// siblings from the root down (`siblings[i]` is the sibling at depth i + 1),
  /// following `key`'s bits.
  public static func fold(_ hash: [UInt8], key: HeadsKey, siblings: [[UInt8]]) -> [UInt8] {
    var h = hash
    for depth in stride(from: siblings.count - 1, through: 0, by: -1) {
      h = key.bit(depth) ? nodeHash(siblings[depth], h) : nodeHash(h, siblings[depth])
    }
    return h
  }

  /// The map root of a set of heads, computed from scratch (tests, vectors, checks).
  public static func root(_ heads: [HeadsKey: WalletHead]) -> [UInt8] {
    let sorted = heads.sorted { $0.key < $1.key }.map { leafHash($0.key, $0.value) }
    let keys = heads.keys.sorted()
    return subtree(keys[...], sorted[...], depth: 0)
  }

  private static func subtree(
    _ keys: ArraySlice<HeadsKey>, _ leaves: ArraySlice<[UInt8]>, depth: Int
  )
    -> [UInt8]
  {
    if keys.isEmpty { return empty }
    if keys.count == 1 { return leaves.first! }
    let split = keys.firstIndex { $0.bit(depth) } ?? keys.endIndex
    let offset = split - keys.startIndex
    let leftLeaves = leaves[leaves.startIndex..<leaves.startIndex + offset]
    let rightLeaves = leaves[(leaves.startIndex + offset)...]
    return nodeHash(
      subtree(keys[..<split], leftLeaves, depth: depth + 1),
      subtree(keys[split...], rightLeaves, depth: depth + 1))
  }
}
