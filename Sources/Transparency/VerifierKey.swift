import PSPCrypto

/// A verifier key, "vkey" (signed-note §Verifier keys):
///
///     <key name>+hex(32-bit key ID)+base64(signature type || public key)
///
/// This type only reads and writes the text; `Ed25519NoteVerifier` and
/// `CosignatureV1Verifier` check that the type, the key and the key ID fit.
public struct VerifierKey: Sendable, Equatable, CustomStringConvertible {
  public let name: String
  public let keyID: UInt32
  public let type: UInt8
  /// The key material after the type byte.
  public let publicKey: [UInt8]

  public init(name: String, keyID: UInt32, type: UInt8, publicKey: [UInt8])
    throws(TransparencyError)
  {
    guard NoteKeyID.isValidName(name) else {
      throw .malformedVerifierKey("the key name must be non-empty, without spaces or '+'")
    }
    guard !publicKey.isEmpty else { throw .malformedVerifierKey("no key material") }
    self.name = name
    self.keyID = keyID
    self.type = type
    self.publicKey = publicKey
  }

  /// Parses a vkey. Neither the name nor the hex key ID holds a '+', so the
  /// first two '+' end them; the base64 key may hold more.
  public static func parse(_ text: String) throws(TransparencyError) -> VerifierKey {
    let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3 else {
      throw .malformedVerifierKey("expected <name>+<hex key ID>+<base64 key>")
    }
    // "The hex encoding of a positive integer is the fixed length lowercase
    // Base 16 encoding of its zero-padded big endian representation."
    guard parts[1].utf8.count == 8, let id = try? Encoding.fromHex(String(parts[1])) else {
      throw .malformedVerifierKey("the key ID must be 8 lowercase hex digits")
    }
    guard let material = StandardBase64.decode(parts[2]), material.count >= 2 else {
      throw .malformedVerifierKey(
        "the key must be canonical standard base64 of a type byte and a key")
    }
    return try VerifierKey(
      name: String(parts[0]), keyID: NoteKeyID.read(id[...]), type: material[0],
      publicKey: Array(material[1...]))
  }

  public var encoded: String {
    "\(name)+\(NoteKeyID.hex(keyID))+\(StandardBase64.encode([type] + publicKey))"
  }

  public var description: String { encoded }

  public static func == (a: VerifierKey, b: VerifierKey) -> Bool {
    a.name.utf8.elementsEqual(b.name.utf8) && a.keyID == b.keyID && a.type == b.type
      && a.publicKey == b.publicKey
  }

  /// An Ed25519-based vkey of the given type: 32 bytes of key, and the key ID
  /// "SHA-256(key name || 0x0A || signature type || public key)[:4]".
  func ed25519Key(type expected: UInt8, what: String) throws(TransparencyError) -> SigningPublicKey
  {
    guard type == expected else {
      throw .malformedVerifierKey(
        "\(what) keys have signature type 0x\(Encoding.hex([expected])), not 0x\(Encoding.hex([type]))"
      )
    }
    guard let key = try? SigningPublicKey(publicKey) else {
      throw .malformedVerifierKey("an Ed25519 public key is 32 bytes, not \(publicKey.count)")
    }
    guard keyID == NoteKeyID.compute(name: name, type: type, publicKey: publicKey) else {
      throw .malformedVerifierKey("the key ID does not match the name and key")
    }
    return key
  }
}
