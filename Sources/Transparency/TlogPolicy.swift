/// Which checkpoints to believe (after c2sp.org/tlog-policy, reduced to one
/// k-of-n group): "a checkpoint is considered valid if it is signed by any one
/// of the listed logs, and it is cosigned by witnesses according to the
/// defined quorum rule". Here the quorum is `quorum` of `witnesses`; 0 is
/// tlog-policy's `quorum none`.
public struct TlogPolicy: Sendable {
  /// Log keys; "This name MUST correspond to the log's origin line".
  public let logs: [Ed25519NoteVerifier]
  public let witnesses: [CosignatureV1Verifier]
  /// How many distinct witnesses must have a valid cosignature.
  public let quorum: Int

  public init(logs: [Ed25519NoteVerifier], witnesses: [CosignatureV1Verifier], quorum: Int)
    throws(TransparencyError)
  {
    // "1 <= k <= n" for a group; 0 stands for `quorum none`.
    guard quorum >= 0, quorum <= witnesses.count else {
      throw .invalidPolicy("the quorum must be between 0 and the \(witnesses.count) witness(es)")
    }
    // "Duplicate logs, i.e., multiple log lines with the same public key, are not
    // allowed"; the same for witnesses, so that no witness counts twice.
    guard Set(logs.map(\.publicKey)).count == logs.count else {
      throw .invalidPolicy("a log key is listed twice")
    }
    guard Set(witnesses.map(\.publicKey)).count == witnesses.count else {
      throw .invalidPolicy("a witness key is listed twice")
    }
    self.logs = logs
    self.witnesses = witnesses
    self.quorum = quorum
  }

  /// Steps 2 and 3 of tlog-proof §Verifying: the origin is acceptable and the
  /// checkpoint is signed by a log key for it; the cosignatures of known
  /// witnesses verify (one that fails rejects the note) and reach the quorum.
  /// Returns the checkpoint, to be trusted from then on.
  public func verify(_ note: SignedNote) throws(TransparencyError) -> TlogCheckpoint {
    let checkpoint = try TlogCheckpoint(text: note.text)
    let logKeys = logs.filter { $0.name.utf8.elementsEqual(checkpoint.origin.utf8) }
    guard !logKeys.isEmpty else { throw .unknownOrigin(checkpoint.origin) }
    try note.verify(by: logKeys)
    let cosigners = Set(try note.signatures(verifiedBy: witnesses).map(\.verifier))
    guard cosigners.count >= quorum else {
      throw .quorumNotMet(required: quorum, valid: cosigners.count)
    }
    return checkpoint
  }
}
