import PSPConsent
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPTransparency

/// The heads map (`spec/log.md` §3): the tree walletd keeps against the
/// from-scratch definition, and its proofs of members and non-members.
@Suite("Heads map")
struct HeadsMapTests {
  let empty = HeadsMap.empty

  /// Every key's proof in `tree` leads to `root` and says what `heads` holds.
  func checkProofs(_ tree: HeadsTree, _ heads: [HeadsKey: WalletHead], others: [HeadsKey])
    throws
  {
    let root = HeadsMap.root(heads)
    #expect(tree.root == root)
    for (key, head) in heads {
      let proof = tree.proof(key)
      #expect(proof.terminal == .head(head))
      #expect(try proof.verify(key: key, root: root) == head)
      #expect(tree.head(of: key) == head)
      #expect(try HeadsProof.decode(proof.encoded()) == proof)
    }
    for key in others where heads[key] == nil {
      let proof = tree.proof(key)
      #expect(try proof.verify(key: key, root: root) == nil)
      #expect(tree.head(of: key) == nil)
      #expect(try HeadsProof.decode(proof.encoded()) == proof)
    }
  }

  @Test func theTreeRootIsTheMapRootForRandomSets() throws {
    for count in [0, 1, 2, 3, 5, 8, 17, 64, 257] {
      let tree = HeadsTree()
      var heads: [HeadsKey: WalletHead] = [:]
      let keys = (0..<count).map { _ in HeadsKey(wallet: WalletID()) }
      for (index, key) in keys.enumerated() {
        let head = testHead(index % 7 + 1, "\(index)")
        tree.set(key, head)
        heads[key] = head
        if count <= 17 {
          #expect(tree.root == HeadsMap.root(heads), "\(count) keys, after \(index)")
        }
      }
      #expect(tree.root == HeadsMap.root(heads))
      #expect(tree.count == count)
      // Heads that grow change the root as the definition says; the count stays.
      for key in keys.prefix(count / 2) {
        let head = testHead(Int(heads[key]!.size) + 3, "grown")
        tree.set(key, head)
        heads[key] = head
      }
      #expect(tree.count == count)
      try checkProofs(tree, heads, others: (0..<20).map { _ in HeadsKey(wallet: WalletID()) })
    }
  }

  /// Keys that share 255, 254, 200, … bits: deep chains of one-sided nodes,
  /// proofs of up to 256 siblings, non-members that end at another wallet.
  @Test func keysSharingLongPrefixes() throws {
    let base = randomBytes32()
    let depths = [255, 254, 253, 200, 129, 128, 64, 9, 8, 1, 0]
    let keys = [headsKey(base)] + depths.map { headsKey(flippingBit($0, of: base)) }
    let tree = HeadsTree()
    var heads: [HeadsKey: WalletHead] = [:]
    for (index, key) in keys.enumerated() {
      heads[key] = testHead(index + 1, "\(index)")
      tree.set(key, heads[key]!)
      #expect(tree.root == HeadsMap.root(heads))
    }
    #expect(tree.proof(keys[0]).siblings.count == 256)
    #expect(tree.proof(keys[1]).siblings.count == 256)
    // Absent keys next to the members, at every depth of the chains.
    var others = depths.map { headsKey(flippingBit($0, of: flippingBit(255, of: base))) }
    others += [120, 230, 250].map { headsKey(flippingBit($0, of: base)) }
    try checkProofs(tree, heads, others: others)
    // base with bits 255 and 254 flipped ends at base with bit 254 flipped, 255 deep.
    let neighbour = headsKey(flippingBit(255, of: flippingBit(254, of: base)))
    let proof = tree.proof(neighbour)
    #expect(proof.siblings.count == 255)
    #expect(proof.terminal == .other(keys[2], heads[keys[2]]!))
  }

  /// Small maps whose hashes are written out by hand from the definition.
  @Test func handBuiltMapsAndTheirProofs() throws {
    var zero = [UInt8](repeating: 0, count: 32)
    // a = 000…, b = 001…, c = 1…, d = 01…, e = 0001…
    let a = headsKey(zero)
    zero[0] = 0x20
    let b = headsKey(zero)
    zero[0] = 0x80
    let c = headsKey(zero)
    zero[0] = 0x40
    let d = headsKey(zero)
    zero[0] = 0x10
    let e = headsKey(zero)
    let (ha, hb) = (testHead(3, "a"), testHead(5, "b"))
    let leafA = HeadsMap.leafHash(a, ha)
    let leafB = HeadsMap.leafHash(b, hb)
    #expect(leafA == SHA256.hash([0x02], a.bytes, [0, 0, 0, 0, 0, 0, 0, 3], ha.root))

    #expect(HeadsMap.root([:]) == empty)
    #expect(HeadsTree().root == empty)
    #expect(try HeadsTree().proof(a).verify(key: a, root: empty) == nil)
    #expect(HeadsMap.root([a: ha]) == leafA)

    // a and b part at bit 2, below two one-sided nodes.
    let y = HeadsMap.nodeHash(leafA, leafB)
    let x = HeadsMap.nodeHash(y, empty)
    let root = HeadsMap.nodeHash(x, empty)
    #expect(HeadsMap.root([a: ha, b: hb]) == root)
    let tree = HeadsTree()
    tree.set(a, ha)
    #expect(tree.root == leafA)
    tree.set(b, hb)
    #expect(tree.root == root)

    let proofA = tree.proof(a)
    #expect(proofA == (try HeadsProof(siblings: [empty, empty, leafB], terminal: .head(ha))))
    #expect(try proofA.verify(key: a, root: root) == ha)
    #expect(tree.proof(c) == (try HeadsProof(siblings: [x], terminal: .empty)))
    #expect(tree.proof(d) == (try HeadsProof(siblings: [empty, y], terminal: .empty)))
    #expect(
      tree.proof(e) == (try HeadsProof(siblings: [empty, empty, leafB], terminal: .other(a, ha))))
    for key in [c, d, e] { #expect(try tree.proof(key).verify(key: key, root: root) == nil) }

    // A proof checked against another root, or with a sibling changed, fails.
    #expect(throws: TransparencyError.headsProofFailed) {
      try proofA.verify(key: a, root: leafA)
    }
    let changed = try HeadsProof(siblings: [empty, leafA, leafB], terminal: .head(ha))
    #expect(throws: TransparencyError.headsProofFailed) { try changed.verify(key: a, root: root) }
    // The member's proof does not prove another key, present or absent.
    #expect(throws: TransparencyError.headsProofFailed) { try proofA.verify(key: e, root: root) }
    // Claiming the key absent, or at another head, fails.
    for terminal in [HeadsProof.Terminal.empty, .head(hb), .other(b, hb)] {
      let lie = try HeadsProof(siblings: [empty, empty, leafB], terminal: terminal)
      #expect(throws: TransparencyError.self) { try lie.verify(key: a, root: root) }
    }
    // The other wallet of a proof must differ from the key and share its path.
    let selfOther = try HeadsProof(siblings: [empty, empty, leafB], terminal: .other(a, ha))
    #expect(throws: TransparencyError.self) { try selfOther.verify(key: a, root: root) }
    let offPath = try HeadsProof(siblings: [empty], terminal: .other(c, ha))
    #expect(throws: TransparencyError.self) { try offPath.verify(key: e, root: root) }
  }

  /// The root a proof gives once the key is set is the tree's root after `set`:
  /// into the empty map, over a lone leaf, next to an empty subtree, next to
  /// another leaf (deep or shallow), and over the key's own head.
  @Test func settingThroughAProofGivesTheTreesNewRoot() throws {
    let base = randomBytes32()
    let keys =
      [headsKey(base)] + [255, 100, 3, 0, 2, 101, 7].map { headsKey(flippingBit($0, of: base)) }
    let tree = HeadsTree()
    for (index, key) in keys.enumerated() {
      let proof = tree.proof(key)
      let head = testHead(index + 2, "k\(index)")
      let expected = try proof.root(for: key, setting: head)
      tree.set(key, head)
      #expect(expected == tree.root, "key \(index), terminal \(proof.terminal)")
    }
    let grown = testHead(30, "grown")
    let expected = try tree.proof(keys[3]).root(for: keys[3], setting: grown)
    tree.set(keys[3], grown)
    #expect(expected == tree.root)
    for _ in 0..<200 {
      let key = HeadsKey(wallet: WalletID())
      let head = testHead(Int.random(in: 1...9), "r")
      let expected = try tree.proof(key).root(for: key, setting: head)
      tree.set(key, head)
      #expect(expected == tree.root)
    }
  }

  @Test func proofBytesRoundTripAndMalformedOnesAreRefused() throws {
    let (a, b) = (headsKey(randomBytes32()), headsKey(randomBytes32()))
    let proofs = [
      try HeadsProof(siblings: [], terminal: .empty),
      try HeadsProof(siblings: [randomBytes32()], terminal: .head(testHead(4))),
      try HeadsProof(siblings: [randomBytes32(), empty], terminal: .other(b, testHead(0))),
    ]
    for proof in proofs {
      let encoded = proof.encoded()
      #expect(try HeadsProof.decode(encoded) == proof)
      for length in 0..<encoded.count {
        #expect(throws: TransparencyError.self) { try HeadsProof.decode(encoded.prefix(length)) }
      }
      #expect(throws: TransparencyError.self) { try HeadsProof.decode(encoded + [0]) }
    }
    // An unknown terminal, more than 256 siblings, a sibling count that lies.
    #expect(throws: TransparencyError.self) { try HeadsProof.decode([0, 0, 3]) }
    #expect(throws: TransparencyError.self) {
      try HeadsProof.decode([1, 1] + Array(repeating: 0, count: 257 * 32) + [0])
    }
    #expect(throws: TransparencyError.self) { try HeadsProof.decode([0, 2] + empty + [0]) }
    #expect(throws: TransparencyError.self) {
      try HeadsProof(siblings: Array(repeating: empty, count: 257), terminal: .empty)
    }
    #expect(throws: TransparencyError.self) {
      try HeadsProof(siblings: [[1, 2, 3]], terminal: .empty)
    }
    // A head of the empty log must have the empty tree's root; sizes stay below 2^63.
    #expect(throws: TransparencyError.self) { try WalletHead(size: 0, root: empty) }
    #expect(throws: TransparencyError.self) { try WalletHead(size: 1, root: [1]) }
    #expect(throws: TransparencyError.self) {
      try WalletHead(size: UInt64(Int64.max) + 1, root: empty)
    }
    #expect(throws: TransparencyError.self) {
      try HeadsProof.decode(
        [0, 0, 1, 0x80, 0, 0, 0, 0, 0, 0, 0] + randomBytes32())
    }
    #expect(a != b)
  }
}
