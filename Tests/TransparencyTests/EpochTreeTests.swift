import PSPConsent
import PSPCrypto
import Testing

@testable import PSPTransparency

/// The epoch log's tree: walletd's `EpochTree` and a witness's `EpochFrontier`
/// against `MerkleTree`, the RFC 9162 definition the wallet logs use.
@Suite("Epoch tree")
struct EpochTreeTests {
  let mapRoots = (0..<70).map { SHA256.hash(Array("map root \($0)".utf8)) }
  var leaves: [[UInt8]] { mapRoots.map(MerkleTree.leafHash) }

  @Test func rootsAndProofsAreMerkleTreesForEverySize() {
    let leaves = leaves
    var tree = EpochTree()
    #expect(tree.root == MerkleTree.root([]))
    for (index, mapRoot) in mapRoots.enumerated() {
      tree.append(mapRoot: mapRoot)
      #expect(tree.size == index + 1)
      #expect(tree.root == MerkleTree.root(leaves[0...index]))
    }
    for n in 1...70 {
      let prefix = leaves[0..<n]
      #expect(tree.root(size: n) == MerkleTree.root(prefix), "size \(n)")
      for index in 0..<n {
        let proof = tree.inclusionProof(index: index, size: n)
        #expect(
          proof == MerkleTree.inclusionProof(index: index, leaves: prefix), "\(index) in \(n)")
        #expect(
          MerkleTree.verifyInclusion(
            leaf: leaves[index], index: index, size: n, proof: proof, root: tree.root(size: n)))
      }
      for m in 0...n {
        let proof = tree.consistencyProof(oldSize: m, newSize: n)
        #expect(proof == MerkleTree.consistencyProof(oldSize: m, leaves: prefix), "\(m) to \(n)")
        #expect(
          MerkleTree.verifyConsistency(
            oldSize: m, oldRoot: tree.root(size: m), newSize: n, newRoot: tree.root(size: n),
            proof: proof))
      }
    }
  }

  @Test func theFrontierHasTheTreesRootAtEverySize() throws {
    var tree = EpochTree()
    var frontier = EpochFrontier()
    #expect(frontier.root == tree.root)
    #expect(try EpochFrontier.decode(frontier.encoded()) == frontier)
    for index in 0..<300 {
      let mapRoot = SHA256.hash(Array("epoch \(index)".utf8))
      tree.append(mapRoot: mapRoot)
      frontier.append(mapRoot: mapRoot)
      #expect(frontier.size == tree.size)
      #expect(frontier.hashes.count == frontier.size.nonzeroBitCount)
      #expect(frontier.root == tree.root, "size \(tree.size)")
      let encoded = frontier.encoded()
      #expect(encoded.count == 8 + 32 * frontier.size.nonzeroBitCount)
      #expect(try EpochFrontier.decode(encoded) == frontier)
    }
  }

  @Test func malformedFrontiersAreRefused() throws {
    var frontier = EpochFrontier()
    for index in 0..<11 { frontier.append(mapRoot: SHA256.hash([UInt8(index)])) }
    let encoded = frontier.encoded()
    for length in 0..<encoded.count {
      #expect(throws: TransparencyError.self) { try EpochFrontier.decode(encoded.prefix(length)) }
    }
    #expect(throws: TransparencyError.self) { try EpochFrontier.decode(encoded + [0]) }
    // A size that lies about the number of hashes (11 has three bits, 12 two).
    var lying = encoded
    lying[7] = 12
    #expect(throws: TransparencyError.self) { try EpochFrontier.decode(lying) }
    // Sizes of 2^63 and above.
    #expect(throws: TransparencyError.self) {
      try EpochFrontier.decode([0x80, 0, 0, 0, 0, 0, 0, 1] + SHA256.hash([]) + SHA256.hash([]))
    }
    #expect(throws: TransparencyError.self) {
      try EpochFrontier(size: 3, hashes: [SHA256.hash([])])
    }
    #expect(throws: TransparencyError.self) { try EpochFrontier(size: 1, hashes: [[0, 1]]) }
    #expect(throws: TransparencyError.self) { try EpochFrontier(size: -1, hashes: []) }
    #expect(try EpochFrontier(size: frontier.size, hashes: frontier.hashes) == frontier)
  }
}
