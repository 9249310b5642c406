/// A signed note (c2sp.org/signed-note): "a text ending in newline (U+000A),
/// followed by a blank line (only a newline), followed by one or more
/// signature lines".
///
/// Parsing is strict, so that serialising what was parsed gives the same bytes
/// back: valid UTF-8, no control character but newline, canonical base64.
/// The text is only to be trusted after `verify(by:)` succeeded.
public struct SignedNote: Sendable, Equatable {
  /// "Verifiers SHOULD apply a maximum limit to the number of signatures in a
  /// note (...), but MUST accept at least up to 16 signatures."
  public static let maximumSignatureCount = 100
  /// The bound on a whole note, signatures included (post-quantum signatures
  /// "can be up to nearly 5kB in size": 100 of them fit).
  public static let maximumByteCount = 1 << 20

  /// The note text, "includes the final newline but not the separating blank line".
  public let text: String
  public let signatures: [NoteSignature]

  /// A note from its parts; the text must be a valid note text.
  public init(text: String, signatures: [NoteSignature]) throws(TransparencyError) {
    try Self.checkText(Array(text.utf8))
    guard !signatures.isEmpty else { throw .malformedNote("a note needs one or more signatures") }
    guard signatures.count <= Self.maximumSignatureCount else {
      throw .malformedNote("more than \(Self.maximumSignatureCount) signatures")
    }
    self.text = text
    self.signatures = signatures
  }

  /// Parses a signed note. The text is "separated from the signatures by the
  /// last empty line in the note", so it may itself contain empty lines.
  public static func parse(_ bytes: some Collection<UInt8>) throws(TransparencyError) -> SignedNote
  {
    let bytes = Array(bytes)
    guard bytes.count <= maximumByteCount else {
      throw .malformedNote("larger than \(maximumByteCount) bytes")
    }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw .malformedNote("not valid UTF-8")
    }
    try checkNoControlCharacters(bytes)
    guard bytes.last == 0x0A else { throw .malformedNote("a note must end in a newline") }
    // The last "\n\n": its first newline ends the text, its second is the blank line.
    guard let blank = lastBlankLine(bytes) else {
      throw .malformedNote("no blank line separates the text from the signatures")
    }
    let text = String(decoding: bytes[...blank], as: UTF8.self)
    let block = bytes[(blank + 2)...]
    guard !block.isEmpty else { throw .malformedNote("a note needs one or more signatures") }
    return try SignedNote(text: text, signatures: NoteSignature.parseLines(block))
  }

  /// The note's bytes: text, blank line, signature lines.
  public func serialized() -> [UInt8] {
    var out = Array(text.utf8)
    out.append(0x0A)
    for signature in signatures { out += Array(signature.line.utf8) }
    return out
  }

  /// This note with more signature lines (a witness's cosignatures) after its own.
  public func adding(_ more: [NoteSignature]) throws(TransparencyError) -> SignedNote {
    try SignedNote(text: text, signatures: signatures + more)
  }

  /// Compared as bytes (see `NoteSignature.==`).
  public static func == (a: SignedNote, b: SignedNote) -> Bool {
    a.text.utf8.elementsEqual(b.text.utf8) && a.signatures == b.signatures
  }

  /// The rules on a text alone: non-empty, "ending in newline", valid UTF-8 and
  /// no control character but newline ("Signed notes MUST be valid UTF-8 and
  /// MUST NOT contain any ASCII control characters (those below U+0020) other
  /// than newline").
  static func checkText(_ bytes: [UInt8]) throws(TransparencyError) {
    guard bytes.last == 0x0A else { throw .malformedNote("the text must end in a newline") }
    try checkNoControlCharacters(bytes)
    guard bytes.count <= maximumByteCount else {
      throw .malformedNote("larger than \(maximumByteCount) bytes")
    }
  }

  static func checkNoControlCharacters(_ bytes: [UInt8]) throws(TransparencyError) {
    // In UTF-8 a byte below 0x20 is always that ASCII character itself.
    guard !bytes.contains(where: { $0 < 0x20 && $0 != 0x0A }) else {
      throw .malformedNote("no control character other than newline is allowed")
    }
  }

  private static func lastBlankLine(_ bytes: [UInt8]) -> Int? {
    var index = bytes.count - 2
    while index >= 0 {
      if bytes[index] == 0x0A && bytes[index + 1] == 0x0A { return index }
      index -= 1
    }
    return nil
  }
}
