import PSPCrypto

/// Ed25519 checkpoint cosignatures, version 1 (c2sp.org/tlog-cosignature),
/// signature type 0x04. The note signature is a `timestamped_signature`:
/// `u64 timestamp` (big endian) then the 64-byte Ed25519 signature over
///
///     cosignature/v1
///     time <timestamp>
///     <the whole checkpoint note text>
public enum CosignatureV1 {
  public static let signatureType: UInt8 = 0x04
  /// "It MUST NOT exceed 2^63 - 1".
  public static let maximumTimestamp = UInt64(Int64.max)

  /// The signed message: "two newline (U+000A) terminated lines (one header
  /// line and one timestamp line) followed by the whole note body of the
  /// cosigned checkpoint (including the final newline, but not including any
  /// signature lines)". The time is decimal "with no leading zeroes".
  public static func message(checkpointText: some Collection<UInt8>, timestamp: UInt64) -> [UInt8] {
    Array("cosignature/v1\ntime \(timestamp)\n".utf8) + checkpointText
  }

  /// The timestamp of a cosignature line, if it has the v1 shape (8 + 64 bytes).
  public static func timestamp(of signature: NoteSignature) -> UInt64? {
    guard signature.signature.count == 8 + Signature.byteCount else { return nil }
    return signature.signature.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }
}

/// Checks the v1 cosignatures of one witness.
public struct CosignatureV1Verifier: NoteVerifier, Equatable {
  let key: NamedNoteKey
  public var name: String { key.name }
  public var keyID: UInt32 { key.keyID }
  public var publicKey: SigningPublicKey { key.publicKey }

  /// Key ID "SHA-256(<name> || "\n" || 0x04 || 32-byte Ed25519 cosigner public key)[:4]".
  public init(name: String, publicKey: SigningPublicKey) throws(TransparencyError) {
    key = try NamedNoteKey(name: name, type: CosignatureV1.signatureType, publicKey: publicKey)
  }

  /// From a vkey "with signature type 0x04 and the 32-byte Ed25519 cosigner
  /// public key as the public key material".
  public init(vkey: String) throws(TransparencyError) {
    key = try NamedNoteKey(vkey: vkey, type: CosignatureV1.signatureType, what: "cosignature v1")
  }

  public var vkey: String { key.vkey }

  public func isValid(signature: [UInt8], over text: [UInt8]) -> Bool {
    guard signature.count == 8 + Signature.byteCount else { return false }
    let timestamp = signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    guard timestamp <= CosignatureV1.maximumTimestamp,
      let ed25519 = try? Signature(Array(signature[8...]))
    else {
      return false
    }
    return publicKey.isValidSignature(
      ed25519, for: CosignatureV1.message(checkpointText: text, timestamp: timestamp))
  }

  public static func == (a: CosignatureV1Verifier, b: CosignatureV1Verifier) -> Bool {
    a.key == b.key
  }
}

/// A witness's cosigning key. "A cosigner operator that operates multiple
/// Ed25519 cosigners (...) MUST use distinct public keys for each cosigner":
/// the message does not commit to the name.
public struct CosignatureV1Signer: Sendable {
  public let name: String
  public let keyID: UInt32
  let key: SigningKey

  public init(name: String, key: SigningKey) throws(TransparencyError) {
    keyID = try CosignatureV1Verifier(name: name, publicKey: key.publicKey).keyID
    self.name = name
    self.key = key
  }

  public var verifier: CosignatureV1Verifier {
    try! CosignatureV1Verifier(name: name, publicKey: key.publicKey)
  }
  public var vkey: String { verifier.vkey }

  /// The cosignature line over a checkpoint's note text at `timestamp` (POSIX
  /// seconds). Zero is refused: a witness "MUST NOT omit the timestamp".
  public func cosign(_ checkpointText: String, timestamp: UInt64) throws(TransparencyError)
    -> NoteSignature
  {
    guard timestamp > 0, timestamp <= CosignatureV1.maximumTimestamp else {
      throw .invalidTimestamp(timestamp)
    }
    let text = Array(checkpointText.utf8)
    try SignedNote.checkText(text)
    let signature = key.signature(
      for: CosignatureV1.message(checkpointText: text, timestamp: timestamp))
    let stamp = (0..<8).map { UInt8(timestamp >> (56 - 8 * UInt64($0)) & 0xFF) }
    return try NoteSignature(name: name, keyID: keyID, signature: stamp + signature.bytes)
  }
}
