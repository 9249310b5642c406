/// Every failure of the transparency layer: malformed C2SP texts (signed notes,
/// vkeys, checkpoints, proofs, witness requests) and failed verifications.
/// Messages say what is wrong, quoting the rule; they hold public data only.
public enum TransparencyError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A signed note breaks a rule of c2sp.org/signed-note (which one is said).
  case malformedNote(String)
  /// A verifier key is not `<name>+<hex key ID>+<base64(type || key)>`, or does not fit its use.
  case malformedVerifierKey(String)
  /// A checkpoint's note text breaks a rule of c2sp.org/tlog-checkpoint.
  case malformedCheckpoint(String)
  /// A proof breaks a rule of c2sp.org/tlog-proof.
  case malformedProof(String)
  /// An add-checkpoint request body breaks a rule of c2sp.org/tlog-witness.
  case malformedRequest(String)
  /// Two configured verifiers share both key name and key ID, so a signature
  /// line cannot say which of them made it.
  case ambiguousVerifiers(name: String, keyID: UInt32)
  /// A signature from a known key (name and key ID match) does not verify:
  /// signed-note says the whole note is then rejected.
  case signatureFailed(name: String, keyID: UInt32)
  /// No signature from a known key verifies: signed-note says the note MUST be rejected.
  case noVerifiedSignature
  /// The checkpoint's origin is not one of the logs configured.
  case unknownOrigin(String)
  /// Fewer witnesses than the policy requires cosigned the checkpoint.
  case quorumNotMet(required: Int, valid: Int)
  /// The inclusion proof does not bind the leaf to the checkpoint's root.
  case inclusionProofFailed
  /// A policy that cannot be satisfied or is ambiguous (duplicate keys, k > n).
  case invalidPolicy(String)
  /// A cosignature timestamp outside 1 ... 2^63 - 1.
  case invalidTimestamp(UInt64)
  /// A heads proof, update, epoch request or receipt is not as `spec/log.md` says.
  case malformedHeads(String)
  /// A heads proof does not lead to the map root it is checked against.
  case headsProofFailed
  /// A wallet's new head does not extend its old one: its log lost or changed entries.
  case headShrank
  /// The map root or epoch tree the request claims is not the one the witness computes.
  case epochMismatch(String)

  public var description: String {
    switch self {
    case .malformedNote(let why): "malformed signed note: \(why)"
    case .malformedVerifierKey(let why): "malformed verifier key: \(why)"
    case .malformedCheckpoint(let why): "malformed checkpoint: \(why)"
    case .malformedProof(let why): "malformed tlog proof: \(why)"
    case .malformedRequest(let why): "malformed add-checkpoint request: \(why)"
    case .ambiguousVerifiers(let name, let keyID):
      "two verifiers share the key name \(name) and key ID \(NoteKeyID.hex(keyID))"
    case .signatureFailed(let name, let keyID):
      "the signature of the known key \(name)+\(NoteKeyID.hex(keyID)) does not verify"
    case .noVerifiedSignature: "no signature from a known key verifies"
    case .unknownOrigin(let origin): "no log is configured for the origin \(origin)"
    case .quorumNotMet(let required, let valid):
      "\(valid) valid witness cosignature(s), the policy requires \(required)"
    case .inclusionProofFailed: "the inclusion proof does not verify against the checkpoint"
    case .invalidPolicy(let why): "invalid policy: \(why)"
    case .invalidTimestamp(let value): "cosignature timestamp \(value) is not in 1 ... 2^63 - 1"
    case .malformedHeads(let why): "malformed heads data: \(why)"
    case .headsProofFailed: "the heads proof does not lead to the map root"
    case .headShrank: "a wallet's log does not extend its previous head"
    case .epochMismatch(let why): "the epoch does not match: \(why)"
    }
  }
}
