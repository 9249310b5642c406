import PSPConsent
import PSPCrypto

@testable import PSPTransparency

/// A log for the tests: an origin, an Ed25519 note key, and leaves from which
/// it signs checkpoints and builds RFC 9162 proofs with `MerkleTree`.
struct TestLog {
  let origin: String
  let signer: Ed25519NoteSigner
  let leaves: [[UInt8]]

  init(origin: String = "example.lu/psp-log", key: SigningKey = SigningKey(), count: Int = 64) {
    self.init(
      origin: origin, key: key,
      leaves: (0..<count).map { MerkleTree.leafHash(Array("entry-\($0)".utf8)) })
  }

  init(origin: String, key: SigningKey, leaves: [[UInt8]]) {
    self.origin = origin
    signer = try! Ed25519NoteSigner(name: origin, key: key)
    self.leaves = leaves
  }

  /// The same origin and key, another history from leaf `from` on: a log that forked.
  func forked(from: Int, tag: String = "-fork") -> TestLog {
    let changed = (from..<leaves.count).map { MerkleTree.leafHash(Array("entry-\($0)\(tag)".utf8)) }
    return TestLog(origin: origin, key: signer.key, leaves: Array(leaves[..<from]) + changed)
  }

  var verifier: Ed25519NoteVerifier { signer.verifier }
  /// The `--log` argument of a witness for this log.
  var logArgument: String { "\(origin)=\(verifier.vkey)" }

  func root(_ size: Int) -> [UInt8] { MerkleTree.root(leaves[0..<size]) }

  func checkpoint(_ size: Int) -> TlogCheckpoint {
    try! TlogCheckpoint(origin: origin, size: size, rootHash: root(size))
  }

  func signedCheckpoint(_ size: Int) -> SignedNote { try! signer.sign(checkpoint(size).text) }

  func consistencyProof(from old: Int, to new: Int) -> [[UInt8]] {
    MerkleTree.consistencyProof(oldSize: old, leaves: leaves[0..<new])
  }

  /// The add-checkpoint body moving a witness from `old` to `new`.
  func request(old: Int, new: Int) -> [UInt8] {
    try! AddCheckpointRequest(
      oldSize: old, consistencyProof: consistencyProof(from: old, to: new),
      note: signedCheckpoint(new)
    ).serialized()
  }
}

/// A witness key pair for the tests.
struct TestWitness {
  let signer: CosignatureV1Signer
  init(name: String = "witness.example.lu/w1", key: SigningKey = SigningKey()) {
    signer = try! CosignatureV1Signer(name: name, key: key)
  }
  var verifier: CosignatureV1Verifier { signer.verifier }

  func core(_ logs: [TestLog]) -> WitnessCore {
    try! WitnessCore(cosigner: signer, logs: logs.map { ($0.origin, $0.verifier) })
  }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
