import PSPCrypto
import Testing

/// Ed25519 signing keys: a signature holds for one key and one message, and a
/// secret key whose halves disagree is refused.
@Suite("Signing keys under attack")
struct SigningKeyTamperTests {
  let key = SigningKey()
  let message = Array("grant g1: circle 2 for aid revis".utf8)

  @Test func signatureHoldsForItsKeyAndMessageOnly() throws {
    let signature = key.signature(for: message)
    try key.publicKey.verify(signature, for: message)
    #expect(throws: CryptoError.invalidSignature) {
      try SigningKey().publicKey.verify(signature, for: message)
    }
    #expect(throws: CryptoError.invalidSignature) {
      try key.publicKey.verify(signature, for: message + [0])
    }
    let failures = Tampering.unrefused(
      Tampering.bitFlips(of: signature.bytes), isExpected: { $0 == .invalidSignature }
    ) { (bytes) throws(CryptoError) in try key.publicKey.verify(Signature(bytes), for: message) }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  /// `seed || public` where the public half belongs to another seed, or has one
  /// flipped bit: refused, as signing with it would produce signatures under a
  /// key nobody holds.
  @Test func secretKeyWithMismatchedPublicHalfIsRefused() throws {
    let seed = key.seed.withUnsafeBytes { Array($0) }
    #expect(
      try SigningKey(secretKey: SecureBytes(copying: seed + key.publicKey.bytes)).publicKey
        == key.publicKey)
    #expect(throws: CryptoError.invalidPublicKey) {
      try SigningKey(secretKey: SecureBytes(copying: seed + SigningKey().publicKey.bytes))
    }
    for bit in [0, 7, 100, 255] {
      var publicHalf = key.publicKey.bytes
      publicHalf[bit / 8] ^= 1 << UInt8(bit % 8)
      #expect(throws: CryptoError.invalidPublicKey, "bit \(bit)") {
        try SigningKey(secretKey: SecureBytes(copying: seed + publicHalf))
      }
    }
    #expect(throws: CryptoError.invalidPublicKey) {
      try SigningKey(secretKey: SecureBytes(copying: seed + [UInt8](repeating: 0, count: 32)))
    }
  }

  @Test func wrongLengthsAreRefused() {
    for length in [0, 31, 33, 63, 65] {
      #expect(throws: CryptoError.self, "\(length)") {
        try SigningKey(secretKey: SecureBytes(randomCount: length))
      }
      #expect(throws: CryptoError.self, "\(length)") {
        try SigningPublicKey([UInt8](repeating: 1, count: length))
      }
    }
    #expect(throws: CryptoError.self) { try SigningKey(seed: SecureBytes(randomCount: 64)) }
    #expect(throws: CryptoError.self) { try Signature([UInt8](repeating: 0, count: 63)) }
  }

  /// The same seed always gives the same key pair, and the same signature
  /// (Ed25519 is deterministic).
  @Test func seedDeterminesTheKeyPair() throws {
    let again = try SigningKey(seed: key.seed)
    #expect(again.publicKey == key.publicKey)
    #expect(again.signature(for: message) == key.signature(for: message))
  }
}

/// X25519 agreement keys: low-order peers are refused instead of giving a
/// predictable (all-zero) shared secret.
@Suite("Agreement keys under attack")
struct AgreementKeyTamperTests {
  /// The x-coordinates of Curve25519's points of small order (0, 1, the two of
  /// order 8, p − 1) and their non-canonical spellings (p, p + 1, the top bit
  /// set, which X25519 ignores): each forces the all-zero output that
  /// RFC 7748 §6.1 tells implementations to check for.
  static let lowOrderPoints: [String] = [
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0100000000000000000000000000000000000000000000000000000000000000",
    "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
    "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "0100000000000000000000000000000000000000000000000000000000000080",
    "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880",
    "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7",
  ]

  @Test(arguments: lowOrderPoints)
  func lowOrderPeerIsRefused(_ point: String) throws {
    let peer = try AgreementPublicKey(hex(point))
    #expect(throws: CryptoError.weakSharedSecret) { try AgreementKey().sharedSecret(with: peer) }
  }

  @Test func bothSidesAgree() throws {
    let alice = AgreementKey()
    let bob = AgreementKey()
    let ab = try alice.sharedSecret(with: bob.publicKey)
    let ba = try bob.sharedSecret(with: alice.publicKey)
    #expect(ab.constantTimeEquals(ba))
    #expect(!ab.constantTimeEquals(try alice.sharedSecret(with: AgreementKey().publicKey)))
  }

  @Test func wrongLengthsAreRefused() {
    for length in [0, 31, 33, 64] {
      #expect(throws: CryptoError.self, "\(length)") {
        try AgreementPublicKey([UInt8](repeating: 9, count: length))
      }
      #expect(throws: CryptoError.self, "\(length)") {
        try AgreementKey(secret: SecureBytes(randomCount: length))
      }
    }
  }
}
