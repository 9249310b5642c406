import PSPConsent
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPTransparency

/// One wallet's move (`HeadsUpdate`) and one epoch's moves (`EpochTransition`):
/// what a witness checks before it computes the next map root.
@Suite("Heads updates")
struct HeadsUpdateTests {
  /// A map of a few wallets at some sizes, and walletd's tree of it.
  func populated(_ wallets: [TestWalletLog], sizes: [Int]) -> TestHeadsLog {
    let log = TestHeadsLog()
    _ = log.epoch(Array(zip(wallets, sizes)))
    return log
  }

  @Test func applyingUpdatesGivesTheTreesNewRoot() throws {
    let wallets = (0..<12).map { _ in TestWalletLog(count: 64) }
    let log = TestHeadsLog()
    var sizes = Array(repeating: 0, count: wallets.count)
    var root = HeadsMap.empty
    for epoch in 0..<8 {
      // Some wallets grow (or join), one at a time, some stay.
      var moving: [(TestWalletLog, Int)] = []
      for (index, wallet) in wallets.enumerated() where (index + epoch) % 3 != 0 {
        sizes[index] = min(64, sizes[index] + index + epoch + 1)
        moving.append((wallet, sizes[index]))
      }
      for (wallet, size) in moving {
        let update = log.moves([(wallet, size)])[0]
        root = try update.apply(to: root)
        #expect(root == log.tree.root)
        #expect(try HeadsUpdate.decode(update.encoded()) == update)
      }
    }
    // A whole epoch at once, through EpochTransition.
    let before = log.tree.root
    let updates = log.moves(wallets.map { ($0, 64) })
    #expect(try EpochTransition.apply(updates, to: before) == log.tree.root)
    #expect(try EpochTransition.apply([], to: before) == before)
  }

  /// A new wallet's leaf beside an empty subtree, and beside another wallet's leaf.
  @Test func insertsNextToAnEmptySubtreeAndNextToAnotherLeaf() throws {
    let base = randomBytes32()
    let (a, b, c) = (
      headsKey(base), headsKey(flippingBit(40, of: base)), headsKey(flippingBit(3, of: base))
    )
    let log = TestHeadsLog()
    var root = HeadsMap.empty
    for (key, size) in [(a, 3), (b, 5), (c, 7)] {
      let update = log.move(key, to: testHead(size, "\(size)"), consistency: [])
      switch size {
      case 3: #expect(update.before.terminal == .empty)
      case 5: #expect(update.before.terminal == .other(a, testHead(3, "3")))
      default:
        // c parts from a and b at bit 3, where the chain down to bit 40 begins.
        #expect(update.before.terminal == .empty)
        #expect(update.before.siblings.count == 4)
      }
      root = try update.apply(to: root)
      #expect(root == log.tree.root)
    }
  }

  @Test func aMoveThatIsNotAnExtensionIsRefused() throws {
    let (w, v) = (TestWalletLog(count: 30), TestWalletLog(count: 30))
    let log = populated([w, v], sizes: [20, 10])
    let root = log.tree.root
    let proof = log.tree.proof(w.key)
    func update(_ head: WalletHead, _ consistency: [[UInt8]], before: HeadsProof? = nil)
      throws -> HeadsUpdate
    {
      try HeadsUpdate(key: w.key, before: before ?? proof, head: head, consistency: consistency)
    }
    // The honest move is accepted.
    #expect(try update(w.head(25), w.consistency(from: 20, to: 25)).apply(to: root) != root)
    // A shrunk head: no proof, or the proof of the growth the other way.
    #expect(throws: TransparencyError.headShrank) {
      try update(w.head(15), []).apply(to: root)
    }
    #expect(throws: TransparencyError.headShrank) {
      try update(w.head(15), w.consistency(from: 15, to: 20)).apply(to: root)
    }
    // A changed root at the same size; the same head again is a no-op move.
    #expect(throws: TransparencyError.headShrank) {
      try update(w.forked(from: 19).head(20), []).apply(to: root)
    }
    #expect(try update(w.head(20), []).apply(to: root) == root)
    // A rewritten history, with its own (valid) consistency proof or the real one.
    let fork = w.forked(from: 12)
    #expect(throws: TransparencyError.headShrank) {
      try update(fork.head(25), fork.consistency(from: 20, to: 25)).apply(to: root)
    }
    #expect(throws: TransparencyError.headShrank) {
      try update(fork.head(25), w.consistency(from: 20, to: 25)).apply(to: root)
    }
    // A proof with a hash altered, or for other sizes.
    var altered = w.consistency(from: 20, to: 25)
    altered[0][0] ^= 1
    #expect(throws: TransparencyError.headShrank) {
      try update(w.head(25), altered).apply(to: root)
    }
    #expect(throws: TransparencyError.headShrank) {
      try update(w.head(25), w.consistency(from: 19, to: 25)).apply(to: root)
    }
    // The wallet's proof against another map root; its old head misstated.
    #expect(throws: TransparencyError.headsProofFailed) {
      try update(w.head(25), w.consistency(from: 20, to: 25)).apply(to: HeadsMap.empty)
    }
    let misstated = try HeadsProof(siblings: proof.siblings, terminal: .head(w.head(18)))
    #expect(throws: TransparencyError.headsProofFailed) {
      try update(w.head(25), w.consistency(from: 18, to: 25), before: misstated).apply(to: root)
    }
    // Claimed absent, to start a new log from scratch.
    let absent = try HeadsProof(siblings: proof.siblings, terminal: .empty)
    #expect(throws: TransparencyError.headsProofFailed) {
      try update(fork.head(2), [], before: absent).apply(to: root)
    }
    // Another wallet's proof.
    #expect(throws: TransparencyError.headsProofFailed) {
      try update(w.head(25), w.consistency(from: 20, to: 25), before: log.tree.proof(v.key))
        .apply(to: root)
    }
    // A new wallet's move carries no consistency proof.
    let newcomer = TestWalletLog(count: 4)
    let join = try HeadsUpdate(
      key: newcomer.key, before: log.tree.proof(newcomer.key), head: newcomer.head(4),
      consistency: [w.head(1).root])
    #expect(throws: TransparencyError.self) { try join.apply(to: root) }
  }

  @Test func aWalletMovesAtMostOncePerEpoch() throws {
    let w = TestWalletLog(count: 30)
    let log = TestHeadsLog()
    let root = log.tree.root
    let twice = log.moves([(w, 5), (w, 9)])
    #expect(try twice[1].apply(to: twice[0].apply(to: root)) == log.tree.root)
    #expect(throws: TransparencyError.malformedHeads("a wallet moves twice in one epoch")) {
      try EpochTransition.apply(twice, to: root)
    }
  }

  @Test func updateBytesRoundTripAndMalformedOnesAreRefused() throws {
    let w = TestWalletLog(count: 30)
    let log = populated([w, TestWalletLog(), TestWalletLog()], sizes: [7, 3, 4])
    let update = log.moves([(w, 21)])[0]
    let encoded = update.encoded()
    #expect(try HeadsUpdate.decode(encoded) == update)
    for length in 0..<encoded.count {
      #expect(throws: TransparencyError.self) { try HeadsUpdate.decode(encoded.prefix(length)) }
    }
    #expect(throws: TransparencyError.self) { try HeadsUpdate.decode(encoded + [0]) }
    #expect(throws: TransparencyError.self) {
      try HeadsUpdate(
        key: w.key, before: update.before, head: update.head,
        consistency: Array(repeating: HeadsMap.empty, count: 64))
    }
  }
}
