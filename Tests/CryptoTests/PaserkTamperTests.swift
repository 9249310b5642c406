import PSPCrypto
import Testing

/// PASERK `k4.seal`: a data key sealed to one Ed25519 key opens for that key
/// only, and a sealed string changed in any bit or length does not open.
@Suite("PASERK k4.seal under attack")
struct PaserkSealTamperTests {
  let recipient = SigningKey()
  let dataKey = SymmetricKey()

  func payload(_ paserk: String) throws -> [UInt8] {
    try #require(paserk.hasPrefix("k4.seal."))
    return try Encoding.fromBase64URL(paserk.dropFirst("k4.seal.".count))
  }

  func unseal(_ payload: [UInt8]) throws(CryptoError) -> SymmetricKey {
    try PaserkSeal.unseal("k4.seal." + Encoding.base64URL(payload), with: recipient)
  }

  @Test func untouchedSealOpens() throws {
    let sealed = try PaserkSeal.seal(dataKey, to: recipient.publicKey)
    #expect(try payload(sealed).count == 96)
    #expect(try PaserkSeal.unseal(sealed, with: recipient).constantTimeEquals(dataKey))
  }

  /// Tag, ephemeral key and encrypted key: the tag covers the last two and is
  /// checked before anything is decrypted. (The ephemeral key's top bit, which
  /// X25519 ignores, is caught by the tag too.)
  @Test func everyFlippedBitIsRefused() throws {
    let bytes = try payload(PaserkSeal.seal(dataKey, to: recipient.publicKey))
    let variants = Tampering.bitFlips(of: bytes)
    #expect(variants.count == 96 * 8)
    let failures = Tampering.unrefused(variants, isExpected: \.isInvalidPaserk) {
      (bytes) throws(CryptoError) in try unseal(bytes)
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func everyTruncationAndExtensionIsRefused() throws {
    let bytes = try payload(PaserkSeal.seal(dataKey, to: recipient.publicKey))
    let failures = Tampering.unrefused(
      Tampering.truncations(of: bytes) + Tampering.extensions(of: bytes),
      isExpected: { $0 == .invalidPaserk("a k4.seal is 96 bytes") }
    ) { (bytes) throws(CryptoError) in try unseal(bytes) }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func anotherRecipientCannotOpen() throws {
    let sealed = try PaserkSeal.seal(dataKey, to: recipient.publicKey)
    #expect(throws: CryptoError.invalidPaserk("the sealed key cannot be opened")) {
      try PaserkSeal.unseal(sealed, with: SigningKey())
    }
  }

  /// An ephemeral key of low order would make the shared secret public; it is
  /// refused whatever the tag says.
  @Test func lowOrderEphemeralKeyIsRefused() throws {
    var bytes = try payload(PaserkSeal.seal(dataKey, to: recipient.publicKey))
    for index in 32..<64 { bytes[index] = 0 }
    #expect(throws: CryptoError.invalidPaserk("the sealed key cannot be opened")) {
      try unseal(bytes)
    }
  }

  @Test func otherHeadersAreRefused() throws {
    let sealed = try PaserkSeal.seal(dataKey, to: recipient.publicKey)
    let body = String(sealed.dropFirst("k4.seal.".count))
    for header in ["k3.seal.", "k4.local.", "k4.secret.", "K4.SEAL.", "k4.seal", "k4.", ""] {
      #expect(throws: CryptoError.self, "\(header)") {
        try PaserkSeal.unseal(header + body, with: recipient)
      }
    }
    #expect(throws: CryptoError.self) { try PaserkSeal.unseal(sealed + "=", with: recipient) }
    #expect(throws: CryptoError.self) { try PaserkSeal.unseal(sealed + ".", with: recipient) }
  }

  /// Two seals of one key to one recipient share nothing visible.
  @Test func sealingTwiceGivesDifferentStrings() throws {
    let first = try PaserkSeal.seal(dataKey, to: recipient.publicKey)
    let second = try PaserkSeal.seal(dataKey, to: recipient.publicKey)
    #expect(first != second)
    #expect(try payload(first)[32..<64] != payload(second)[32..<64])
  }
}

/// The other PASERK forms: each parser takes its own header only, checks the
/// length, and never echoes key material in its error.
@Suite("PASERK k4 parsing under attack")
struct PaserkParsingTamperTests {
  func secure(_ text: String) -> SecureBytes { SecureBytes(copying: Array(text.utf8)) }

  func text(_ secure: SecureBytes) -> String {
    secure.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
  }

  @Test func eachParserTakesItsOwnHeaderOnly() throws {
    let signing = SigningKey()
    let publicForm = Paserk.encode(signing.publicKey)
    let secretForm = text(Paserk.encodeSecret(signing))
    let localForm = text(Paserk.encodeLocal(SymmetricKey()))
    #expect(throws: CryptoError.self) { try Paserk.signingPublicKey(from: secretForm) }
    #expect(throws: CryptoError.self) { try Paserk.signingPublicKey(from: localForm) }
    #expect(throws: CryptoError.self) { try Paserk.signingKey(from: secure(publicForm)) }
    #expect(throws: CryptoError.self) { try Paserk.signingKey(from: secure(localForm)) }
    #expect(throws: CryptoError.self) { try Paserk.symmetricKey(from: secure(publicForm)) }
    #expect(throws: CryptoError.self) { try Paserk.symmetricKey(from: secure(secretForm)) }
    let body = String(publicForm.dropFirst("k4.public.".count))
    for header in ["k3.public.", "K4.PUBLIC.", "k4.public", "k4.pid.", ""] {
      #expect(throws: CryptoError.self, "\(header)") {
        try Paserk.signingPublicKey(from: header + body)
      }
    }
    #expect(try Paserk.signingPublicKey(from: publicForm) == signing.publicKey)
    // A combining mark after the header's dot is not part of the header.
    #expect(throws: CryptoError.self) {
      try Paserk.signingPublicKey(from: "k4.public.\u{301}" + body)
    }
    #expect(throws: CryptoError.self) {
      try Paserk.symmetricKey(from: secure("k4.local.\u{301}" + localForm.dropFirst(9)))
    }
  }

  @Test func wrongLengthsAreRefused() throws {
    for length in [0, 31, 33, 64] {
      let body = Encoding.base64URL([UInt8](repeating: 7, count: length))
      #expect(throws: CryptoError.invalidPaserk("a k4.public key is 32 bytes")) {
        try Paserk.signingPublicKey(from: "k4.public." + body)
      }
      #expect(throws: CryptoError.invalidPaserk("a k4.local key is 32 bytes")) {
        try Paserk.symmetricKey(from: secure("k4.local." + body))
      }
    }
    for length in [0, 32, 63, 65] {
      let body = Encoding.base64URL([UInt8](repeating: 7, count: length))
      #expect(throws: CryptoError.invalidPaserk("a k4.secret key is 64 bytes")) {
        try Paserk.signingKey(from: secure("k4.secret." + body))
      }
    }
  }

  /// A `k4.secret` whose public half is not the one its seed determines is
  /// refused: signing with it would give signatures under a key nobody holds.
  @Test func secretKeyWithForeignPublicHalfIsRefused() throws {
    let key = SigningKey()
    let other = SigningKey()
    var forged = key.seed.withUnsafeBytes { Array($0) } + other.publicKey.bytes
    defer { wipe(&forged) }
    #expect(throws: CryptoError.invalidPublicKey) {
      try Paserk.signingKey(from: secure("k4.secret." + Encoding.base64URL(forged)))
    }
  }

  /// A string that has the wrong header may still carry key material after it:
  /// the error may name what it saw of the header, never what follows.
  @Test func errorsNeverEchoKeyMaterial() throws {
    // 32 key bytes whose base64url starts with a recognisable run.
    let marker = "ZqXwZqXw"
    let keyBytes = try Encoding.fromBase64URL(marker) + [UInt8](repeating: 0x5A, count: 26)
    let body = Encoding.base64URL(keyBytes)
    #expect(body.hasPrefix(marker))
    let recipient = SigningKey()
    func expectNoEcho(_ label: String, _ attempt: () throws(CryptoError) -> Void) {
      do throws(CryptoError) {
        try attempt()
        Issue.record("\(label) was accepted")
      } catch {
        #expect(!error.description.contains(marker.prefix(2)), "\(label): \(error)")
      }
    }
    expectNoEcho("k4.local as k4.secret") { () throws(CryptoError) in
      _ = try Paserk.signingKey(from: secure("k4.local." + body))
    }
    expectNoEcho("k4.secret as k4.local") { () throws(CryptoError) in
      _ = try Paserk.symmetricKey(from: secure("k4.secret." + body))
    }
    expectNoEcho("no header") { () throws(CryptoError) in
      _ = try Paserk.symmetricKey(from: secure(body))
    }
    expectNoEcho("header without dot") { () throws(CryptoError) in
      _ = try Paserk.symmetricKey(from: secure("k4.local" + body))
    }
    expectNoEcho("k4.local as k4.public") { () throws(CryptoError) in
      _ = try Paserk.signingPublicKey(from: "k4.local." + body)
    }
    expectNoEcho("k4.local as k4.seal") { () throws(CryptoError) in
      _ = try PaserkSeal.unseal("k4.local." + body, with: recipient)
    }
    // What the error does say: the header it expected and the one it saw.
    #expect(throws: CryptoError.invalidPaserk("expected k4.secret.…, got k4.local.…")) {
      try Paserk.signingKey(from: secure("k4.local." + body))
    }
    #expect(throws: CryptoError.invalidPaserk("expected k4.local.…, got no recognisable header")) {
      try Paserk.symmetricKey(from: secure(body))
    }
  }

  @Test func identifiersAreValidatedByHeaderAndLength() throws {
    let signing = SigningKey()
    let pid = Paserk.identifier(of: signing.publicKey)
    let sid = Paserk.identifier(of: signing)
    let lid = Paserk.identifier(of: SymmetricKey())
    try Paserk.validateIdentifier(pid, header: Paserk.publicIDHeader)
    try Paserk.validateIdentifier(sid, header: Paserk.secretIDHeader)
    try Paserk.validateIdentifier(lid, header: Paserk.localIDHeader)
    #expect(throws: CryptoError.self) {
      try Paserk.validateIdentifier(pid, header: Paserk.localIDHeader)
    }
    #expect(throws: CryptoError.self) {
      try Paserk.validateIdentifier(sid, header: Paserk.publicIDHeader)
    }
    #expect(throws: CryptoError.invalidPaserk("an identifier is 33 bytes")) {
      try Paserk.validateIdentifier(
        "k4.pid." + Encoding.base64URL([UInt8](repeating: 1, count: 32)),
        header: Paserk.publicIDHeader)
    }
    // Distinct kinds of key never share an identifier, even from related material.
    #expect(pid.dropFirst(7) != sid.dropFirst(7))
    #expect(Paserk.identifier(of: SigningKey().publicKey) != pid)
  }
}
