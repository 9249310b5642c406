/// A key that checks note signatures: its name and key ID say which signature
/// lines are its own; `isValid` checks one of them over the note text.
public protocol NoteVerifier: Sendable {
  var name: String { get }
  var keyID: UInt32 { get }
  /// Whether `signature` (the bytes after the key ID) is valid over `text`
  /// (the note text, final newline included).
  func isValid(signature: [UInt8], over text: [UInt8]) -> Bool
}

extension SignedNote {
  /// The signature lines made by `verifiers`, each with the index of its
  /// verifier, following signed-note §Signatures:
  ///
  /// - "Verifiers MUST ignore signatures from unknown keys, even if they share
  ///   a name or ID (but not both) with a known key."
  /// - "If the key name and ID match a known key, verifiers MUST verify the
  ///   signature. If a signature from a known key fails to verify, clients
  ///   SHOULD reject the whole note": this throws `signatureFailed`.
  ///
  /// It may return nothing; `verify(by:)` adds the rule that one must verify.
  public func signatures(verifiedBy verifiers: [any NoteVerifier]) throws(TransparencyError)
    -> [(signature: NoteSignature, verifier: Int)]
  {
    try Self.checkDistinct(verifiers)
    let textBytes = Array(text.utf8)
    var verified: [(signature: NoteSignature, verifier: Int)] = []
    for signature in signatures {
      guard
        let index = verifiers.firstIndex(where: { signature.isFrom(name: $0.name, keyID: $0.keyID) }
        )
      else {
        continue
      }
      guard verifiers[index].isValid(signature: signature.signature, over: textBytes) else {
        throw .signatureFailed(name: signature.name, keyID: signature.keyID)
      }
      verified.append((signature, index))
    }
    return verified
  }

  /// Verifies the note: "If no signature from a known key verifies
  /// successfully, clients MUST reject the note." Returns the verified lines.
  @discardableResult
  public func verify(by verifiers: [any NoteVerifier]) throws(TransparencyError) -> [NoteSignature]
  {
    let verified = try signatures(verifiedBy: verifiers)
    guard !verified.isEmpty else { throw .noVerifiedSignature }
    return verified.map(\.signature)
  }

  /// Two verifiers with the same name and key ID would make a line ambiguous.
  static func checkDistinct(_ verifiers: [any NoteVerifier]) throws(TransparencyError) {
    var seen = Set<[UInt8]>()
    for verifier in verifiers {
      let identity = Array(verifier.name.utf8) + NoteKeyID.bigEndianBytes(verifier.keyID)
      // Equal arrays have equal lengths, hence equal names and equal 4-byte IDs.
      guard seen.insert(identity).inserted else {
        throw .ambiguousVerifiers(name: verifier.name, keyID: verifier.keyID)
      }
    }
  }
}
