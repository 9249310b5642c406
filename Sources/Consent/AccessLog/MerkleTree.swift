import PSPCrypto

/// The access log's hash tree, exactly as RFC 9162 §2.1 defines it with SHA-256:
/// leaf hash `SHA-256(0x00 || entry)`, node hash `SHA-256(0x01 || left || right)`,
/// the tree of n > 1 leaves split at the largest power of two below n. Inclusion
/// and consistency proofs (§2.1.3, §2.1.4) and their verification algorithms.
/// Pure and stateless: it works on the list of leaf hashes it is given.
public enum MerkleTree {
  public static func leafHash(_ entry: [UInt8]) -> [UInt8] { SHA256.hash([0x00], entry) }
  static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] { SHA256.hash([0x01], left, right) }

  /// MTH(D[n]); the empty tree's hash is SHA-256 of the empty string.
  public static func root(_ leaves: ArraySlice<[UInt8]>) -> [UInt8] {
    switch leaves.count {
    case 0: return SHA256.hash([])
    case 1: return leaves.first!
    default:
      let k = largestPowerOfTwo(below: leaves.count)
      let start = leaves.startIndex
      return nodeHash(root(leaves[start..<start + k]), root(leaves[(start + k)...]))
    }
  }

  public static func root(_ leaves: [[UInt8]]) -> [UInt8] { root(leaves[...]) }

  /// PATH(m, D[n]): the inclusion proof of leaf `index` in the first n leaves.
  public static func inclusionProof(index: Int, leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
    precondition(index >= 0 && index < leaves.count)
    if leaves.count == 1 { return [] }
    let k = largestPowerOfTwo(below: leaves.count)
    let start = leaves.startIndex
    if index < k {
      return inclusionProof(index: index, leaves: leaves[start..<start + k]) + [root(leaves[(start + k)...])]
    }
    return inclusionProof(index: index - k, leaves: leaves[(start + k)...]) + [root(leaves[start..<start + k])]
  }

  /// PROOF(m, D[n]): the consistency proof between the first m and all n leaves.
  public static func consistencyProof(oldSize m: Int, leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
    precondition(m >= 0 && m <= leaves.count)
    if m == 0 || m == leaves.count { return [] }
    return subproof(m, leaves, complete: true)
  }

  private static func subproof(_ m: Int, _ leaves: ArraySlice<[UInt8]>, complete: Bool) -> [[UInt8]] {
    let n = leaves.count
    if m == n { return complete ? [] : [root(leaves)] }
    let k = largestPowerOfTwo(below: n)
    let start = leaves.startIndex
    if m <= k {
      return subproof(m, leaves[start..<start + k], complete: complete) + [root(leaves[(start + k)...])]
    }
    return subproof(m - k, leaves[(start + k)...], complete: false) + [root(leaves[start..<start + k])]
  }

  /// RFC 9162 §2.1.3.2: whether `proof` shows leaf `index` (hash `leaf`) in the
  /// tree of `size` leaves with root `root`.
  public static func verifyInclusion(
    leaf: [UInt8], index: Int, size: Int, proof: [[UInt8]], root: [UInt8]
  ) -> Bool {
    guard index >= 0, index < size else { return false }
    var fn = index
    var sn = size - 1
    var r = leaf
    for p in proof {
      if sn == 0 { return false }
      if fn & 1 == 1 || fn == sn {
        r = nodeHash(p, r)
        if fn & 1 == 0 {
          while fn & 1 == 0 && fn != 0 {
            fn >>= 1
            sn >>= 1
          }
        }
      } else {
        r = nodeHash(r, p)
      }
      fn >>= 1
      sn >>= 1
    }
    return sn == 0 && r == root
  }

  /// RFC 9162 §2.1.4.2: whether `proof` shows the tree (`oldSize`, `oldRoot`) is
  /// a prefix of the tree (`newSize`, `newRoot`): the log only grew.
  public static func verifyConsistency(
    oldSize: Int, oldRoot: [UInt8], newSize: Int, newRoot: [UInt8], proof: [[UInt8]]
  ) -> Bool {
    guard oldSize >= 0, oldSize <= newSize else { return false }
    if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
    if oldSize == 0 { return proof.isEmpty }
    var path = proof
    // If the old size is a power of two, the old root is the first node.
    if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
    guard !path.isEmpty else { return false }
    var fn = oldSize - 1
    var sn = newSize - 1
    while fn & 1 == 1 {
      fn >>= 1
      sn >>= 1
    }
    var fr = path[0]
    var sr = path[0]
    for c in path.dropFirst() {
      if sn == 0 { return false }
      if fn & 1 == 1 || fn == sn {
        fr = nodeHash(c, fr)
        sr = nodeHash(c, sr)
        if fn & 1 == 0 {
          while fn & 1 == 0 && fn != 0 {
            fn >>= 1
            sn >>= 1
          }
        }
      } else {
        sr = nodeHash(sr, c)
      }
      fn >>= 1
      sn >>= 1
    }
    return sn == 0 && fr == oldRoot && sr == newRoot
  }

  static func largestPowerOfTwo(below n: Int) -> Int {
    var k = 1
    while k << 1 < n { k <<= 1 }
    return k
  }
}
