/// PASERK, version 4 (paseto-standard/paserk): the serialised form of every key
/// and key identifier the PSP exchanges.
///
/// - `k4.public.` + base64url(Ed25519 public key, 32 bytes)
/// - `k4.secret.` + base64url(Ed25519 secret key `seed || public`, 64 bytes)
/// - `k4.local.`  + base64url(symmetric key, 32 bytes)
/// - `k4.pid.` / `k4.sid.` / `k4.lid.` + base64url(BLAKE2b-264(header || PASERK of the key))
/// - `k4.seal.`   see `PaserkSeal`
///
/// Secret forms come back in guarded memory (`SecureBytes` holding the UTF-8
/// string), never as a Swift `String`, which cannot be wiped.
public enum Paserk {
  public static let publicHeader = "k4.public."
  public static let secretHeader = "k4.secret."
  public static let localHeader = "k4.local."
  public static let publicIDHeader = "k4.pid."
  public static let secretIDHeader = "k4.sid."
  public static let localIDHeader = "k4.lid."

  // MARK: k4.public

  public static func encode(_ key: SigningPublicKey) -> String {
    publicHeader + Encoding.base64URL(key.bytes)
  }

  public static func signingPublicKey(from paserk: String) throws(CryptoError) -> SigningPublicKey {
    let bytes = try payload(of: paserk, header: publicHeader)
    guard bytes.count == SigningPublicKey.byteCount else {
      throw .invalidPaserk("a k4.public key is 32 bytes")
    }
    return try SigningPublicKey(bytes)
  }

  // MARK: k4.secret

  /// `k4.secret.…` as UTF-8 in guarded memory.
  public static func encodeSecret(_ key: SigningKey) -> SecureBytes {
    var bytes = key.secretKey.withUnsafeBytes { Array($0) }
    defer { wipe(&bytes) }
    var text = Array((secretHeader + Encoding.base64URL(bytes)).utf8)
    defer { wipe(&text) }
    return SecureBytes(copying: text)
  }

  public static func signingKey(from paserk: SecureBytes) throws(CryptoError) -> SigningKey {
    var text = paserk.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    defer { text = "" }
    var bytes = try payload(of: text, header: secretHeader)
    defer { wipe(&bytes) }
    guard bytes.count == SigningKey.secretKeyByteCount else {
      throw .invalidPaserk("a k4.secret key is 64 bytes")
    }
    return try SigningKey(secretKey: SecureBytes(copying: bytes))
  }

  // MARK: k4.local

  public static func encodeLocal(_ key: SymmetricKey) -> SecureBytes {
    var bytes = key.withUnsafeBytes { Array($0) }
    defer { wipe(&bytes) }
    var text = Array((localHeader + Encoding.base64URL(bytes)).utf8)
    defer { wipe(&text) }
    return SecureBytes(copying: text)
  }

  public static func symmetricKey(from paserk: SecureBytes) throws(CryptoError) -> SymmetricKey {
    let text = paserk.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    var bytes = try payload(of: text, header: localHeader)
    defer { wipe(&bytes) }
    guard bytes.count == SymmetricKey.byteCount else {
      throw .invalidPaserk("a k4.local key is 32 bytes")
    }
    return try SymmetricKey(copying: bytes)
  }

  // MARK: identifiers

  /// `k4.pid.…`: the public identifier of an Ed25519 public key. This is the key
  /// id that grants, procurations and the access log name principals by.
  public static func identifier(of key: SigningPublicKey) -> String {
    identifier(header: publicIDHeader, of: Array(encode(key).utf8))
  }

  /// `k4.sid.…`: the identifier of an Ed25519 secret key (reveals nothing of it).
  public static func identifier(of key: SigningKey) -> String {
    let paserk = encodeSecret(key)
    return paserk.withUnsafeBytes { identifier(header: secretIDHeader, of: Array($0)) }
  }

  /// `k4.lid.…`: the identifier of a symmetric key.
  public static func identifier(of key: SymmetricKey) -> String {
    let paserk = encodeLocal(key)
    return paserk.withUnsafeBytes { identifier(header: localIDHeader, of: Array($0)) }
  }

  private static func identifier(header: String, of paserk: [UInt8]) -> String {
    var input = paserk
    defer { wipe(&input) }
    // BLAKE2b-264: 33 bytes, which base64url encodes without padding bits.
    let digest = try! BLAKE2b.hash([Array(header.utf8), input], outputCount: 33)
    return header + Encoding.base64URL(digest)
  }

  /// Checks that `paserk` is a well-formed identifier of the given kind (its
  /// header, then 33 bytes), so that a key id read from a request can be trusted
  /// to be one.
  public static func validateIdentifier(_ paserk: String, header: String) throws(CryptoError) {
    let bytes = try payload(of: paserk, header: header)
    guard bytes.count == 33 else { throw .invalidPaserk("an identifier is 33 bytes") }
  }

  static func payload(of paserk: String, header: String) throws(CryptoError) -> [UInt8] {
    guard paserk.hasPrefix(header) else {
      throw .invalidPaserk("expected \(header)…, got \(ForeignHeader.describe(paserk))")
    }
    do {
      return try Encoding.fromBase64URL(paserk.dropFirst(header.count))
    } catch {
      throw .invalidPaserk("malformed base64url")
    }
  }
}
