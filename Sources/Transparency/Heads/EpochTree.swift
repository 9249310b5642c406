import PSPConsent
import PSPCrypto

/// An RFC 9162 tree (SHA-256) kept in memory as it grows, over leaf hashes:
/// every aligned perfect subtree's hash is stored once, so the root, an
/// inclusion proof and a consistency proof cost O(log² n) hashes, not O(n).
/// About 64 bytes per leaf.
public struct MerkleLevels: Sendable {
  /// `levels[h][i]`: the hash of leaves i·2^h ..< (i+1)·2^h.
  private var levels: [[[UInt8]]] = [[]]

  public init() {}

  public init(leafHashes: some Sequence<[UInt8]>) {
    for leaf in leafHashes { append(leafHash: leaf) }
  }

  public var size: Int { levels[0].count }

  public func leafHash(_ index: Int) -> [UInt8] { levels[0][index] }

  public mutating func append(leafHash: [UInt8]) {
    levels[0].append(leafHash)
    var h = 0
    while levels[h].count % 2 == 0 {
      let pair = levels[h].suffix(2)
      if levels.count == h + 1 { levels.append([]) }
      levels[h + 1].append(SHA256.hash([0x01], pair.first!, pair.last!))
      h += 1
    }
  }

  /// MTH(D[start ..< start + n]).
  private func hash(_ start: Int, _ n: Int) -> [UInt8] {
    if n == 0 { return SHA256.hash([]) }
    if n & (n - 1) == 0, start % n == 0 {
      return levels[n.trailingZeroBitCount][start / n]
    }
    let k = Self.largestPowerOfTwo(below: n)
    return SHA256.hash([0x01], hash(start, k), hash(start + k, n - k))
  }

  public func root(size n: Int) -> [UInt8] {
    precondition(n >= 0 && n <= size)
    return hash(0, n)
  }

  public var root: [UInt8] { root(size: size) }

  /// PATH(index, D[n]).
  public func inclusionProof(index: Int, size n: Int) -> [[UInt8]] {
    precondition(index >= 0 && index < n && n <= size)
    return path(index, 0, n)
  }

  private func path(_ m: Int, _ start: Int, _ n: Int) -> [[UInt8]] {
    if n == 1 { return [] }
    let k = Self.largestPowerOfTwo(below: n)
    if m < k { return path(m, start, k) + [hash(start + k, n - k)] }
    return path(m - k, start + k, n - k) + [hash(start, k)]
  }

  /// PROOF(m, D[n]).
  public func consistencyProof(oldSize m: Int, newSize n: Int) -> [[UInt8]] {
    precondition(m >= 0 && m <= n && n <= size)
    if m == 0 || m == n { return [] }
    return subproof(m, 0, n, complete: true)
  }

  private func subproof(_ m: Int, _ start: Int, _ n: Int, complete: Bool) -> [[UInt8]] {
    if m == n { return complete ? [] : [hash(start, n)] }
    let k = Self.largestPowerOfTwo(below: n)
    if m <= k { return subproof(m, start, k, complete: complete) + [hash(start + k, n - k)] }
    return subproof(m - k, start + k, n - k, complete: false) + [hash(start, k)]
  }

  static func largestPowerOfTwo(below n: Int) -> Int {
    var k = 1
    while k << 1 < n { k <<= 1 }
    return k
  }
}

/// The epoch log's tree: leaf i is the heads map root after epoch i
/// (`spec/log.md` §4), kept whole in memory by walletd.
public struct EpochTree: Sendable {
  private var tree = MerkleLevels()

  public init() {}

  public var size: Int { tree.size }

  public mutating func append(mapRoot: [UInt8]) {
    tree.append(leafHash: MerkleTree.leafHash(mapRoot))
  }

  public func root(size n: Int) -> [UInt8] { tree.root(size: n) }

  public var root: [UInt8] { tree.root }

  public func inclusionProof(index: Int, size n: Int) -> [[UInt8]] {
    tree.inclusionProof(index: index, size: n)
  }

  public func consistencyProof(oldSize m: Int, newSize n: Int) -> [[UInt8]] {
    tree.consistencyProof(oldSize: m, newSize: n)
  }
}

/// The right edge of an RFC 9162 tree: the hashes of its perfect subtrees,
/// largest first, one per bit of its size. A witness keeps it to append the
/// map roots it checked and compute the epoch tree's root itself (≤ 64 hashes).
public struct EpochFrontier: Sendable, Equatable {
  public private(set) var size: Int
  public private(set) var hashes: [[UInt8]]

  public init() {
    size = 0
    hashes = []
  }

  public init(size: Int, hashes: [[UInt8]]) throws(TransparencyError) {
    guard size >= 0, hashes.count == size.nonzeroBitCount, hashes.allSatisfy({ $0.count == 32 })
    else {
      throw .malformedHeads("a frontier holds one 32-byte hash per bit of its size")
    }
    self.size = size
    self.hashes = hashes
  }

  public mutating func append(mapRoot: [UInt8]) {
    var carry = MerkleTree.leafHash(mapRoot)
    var n = size
    // Merge with equal-sized subtrees on the right edge (the low bits of size).
    while n & 1 == 1 {
      carry = SHA256.hash([0x01], hashes.removeLast(), carry)
      n >>= 1
    }
    hashes.append(carry)
    size += 1
  }

  /// MTH of the whole tree: the perfect subtrees folded from the right.
  public var root: [UInt8] {
    guard var r = hashes.last else { return SHA256.hash([]) }
    for h in hashes.dropLast().reversed() { r = SHA256.hash([0x01], h, r) }
    return r
  }

  /// Bytes: uint64 size || one hash per bit of size.
  public func encoded() -> [UInt8] {
    var out = ByteWriter()
    out.uint(UInt64(size), 8)
    for h in hashes { out.append(h) }
    return out.bytes
  }

  public static func decode(_ bytes: some Collection<UInt8>) throws(TransparencyError)
    -> EpochFrontier
  {
    var reader = ByteReader(bytes, what: "a frontier")
    let size = try reader.uint(8)
    guard size <= UInt64(Int64.max) else { throw .malformedHeads("a frontier size is below 2^63") }
    let hashes = try reader.hashes(count: Int(size).nonzeroBitCount)
    try reader.finish()
    return try EpochFrontier(size: Int(size), hashes: hashes)
  }
}
