import CSodium

/// XChaCha20-Poly1305-IETF (libsodium `crypto_aead_xchacha20poly1305_ietf_*`).
/// The 192-bit nonce is random for every seal: collisions are negligible even for
/// billions of messages under one key, so no nonce state is kept anywhere.
///
/// Protects confidentiality and integrity of the message and the integrity of the
/// associated data. Does not hide the message length, and does not bind the
/// ciphertext to one key by itself: see `KeyCommitment` for that.
public enum XChaCha20Poly1305 {
  public static let nonceByteCount = 24
  public static let tagByteCount = 16

  public struct Nonce: Sendable, Equatable {
    public let bytes: [UInt8]
    public init() { bytes = randomBytes(XChaCha20Poly1305.nonceByteCount) }
    public init(_ bytes: [UInt8]) throws(CryptoError) {
      guard bytes.count == XChaCha20Poly1305.nonceByteCount else {
        throw .invalidLength(what: "XChaCha20 nonce", expected: 24, actual: bytes.count)
      }
      self.bytes = bytes
    }
  }

  /// `nonce || ciphertext || tag`, the form stored in records.
  public struct SealedMessage: Sendable, Equatable {
    public let nonce: Nonce
    /// Ciphertext followed by the 16-byte tag (libsodium combined mode).
    public let ciphertextAndTag: [UInt8]

    public var combined: [UInt8] { nonce.bytes + ciphertextAndTag }

    public init(nonce: Nonce, ciphertextAndTag: [UInt8]) throws(CryptoError) {
      guard ciphertextAndTag.count >= XChaCha20Poly1305.tagByteCount else {
        throw .lengthOutOfRange(what: "sealed message", allowed: "at least 16", actual: ciphertextAndTag.count)
      }
      self.nonce = nonce
      self.ciphertextAndTag = ciphertextAndTag
    }

    public init(combined: [UInt8]) throws(CryptoError) {
      let minimum = XChaCha20Poly1305.nonceByteCount + XChaCha20Poly1305.tagByteCount
      guard combined.count >= minimum else {
        throw .lengthOutOfRange(what: "sealed message", allowed: "at least \(minimum)", actual: combined.count)
      }
      try self.init(
        nonce: Nonce(Array(combined.prefix(XChaCha20Poly1305.nonceByteCount))),
        ciphertextAndTag: Array(combined.dropFirst(XChaCha20Poly1305.nonceByteCount)))
    }
  }

  /// Encrypts under a fresh random nonce.
  public static func seal(
    _ plaintext: [UInt8], using key: SymmetricKey, authenticating associatedData: [UInt8] = []
  ) throws(CryptoError) -> SealedMessage {
    try seal(plaintext, using: key, nonce: Nonce(), authenticating: associatedData)
  }

  /// Encrypts under a caller-chosen nonce. Only for known-answer tests and for
  /// constructions that derive a unique nonce; never reuse a nonce under one key.
  public static func seal(
    _ plaintext: [UInt8], using key: SymmetricKey, nonce: Nonce,
    authenticating associatedData: [UInt8] = []
  ) throws(CryptoError) -> SealedMessage {
    try Sodium.ensureInitialised()
    var code: Int32 = -1
    // Written in place, without zeroing first: every byte is the cipher's output.
    let out = [UInt8](unsafeUninitializedCapacity: plaintext.count + tagByteCount) { buffer, count in
      // At least the tag's 16 bytes: the buffer has an address.
      var outLength: UInt64 = 0
      code = key.withUnsafeBytes { k in
        crypto_aead_xchacha20poly1305_ietf_encrypt(
          buffer.baseAddress!, &outLength, plaintext, UInt64(plaintext.count), associatedData,
          UInt64(associatedData.count), nil, nonce.bytes, k.bytePointer)
      }
      count = code == 0 ? Int(outLength) : 0
    }
    try Sodium.check(code, .operationFailed("XChaCha20-Poly1305 encryption"))
    return try SealedMessage(nonce: nonce, ciphertextAndTag: out)
  }

  /// Decrypts and verifies; any change to the nonce, ciphertext, tag, key or
  /// associated data gives `authenticationFailed` and no plaintext.
  public static func open(
    _ box: SealedMessage, using key: SymmetricKey, authenticating associatedData: [UInt8] = []
  ) throws(CryptoError) -> [UInt8] {
    try Sodium.ensureInitialised()
    let input = box.ciphertextAndTag
    var code: Int32 = -1
    // Written in place, without zeroing first; on failure libsodium writes
    // nothing that is kept (the count stays 0).
    // One byte more than the plaintext, so that even an empty one has an address.
    let out = [UInt8](unsafeUninitializedCapacity: input.count - tagByteCount + 1) { buffer, count in
      var outLength: UInt64 = 0
      code = key.withUnsafeBytes { k in
        crypto_aead_xchacha20poly1305_ietf_decrypt(
          buffer.baseAddress!, &outLength, nil, input, UInt64(input.count), associatedData,
          UInt64(associatedData.count), box.nonce.bytes, k.bytePointer)
      }
      count = code == 0 ? Int(outLength) : 0
    }
    guard code == 0 else { throw .authenticationFailed }
    return out
  }
}
