/// A commitment to a data key: `BLAKE2b-256(key = data key, "PSP-v1/key-commitment" || context)`.
///
/// Poly1305 is not key-committing: a ciphertext can be crafted that opens under
/// two keys to two different plaintexts. Stored beside the record and checked
/// before decryption, the commitment binds the record to one key, so two
/// recipients sealed different keys cannot be shown different values. It reveals
/// nothing about the key beyond equality (BLAKE2b as a PRF under the key).
public struct KeyCommitment: Sendable, Hashable {
  public static let byteCount = 32
  public let bytes: [UInt8]

  public init(_ bytes: [UInt8]) throws(CryptoError) {
    guard bytes.count == Self.byteCount else {
      throw .invalidLength(what: "key commitment", expected: Self.byteCount, actual: bytes.count)
    }
    self.bytes = bytes
  }

  /// Commits to `key` for `context` (the record's associated data).
  public init(key: SymmetricKey, context: [UInt8]) throws(CryptoError) {
    self.bytes = try BLAKE2b.hash(
      [Array(DomainSeparation.keyCommitment.utf8), context], outputCount: Self.byteCount,
      key: key.secret)
  }

  /// Throws `commitmentMismatch` unless this commitment is the one `key` gives
  /// for `context` (compared in constant time).
  public func verify(key: SymmetricKey, context: [UInt8]) throws(CryptoError) {
    let expected = try KeyCommitment(key: key, context: context)
    guard constantTimeEquals(expected.bytes, bytes) else { throw .commitmentMismatch }
  }
}
