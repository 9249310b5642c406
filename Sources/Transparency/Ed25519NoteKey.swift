import PSPCrypto

/// The Ed25519 note signature type (signed-note §Ed25519 signatures): type byte
/// 0x01, "generated according to RFC 8032 over the note text".
public enum Ed25519Note {
  public static let signatureType: UInt8 = 0x01
}

/// Checks Ed25519 (type 0x01) signatures of one named key: a log's key.
public struct Ed25519NoteVerifier: NoteVerifier, Equatable {
  let key: NamedNoteKey
  public var name: String { key.name }
  public var keyID: UInt32 { key.keyID }
  public var publicKey: SigningPublicKey { key.publicKey }

  public init(name: String, publicKey: SigningPublicKey) throws(TransparencyError) {
    key = try NamedNoteKey(name: name, type: Ed25519Note.signatureType, publicKey: publicKey)
  }

  /// From a vkey of type 0x01 whose key ID is the one its name and key give.
  public init(vkey: String) throws(TransparencyError) {
    key = try NamedNoteKey(vkey: vkey, type: Ed25519Note.signatureType, what: "Ed25519 note")
  }

  public var vkey: String { key.vkey }

  public func isValid(signature: [UInt8], over text: [UInt8]) -> Bool {
    guard let signature = try? Signature(signature) else { return false }
    return publicKey.isValidSignature(signature, for: text)
  }

  public static func == (a: Ed25519NoteVerifier, b: Ed25519NoteVerifier) -> Bool {
    a.key == b.key
  }
}

/// Signs note texts with Ed25519 (type 0x01) under a key name.
public struct Ed25519NoteSigner: Sendable {
  public let name: String
  public let keyID: UInt32
  let key: SigningKey

  public init(name: String, key: SigningKey) throws(TransparencyError) {
    let verifier = try Ed25519NoteVerifier(name: name, publicKey: key.publicKey)
    self.name = name
    self.key = key
    keyID = verifier.keyID
  }

  public var verifier: Ed25519NoteVerifier {
    try! Ed25519NoteVerifier(name: name, publicKey: key.publicKey)
  }

  /// The signature line over `text`, a note text ending in a newline.
  public func signature(for text: String) throws(TransparencyError) -> NoteSignature {
    let bytes = Array(text.utf8)
    try SignedNote.checkText(bytes)
    return try NoteSignature(name: name, keyID: keyID, signature: key.signature(for: bytes).bytes)
  }

  /// The note `text` signed by this key alone.
  public func sign(_ text: String) throws(TransparencyError) -> SignedNote {
    try SignedNote(text: text, signatures: [signature(for: text)])
  }
}
