import PSPCrypto
import Testing

/// XChaCha20-Poly1305 in the combined form records are stored in
/// (`nonce || ciphertext || tag`): no change to any byte, to the length, to the
/// key or to the associated data may give a plaintext.
@Suite("XChaCha20-Poly1305 under attack")
struct AEADTamperTests {
  let key = SymmetricKey()
  let plaintext = Array("rue de la Gare 12".utf8)
  let associatedData = Array("wallet 7 / circle 1 / address".utf8)

  func open(_ combined: [UInt8]) throws(CryptoError) -> [UInt8] {
    try XChaCha20Poly1305.open(
      XChaCha20Poly1305.SealedMessage(combined: combined), using: key,
      authenticating: associatedData)
  }

  func sealed() throws -> [UInt8] {
    try XChaCha20Poly1305.seal(plaintext, using: key, authenticating: associatedData).combined
  }

  @Test func untouchedBoxOpens() throws {
    let combined = try sealed()
    #expect(combined.count == 24 + plaintext.count + 16)
    #expect(try open(combined) == plaintext)
  }

  @Test func everyFlippedBitIsRefused() throws {
    let variants = Tampering.bitFlips(of: try sealed())
    #expect(variants.count == (24 + plaintext.count + 16) * 8)
    let failures = Tampering.unrefused(variants, isExpected: { $0 == .authenticationFailed }) {
      (bytes) throws(CryptoError) in try open(bytes)
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  /// Below nonce + tag the bytes cannot even form a box; above, the tag fails.
  @Test func everyTruncationAndExtensionIsRefused() throws {
    let combined = try sealed()
    let failures = Tampering.unrefused(
      Tampering.truncations(of: combined) + Tampering.extensions(of: combined),
      isExpected: { $0 == .authenticationFailed || $0.isInvalidLength }
    ) { (bytes) throws(CryptoError) in try open(bytes) }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func shortBoxesAreRefusedAsTooShort() {
    for length in 0..<(24 + 16) {
      #expect(throws: CryptoError.lengthOutOfRange(what: "sealed message", allowed: "at least 40", actual: length)) {
        try XChaCha20Poly1305.SealedMessage(combined: [UInt8](repeating: 0, count: length))
      }
    }
  }

  /// An empty plaintext still carries a tag that binds key and associated data.
  @Test func emptyPlaintextIsAuthenticatedToo() throws {
    let box = try XChaCha20Poly1305.seal([], using: key, authenticating: associatedData)
    #expect(try XChaCha20Poly1305.open(box, using: key, authenticating: associatedData) == [])
    #expect(throws: CryptoError.authenticationFailed) {
      try XChaCha20Poly1305.open(box, using: SymmetricKey(), authenticating: associatedData)
    }
    #expect(throws: CryptoError.authenticationFailed) {
      try XChaCha20Poly1305.open(box, using: key, authenticating: [])
    }
  }

  @Test func wrongAssociatedDataIsRefused() throws {
    let combined = try sealed()
    let wrong: [[UInt8]] = [
      [],
      Array(associatedData.dropLast()),
      associatedData + [0],
      Array("wallet 7 / circle 1 / addresS".utf8),
      Array("wallet 8 / circle 1 / address".utf8),
    ]
    for other in wrong {
      #expect(throws: CryptoError.authenticationFailed) {
        try XChaCha20Poly1305.open(
          XChaCha20Poly1305.SealedMessage(combined: combined), using: key, authenticating: other)
      }
    }
  }

  @Test func wrongKeyIsRefused() throws {
    let box = try XChaCha20Poly1305.seal(plaintext, using: key, authenticating: associatedData)
    #expect(throws: CryptoError.authenticationFailed) {
      try XChaCha20Poly1305.open(box, using: SymmetricKey(), authenticating: associatedData)
    }
    // A key one bit away is as wrong as any other.
    var near = key.withUnsafeBytes { Array($0) }
    near[31] ^= 0x80
    let nearKey = try SymmetricKey(copying: near)
    #expect(throws: CryptoError.authenticationFailed) {
      try XChaCha20Poly1305.open(box, using: nearKey, authenticating: associatedData)
    }
  }

  /// Each seal draws a fresh nonce, so sealing the same value twice gives two
  /// unrelated boxes (no equality leak between records).
  @Test func sealingTwiceGivesDifferentBoxes() throws {
    let first = try sealed()
    let second = try sealed()
    #expect(first != second)
    #expect(Array(first.prefix(24)) != Array(second.prefix(24)))
  }

  @Test func keysAndNoncesOfTheWrongLengthAreRefused() {
    for length in [0, 16, 31, 33, 64] {
      #expect(
        throws: CryptoError.invalidLength(what: "symmetric key", expected: 32, actual: length)
      ) {
        try SymmetricKey(copying: [UInt8](repeating: 1, count: length))
      }
    }
    for length in [0, 12, 23, 25] {
      #expect(
        throws: CryptoError.invalidLength(what: "XChaCha20 nonce", expected: 24, actual: length)
      ) {
        try XChaCha20Poly1305.Nonce([UInt8](repeating: 1, count: length))
      }
    }
  }
}

/// ChaCha20-Poly1305-IETF with its 96-bit nonce: the same attacks.
@Suite("ChaCha20-Poly1305 under attack")
struct ChaCha20Poly1305TamperTests {
  let key = SymmetricKey()
  let nonce = randomBytes(12)
  let associatedData = Array("header".utf8)

  @Test func everyFlippedBitTruncationAndWrongInputIsRefused() throws {
    let sealed = try ChaCha20Poly1305.seal(
      Array("message".utf8), using: key, nonce: nonce, authenticating: associatedData)
    #expect(
      try ChaCha20Poly1305.open(sealed, using: key, nonce: nonce, authenticating: associatedData)
        == Array("message".utf8))
    let variants =
      Tampering.bitFlips(of: sealed) + Tampering.truncations(of: sealed)
      + Tampering.extensions(of: sealed)
    let failures = Tampering.unrefused(variants, isExpected: { $0 == .authenticationFailed }) {
      (bytes) throws(CryptoError) in
      try ChaCha20Poly1305.open(bytes, using: key, nonce: nonce, authenticating: associatedData)
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
    var otherNonce = nonce
    otherNonce[0] ^= 1
    #expect(throws: CryptoError.authenticationFailed) {
      try ChaCha20Poly1305.open(
        sealed, using: key, nonce: otherNonce, authenticating: associatedData)
    }
    #expect(throws: CryptoError.authenticationFailed) {
      try ChaCha20Poly1305.open(
        sealed, using: SymmetricKey(), nonce: nonce, authenticating: associatedData)
    }
    #expect(throws: CryptoError.authenticationFailed) {
      try ChaCha20Poly1305.open(sealed, using: key, nonce: nonce, authenticating: [])
    }
    #expect(throws: CryptoError.invalidLength(what: "ChaCha20 nonce", expected: 12, actual: 24)) {
      try ChaCha20Poly1305.open(sealed, using: key, nonce: randomBytes(24))
    }
  }
}
