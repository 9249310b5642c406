import PSPConsent
import PSPCrypto
import PSPWallet

/// The head of one wallet's access log: its size and RFC 9162 root hash. The
/// heads map holds the latest head of every wallet (`spec/log.md` §3).
public struct WalletHead: Sendable, Equatable, Hashable {
  public let size: UInt64
  public let root: [UInt8]

  public init(size: UInt64, root: [UInt8]) throws(TransparencyError) {
    guard root.count == 32 else { throw .malformedHeads("a log root is 32 bytes") }
    // Sizes are Int in MerkleTree and INTEGER in SQLite: a larger one would trap there.
    guard size <= UInt64(Int64.max) else { throw .malformedHeads("a log size is below 2^63") }
    guard size > 0 || root == MerkleTree.root([]) else {
      throw .malformedHeads("an empty log has the empty tree's root")
    }
    self.size = size
    self.root = root
  }

  /// The head of a log of these leaf hashes.
  public init(leaves: ArraySlice<[UInt8]>) {
    size = UInt64(leaves.count)
    root = MerkleTree.root(leaves)
  }
}

/// The heads map's key of a wallet: SHA-256("PSP-v1/heads-key" || 0x00 || the wallet's 16 bytes).
public struct HeadsKey: Sendable, Equatable, Hashable, Comparable {
  public static let label = Array("PSP-v1/heads-key".utf8) + [0x00]
  public let bytes: [UInt8]

  public init(wallet: WalletID) { bytes = SHA256.hash(Self.label, wallet.bytes) }

  init(bytes: [UInt8]) throws(TransparencyError) {
    guard bytes.count == 32 else { throw .malformedHeads("a heads key is 32 bytes") }
    self.bytes = bytes
  }

  /// Bit `depth` of the key, the most significant bit of the first byte first.
  public func bit(_ depth: Int) -> Bool { bytes[depth >> 3] & (0x80 >> UInt8(depth & 7)) != 0 }

  public static func < (a: HeadsKey, b: HeadsKey) -> Bool {
    a.bytes.lexicographicallyPrecedes(b.bytes)
  }
}
