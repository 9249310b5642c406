import PSPCrypto

/// An Ed25519 public key under a note key name, for one signature type (0x01
/// note signatures, 0x04 cosignatures): its key ID is
/// `SHA-256(name || 0x0A || type || key)[:4]` (signed-note, tlog-cosignature)
/// and its vkey `name+hex(keyID)+base64(type || key)`. Shared by the verifiers
/// of both types, which differ only in the type byte and the signed message.
struct NamedNoteKey: Sendable {
  let name: String
  let type: UInt8
  let keyID: UInt32
  let publicKey: SigningPublicKey

  init(name: String, type: UInt8, publicKey: SigningPublicKey) throws(TransparencyError) {
    guard NoteKeyID.isValidName(name) else {
      throw .malformedVerifierKey("the key name must be non-empty, without spaces or '+'")
    }
    self.name = name
    self.type = type
    self.publicKey = publicKey
    keyID = NoteKeyID.compute(name: name, type: type, publicKey: publicKey.bytes)
  }

  /// From a vkey of `type` whose key ID is the one its name and key give.
  init(vkey: String, type: UInt8, what: String) throws(TransparencyError) {
    let parsed = try VerifierKey.parse(vkey)
    try self.init(
      name: parsed.name, type: type, publicKey: parsed.ed25519Key(type: type, what: what))
  }

  var vkey: String {
    // The name was checked at init, so this cannot fail.
    try! VerifierKey(name: name, keyID: keyID, type: type, publicKey: publicKey.bytes).encoded
  }

  /// Names compared byte for byte (not as Unicode strings), and keys.
  static func == (a: NamedNoteKey, b: NamedNoteKey) -> Bool {
    a.name.utf8.elementsEqual(b.name.utf8) && a.type == b.type && a.publicKey == b.publicKey
  }
}
