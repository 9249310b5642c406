import PSPCrypto
import Testing

/// `crypto_box_seal`: whoever holds the recipient's key pair opens the box, and
/// nothing else opens it: not another key pair, not a box changed in any bit or
/// in its length.
@Suite("Sealed box under attack")
struct SealedBoxTamperTests {
  let recipient = AgreementKey()
  let dataKey = Array("a circle key, 32 bytes long.....".utf8)

  func sealed() throws -> [UInt8] {
    try SealedBox.seal(dataKey, to: recipient.publicKey)
  }

  func open(_ box: [UInt8]) throws(CryptoError) -> [UInt8] {
    try SealedBox.open(box, with: recipient).withUnsafeBytes { Array($0) }
  }

  @Test func untouchedBoxOpens() throws {
    let box = try sealed()
    #expect(SealedBox.overhead == 48)
    #expect(box.count == dataKey.count + 48)
    #expect(try open(box) == dataKey)
  }

  @Test func everyFlippedBitIsRefused() throws {
    let variants = Tampering.bitFlips(of: try sealed())
    #expect(variants.count == (dataKey.count + 48) * 8)
    let failures = Tampering.unrefused(variants, isExpected: { $0 == .sealedBoxOpenFailed }) {
      (bytes) throws(CryptoError) in try open(bytes)
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func everyTruncationAndExtensionIsRefused() throws {
    let box = try sealed()
    let failures = Tampering.unrefused(
      Tampering.truncations(of: box) + Tampering.extensions(of: box),
      isExpected: { $0 == .sealedBoxOpenFailed }
    ) { (bytes) throws(CryptoError) in try open(bytes) }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func anotherKeyPairCannotOpen() throws {
    let box = try sealed()
    #expect(throws: CryptoError.sealedBoxOpenFailed) {
      try SealedBox.open(box, with: AgreementKey())
    }
  }

  /// The key pair rebuilt from its 32 secret bytes (as a keystore restores it)
  /// is the same recipient: it opens what was sealed to the original.
  @Test func keyPairRebuiltFromItsSecretOpens() throws {
    let box = try sealed()
    let secret = recipient.withUnsafeSecretBytes { SecureBytes(copying: $0) }
    let same = try AgreementKey(secret: secret)
    #expect(same.publicKey == recipient.publicKey)
    #expect(try SealedBox.open(box, with: same).withUnsafeBytes { Array($0) } == dataKey)
  }

  /// The guarded-memory form seals the same way and opens to the same bytes.
  @Test func secretFormRoundTrips() throws {
    let secret = SecureBytes(randomCount: 32)
    let box = try SealedBox.seal(secret, to: recipient.publicKey)
    #expect(try SealedBox.open(box, with: recipient).constantTimeEquals(secret))
    #expect(throws: CryptoError.sealedBoxOpenFailed) {
      try SealedBox.open(box, with: AgreementKey())
    }
  }

  /// Sealing is randomised (a fresh ephemeral key each time), so two boxes of
  /// one key do not reveal that they hold the same key.
  @Test func sealingTwiceGivesDifferentBoxes() throws {
    #expect(try sealed() != sealed())
  }

  /// A box cannot be sealed to a low-order point: the shared secret would be
  /// zero and anyone could open it.
  @Test func lowOrderRecipientIsRefused() throws {
    let lowOrder = try AgreementPublicKey([UInt8](repeating: 0, count: 32))
    #expect(throws: CryptoError.invalidPublicKey) { try SealedBox.seal(dataKey, to: lowOrder) }
  }
}
