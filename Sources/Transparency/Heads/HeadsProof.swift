/// Where a wallet sits in the heads map, or that it is absent: the siblings
/// from the root down to the subtree that holds the wallet's leaf alone (or
/// holds no wallet, or one other wallet).
public struct HeadsProof: Sendable, Equatable {
  public enum Terminal: Sendable, Equatable {
    /// The subtree holds no wallet: the key is absent.
    case empty
    /// The subtree holds the key's own leaf.
    case head(WalletHead)
    /// The subtree holds one other wallet, sharing the path so far: the key is absent.
    case other(HeadsKey, WalletHead)
  }

  /// `siblings[i]` is the sibling at depth i + 1; at most 256.
  public let siblings: [[UInt8]]
  public let terminal: Terminal

  public init(siblings: [[UInt8]], terminal: Terminal) throws(TransparencyError) {
    guard siblings.count <= 256, siblings.allSatisfy({ $0.count == 32 }) else {
      throw .malformedHeads("a heads proof has at most 256 siblings of 32 bytes")
    }
    self.siblings = siblings
    self.terminal = terminal
  }

  /// The hash of the terminal subtree.
  func terminalHash(_ key: HeadsKey) throws(TransparencyError) -> [UInt8] {
    switch terminal {
    case .empty: return HeadsMap.empty
    case .head(let head): return HeadsMap.leafHash(key, head)
    case .other(let other, let head):
      guard other != key, (0..<siblings.count).allSatisfy({ other.bit($0) == key.bit($0) }) else {
        throw .malformedHeads("the other wallet of a heads proof must share the path and differ")
      }
      return HeadsMap.leafHash(other, head)
    }
  }

  /// The map root this proof gives for `key`.
  public func root(for key: HeadsKey) throws(TransparencyError) -> [UInt8] {
    HeadsMap.fold(try terminalHash(key), key: key, siblings: siblings)
  }

  /// The key's head in the map whose root is `root` (nil when absent); throws
  /// if the proof does not lead to that root.
  public func verify(key: HeadsKey, root: [UInt8]) throws(TransparencyError) -> WalletHead? {
    guard try self.root(for: key) == root else { throw .headsProofFailed }
    if case .head(let head) = terminal { return head }
    return nil
  }

  /// The map root once `key` holds `head`, from this proof of the map before.
  public func root(for key: HeadsKey, setting head: WalletHead) throws(TransparencyError) -> [UInt8]
  {
    let leaf = HeadsMap.leafHash(key, head)
    switch terminal {
    case .empty, .head: return HeadsMap.fold(leaf, key: key, siblings: siblings)
    case .other(let other, let otherHead):
      _ = try terminalHash(key)
      // The two wallets part at their first differing bit; between there and
      // the terminal every node has one empty side.
      var split = siblings.count
      while other.bit(split) == key.bit(split) { split += 1 }
      let otherLeaf = HeadsMap.leafHash(other, otherHead)
      var inner =
        key.bit(split) ? HeadsMap.nodeHash(otherLeaf, leaf) : HeadsMap.nodeHash(leaf, otherLeaf)
      for depth in stride(from: split - 1, through: siblings.count, by: -1) {
        inner =
          key.bit(depth)
          ? HeadsMap.nodeHash(HeadsMap.empty, inner) : HeadsMap.nodeHash(inner, HeadsMap.empty)
      }
      return HeadsMap.fold(inner, key: key, siblings: siblings)
    }
  }

  // MARK: Bytes
  //
  //     uint16 count || count × 32-byte sibling ||
  //     0x00                                  (empty)
  //     0x01 || uint64 size || root           (the key's head)
  //     0x02 || key || uint64 size || root    (another wallet)

  public func encoded() -> [UInt8] {
    var out = ByteWriter()
    encode(into: &out)
    return out.bytes
  }

  func encode(into out: inout ByteWriter) {
    out.uint(UInt64(siblings.count), 2)
    for sibling in siblings { out.append(sibling) }
    switch terminal {
    case .empty: out.uint(0, 1)
    case .head(let head):
      out.uint(1, 1)
      head.encode(into: &out)
    case .other(let key, let head):
      out.uint(2, 1)
      out.append(key.bytes)
      head.encode(into: &out)
    }
  }

  static func decode(_ reader: inout ByteReader) throws(TransparencyError) -> HeadsProof {
    let count = Int(try reader.uint(2))
    guard count <= 256 else { throw .malformedHeads("a heads proof has at most 256 siblings") }
    let siblings = try reader.hashes(count: count)
    let terminal: Terminal
    switch try reader.uint(1) {
    case 0: terminal = .empty
    case 1: terminal = .head(try WalletHead.decode(&reader))
    case 2:
      let key = try HeadsKey(bytes: try reader.hash())
      terminal = .other(key, try WalletHead.decode(&reader))
    default: throw .malformedHeads("unknown heads proof terminal")
    }
    return try HeadsProof(siblings: siblings, terminal: terminal)
  }

  public static func decode(_ bytes: some Collection<UInt8>) throws(TransparencyError) -> HeadsProof
  {
    var reader = ByteReader(bytes, what: "a heads proof")
    let proof = try decode(&reader)
    try reader.finish()
    return proof
  }
}

extension WalletHead {
  func encode(into out: inout ByteWriter) {
    out.uint(size, 8)
    out.append(root)
  }

  static func decode(_ reader: inout ByteReader) throws(TransparencyError) -> WalletHead {
    let size = try reader.uint(8)
    guard size <= UInt64(Int64.max) else { throw .malformedHeads("a log size is below 2^63") }
    return try WalletHead(size: size, root: try reader.hash())
  }
}
