import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

@Suite("Access log hash tree (RFC 9162)")
struct MerkleTreeTests {
  let leaves = (0..<40).map { MerkleTree.leafHash(Array("entry-\($0)".utf8)) }

  /// Roots computed independently (Python hashlib, the RFC 9162 §2.1.1
  /// definitions) for the leaves "entry-0" … "entry-6".
  @Test(arguments: [
    (1, "40766b2033429026f53d54502679a839706b4741f8dcaf3a8bba5f41b5ffe075"),
    (2, "2f27a5082c1d42afa488ac350a9fc4390c084f54f71ecdff859e98db8429b479"),
    (3, "a64bf26e09128f6fe2fe6f8b2d8c801e166b57c047a7cd9b2b809e7a96a2f1cb"),
    (4, "256b9e8825e5d370a4ae005d0901ea291977e2927f5cf8e3e72660dd09519edb"),
    (5, "1aa68d3074905a581f84cbbd0f753794904fd80451bc4c13e69d9a53bc59502c"),
    (7, "9139601cc1ca8ab2a7a0c2c134c04845f2b1ba549a83d6c845cfcda439cc585d"),
  ])
  func rootsMatchAnIndependentImplementation(_ size: Int, _ expected: String) throws {
    #expect(Encoding.hex(MerkleTree.root(leaves[0..<size])) == expected)
  }

  @Test func emptyTreeIsTheHashOfNothing() {
    #expect(Encoding.hex(MerkleTree.root([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test func everyInclusionProofVerifiesAndTamperingFails() {
    for size in 1...leaves.count {
      let root = MerkleTree.root(leaves[0..<size])
      for index in 0..<size {
        let proof = MerkleTree.inclusionProof(index: index, leaves: leaves[0..<size])
        #expect(MerkleTree.verifyInclusion(leaf: leaves[index], index: index, size: size, proof: proof, root: root))
        // Another leaf, another index, or a changed proof node: refused.
        #expect(!MerkleTree.verifyInclusion(leaf: leaves[(index + 1) % 40], index: index, size: size, proof: proof, root: root))
        if size > 1 {
          #expect(!MerkleTree.verifyInclusion(leaf: leaves[index], index: (index + 1) % size, size: size, proof: proof, root: root))
          var changed = proof
          changed[0][0] ^= 1
          #expect(!MerkleTree.verifyInclusion(leaf: leaves[index], index: index, size: size, proof: changed, root: root))
        }
      }
    }
  }

  @Test func everyConsistencyProofVerifiesAndRewritesFail() {
    for newSize in 1...leaves.count {
      let newRoot = MerkleTree.root(leaves[0..<newSize])
      for oldSize in 1...newSize {
        let oldRoot = MerkleTree.root(leaves[0..<oldSize])
        let proof = MerkleTree.consistencyProof(oldSize: oldSize, leaves: leaves[0..<newSize])
        #expect(MerkleTree.verifyConsistency(
          oldSize: oldSize, oldRoot: oldRoot, newSize: newSize, newRoot: newRoot, proof: proof),
          "\(oldSize) → \(newSize)")
        // A history rewritten under the old checkpoint (one old leaf changed) fails.
        if oldSize < newSize {
          var rewritten = Array(leaves[0..<newSize])
          rewritten[oldSize - 1] = MerkleTree.leafHash(Array("forged".utf8))
          let forgedRoot = MerkleTree.root(rewritten)
          let forgedProof = MerkleTree.consistencyProof(oldSize: oldSize, leaves: rewritten[...])
          #expect(!MerkleTree.verifyConsistency(
            oldSize: oldSize, oldRoot: oldRoot, newSize: newSize, newRoot: forgedRoot, proof: forgedProof))
        }
      }
    }
    // A log that shrank is not consistent.
    #expect(!MerkleTree.verifyConsistency(
      oldSize: 5, oldRoot: MerkleTree.root(leaves[0..<5]), newSize: 4, newRoot: MerkleTree.root(leaves[0..<4]), proof: []))
  }
}
