import PSPCrypto

/// The Ed25519 note signature type (signed-note §Ed25519 signatures): type byte
/// 0x01, "generated according to RFC 8032 over the note text".
public enum Ed25519Note {
  public static let signatureType: UInt8 = 0x01
}

/// Checks Ed25519 (type 0x01) signatures of one named key: a log's key.
public struct Ed25519NoteVerifier: NoteVerifier, Equatable {
  public let name: String
  public let keyID: UInt32
  public let publicKey: SigningPublicKey

  public init(name: String, publicKey: SigningPublicKey) throws(TransparencyError) {
    guard NoteKeyID.isValidName(name) else {
      throw .malformedVerifierKey("the key name must be non-empty, without spaces or '+'")
    }
    self.name = name
    self.publicKey = publicKey
    keyID = NoteKeyID.compute(
      name: name, type: Ed25519Note.signatureType, publicKey: publicKey.bytes)
  }

  /// From a vkey of type 0x01 whose key ID is the one its name and key give.
  public init(vkey: String) throws(TransparencyError) {
    let parsed = try VerifierKey.parse(vkey)
    let key = try parsed.ed25519Key(type: Ed25519Note.signatureType, what: "Ed25519 note")
    try self.init(name: parsed.name, publicKey: key)
  }

  public var vkey: String {
    // The name was checked at init, so this cannot fail.
    try! VerifierKey(
      name: name, keyID: keyID, type: Ed25519Note.signatureType, publicKey: publicKey.bytes
    ).encoded
  }

  public func isValid(signature: [UInt8], over text: [UInt8]) -> Bool {
    guard let signature = try? Signature(signature) else { return false }
    return publicKey.isValidSignature(signature, for: text)
  }

  public static func == (a: Ed25519NoteVerifier, b: Ed25519NoteVerifier) -> Bool {
    a.name.utf8.elementsEqual(b.name.utf8) && a.publicKey == b.publicKey
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
