/// One signature line of a signed note:
///
///     — <key name> base64(32-bit key ID || signature)
///
/// The tuple (name, key ID) says which key made it; what `signature` holds
/// depends on the key's signature type (64 bytes for Ed25519, 8 + 64 for an
/// Ed25519 cosignature).
public struct NoteSignature: Sendable, Equatable, CustomStringConvertible {
  /// The em dash (U+2014) and space that open every signature line.
  static let prefix: [UInt8] = [0xE2, 0x80, 0x94, 0x20]

  public let name: String
  public let keyID: UInt32
  /// The bytes after the key ID.
  public let signature: [UInt8]

  public init(name: String, keyID: UInt32, signature: [UInt8]) throws(TransparencyError) {
    guard NoteKeyID.isValidName(name) else {
      throw .malformedNote("a key name must be non-empty, without spaces or '+'")
    }
    guard !signature.isEmpty else {
      throw .malformedNote("a signature must hold more than the key ID")
    }
    self.name = name
    self.keyID = keyID
    self.signature = signature
  }

  /// The line, newline included, exactly as a note carries it.
  public var line: String {
    "— \(name) \(StandardBase64.encode(NoteKeyID.bigEndianBytes(keyID) + signature))\n"
  }

  public var description: String { String(line.dropLast()) }

  /// Names are compared as bytes: Swift's `==` on strings would take two
  /// canonically equivalent but different names for one.
  public static func == (a: NoteSignature, b: NoteSignature) -> Bool {
    a.name.utf8.elementsEqual(b.name.utf8) && a.keyID == b.keyID && a.signature == b.signature
  }

  /// Whether this line names the key (`name`, `keyID`).
  public func isFrom(name: String, keyID: UInt32) -> Bool {
    self.keyID == keyID && self.name.utf8.elementsEqual(name.utf8)
  }

  /// Parses one line without its newline.
  static func parse(line: ArraySlice<UInt8>) throws(TransparencyError) -> NoteSignature {
    guard line.starts(with: prefix) else {
      throw .malformedNote("a signature line must start with an em dash (U+2014) and a space")
    }
    let rest = line.dropFirst(prefix.count)
    guard let space = rest.firstIndex(of: 0x20) else {
      throw .malformedNote("a signature line must be '— <key name> <base64 signature>'")
    }
    guard let name = String(validating: rest[..<space], as: UTF8.self) else {
      throw .malformedNote("not valid UTF-8")
    }
    let encoded = String(decoding: rest[(space + 1)...], as: UTF8.self)
    guard let bytes = StandardBase64.decode(encoded) else {
      throw .malformedNote("a signature must be canonical standard base64 (RFC 4648 §4)")
    }
    // "Signatures are the base64 encoding of 4+n bytes": a key ID and a signature.
    guard bytes.count > 4 else {
      throw .malformedNote("a signature must hold more than the key ID")
    }
    return try NoteSignature(
      name: name, keyID: NoteKeyID.read(bytes[...]), signature: Array(bytes[4...]))
  }

  /// Parses a block of signature lines, each ending in a newline: the body of a
  /// witness's add-checkpoint answer, or the tail of a note.
  public static func parseLines(_ bytes: some Collection<UInt8>) throws(TransparencyError)
    -> [NoteSignature]
  {
    let bytes = Array(bytes)
    guard bytes.count <= SignedNote.maximumByteCount else {
      throw .malformedNote("larger than \(SignedNote.maximumByteCount) bytes")
    }
    guard bytes.last == 0x0A else { throw .malformedNote("a signature line must end in a newline") }
    guard !bytes.contains(where: { $0 < 0x20 && $0 != 0x0A }) else {
      throw .malformedNote("no control character other than newline is allowed")
    }
    var signatures: [NoteSignature] = []
    for line in bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false) {
      guard signatures.count < SignedNote.maximumSignatureCount else {
        throw .malformedNote("more than \(SignedNote.maximumSignatureCount) signatures")
      }
      signatures.append(try parse(line: line))
    }
    return signatures
  }
}
