import PSPConsent
import PSPCrypto
import PSPWallet

@testable import PSPTransparency

/// One wallet's access log for the heads tests: entries and their leaf hashes,
/// heads and consistency proofs at any size.
struct TestWalletLog {
  let wallet: WalletID
  let entries: [[UInt8]]

  init(wallet: WalletID = WalletID(), count: Int = 40, tag: String = "") {
    self.wallet = wallet
    entries = (0..<count).map { Array("{\"i\":\($0),\"w\":\"\(wallet)\"\(tag)}".utf8) }
  }

  var key: HeadsKey { HeadsKey(wallet: wallet) }
  var leaves: [[UInt8]] { entries.map(MerkleTree.leafHash) }

  func head(_ size: Int) -> WalletHead { WalletHead(leaves: leaves[0..<size]) }

  func consistency(from old: Int, to new: Int) -> [[UInt8]] {
    MerkleTree.consistencyProof(oldSize: old, leaves: leaves[0..<new])
  }

  func inclusion(index: Int, size: Int) -> [[UInt8]] {
    MerkleTree.inclusionProof(index: index, leaves: leaves[0..<size])
  }

  /// The same wallet with another history from entry `from` on: a log rewritten.
  func forked(from: Int) -> TestWalletLog {
    let fork = TestWalletLog(wallet: wallet, count: entries.count, tag: ",\"fork\":1")
    return TestWalletLog(wallet: wallet, entries: Array(entries[..<from] + fork.entries[from...]))
  }

  private init(wallet: WalletID, entries: [[UInt8]]) {
    self.wallet = wallet
    self.entries = entries
  }
}

/// walletd's side of a heads log, as the tests play it: the heads map whole,
/// the epoch tree, and the epoch log's key. Each epoch turns moves into
/// updates (each proof taken from the map as the moves before it left it), and
/// signs the epoch log grown by the new map root.
final class TestHeadsLog {
  let log: TestLog
  let tree = HeadsTree()
  private(set) var epochs = EpochTree()
  /// The heads after each epoch, to build proofs of older epochs.
  private(set) var history: [[HeadsKey: WalletHead]] = []
  private(set) var heads: [HeadsKey: WalletHead] = [:]

  init(origin: String = "example.lu/psp-heads", key: SigningKey = SigningKey()) {
    log = TestLog(origin: origin, key: key, leaves: [])
  }

  var size: Int { epochs.size }
  var origin: String { log.origin }

  /// The update moving `key` to `head` in the map as it is now; applies it.
  func move(_ key: HeadsKey, to head: WalletHead, consistency: [[UInt8]]) -> HeadsUpdate {
    let update = try! HeadsUpdate(
      key: key, before: tree.proof(key), head: head, consistency: consistency)
    tree.set(key, head)
    heads[key] = head
    return update
  }

  /// Moves each wallet to its head at the given size (from its size in the map).
  func moves(_ wallets: [(TestWalletLog, Int)]) -> [HeadsUpdate] {
    wallets.map { wallet, size in
      let old = heads[wallet.key].map { Int($0.size) }
      return move(
        wallet.key, to: wallet.head(size),
        consistency: old.map { $0 <= size ? wallet.consistency(from: $0, to: size) : [] } ?? [])
    }
  }

  /// Closes an epoch: appends the map root and returns the add-epoch body.
  func close(_ updates: [HeadsUpdate]) -> AddEpochRequest {
    let old = epochs.size
    epochs.append(mapRoot: tree.root)
    history.append(heads)
    return try! AddEpochRequest(
      updates: updates,
      checkpoint: AddCheckpointRequest(
        oldSize: old, consistencyProof: epochs.consistencyProof(oldSize: old, newSize: old + 1),
        note: signedCheckpoint(old + 1)))
  }

  /// One epoch in which these wallets reach these sizes.
  func epoch(_ wallets: [(TestWalletLog, Int)]) -> AddEpochRequest { close(moves(wallets)) }

  func checkpoint(_ size: Int) -> TlogCheckpoint {
    try! TlogCheckpoint(origin: log.origin, size: size, rootHash: epochs.root(size: size))
  }

  func signedCheckpoint(_ size: Int) -> SignedNote { try! log.signer.sign(checkpoint(size).text) }

  /// A copy of this walletd's state: the same key, the same epochs so far.
  func replayed() -> TestHeadsLog {
    let copy = TestHeadsLog(origin: log.origin, key: log.signer.key)
    for heads in history {
      for (key, head) in heads where copy.heads[key] != head {
        _ = copy.move(key, to: head, consistency: [])
      }
      _ = copy.close([])
    }
    return copy
  }
}

/// A heads key from its bytes (keys sharing long prefixes cannot be found by hashing).
func headsKey(_ bytes: [UInt8]) -> HeadsKey { try! HeadsKey(bytes: bytes) }

/// `bytes` with bit `depth` (most significant bit of the first byte first) flipped.
func flippingBit(_ depth: Int, of bytes: [UInt8]) -> [UInt8] {
  var copy = bytes
  copy[depth >> 3] ^= 0x80 >> UInt8(depth & 7)
  return copy
}

/// A head for the hand-built maps: `size` leaves named by `tag`.
func testHead(_ size: Int, _ tag: String = "") -> WalletHead {
  WalletHead(leaves: (0..<size).map { MerkleTree.leafHash(Array("\(tag)-\($0)".utf8)) }[...])
}

func randomBytes32() -> [UInt8] { (0..<32).map { _ in UInt8.random(in: 0...255) } }
