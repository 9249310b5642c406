import PSPCrypto
import Testing

/// A PASETO token taken apart into its decoded pieces and put back together the
/// way the spec writes it (`header || base64url(payload) [ "." base64url(footer) ]`),
/// so that the attacks change bytes, not characters.
struct TokenPieces {
  var header: String
  var payload: [UInt8]
  var footer: [UInt8]

  init(_ token: String) throws {
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    try #require(parts.count == 3 || parts.count == 4)
    header = "\(parts[0]).\(parts[1])."
    payload = try Encoding.fromBase64URL(parts[2])
    footer = parts.count == 4 ? try Encoding.fromBase64URL(parts[3]) : []
  }

  var token: String {
    header + Encoding.base64URL(payload) + (footer.isEmpty ? "" : "." + Encoding.base64URL(footer))
  }

  func with(header: String? = nil, payload: [UInt8]? = nil, footer: [UInt8]? = nil) -> String {
    var copy = self
    if let header { copy.header = header }
    if let payload { copy.payload = payload }
    if let footer { copy.footer = footer }
    return copy.token
  }
}

/// Token strings that carry the right body under a header that is not the
/// expected one: other versions, other purposes, other case, none at all.
func foreignHeaders(of token: String, expected: String) -> [String] {
  let body = String(token.dropFirst(expected.count))
  let others = [
    "v4.local.", "v4.public.", "v3.public.", "v3.local.", "v2.public.", "v2.local.",
    "v1.public.", "V4.PUBLIC.", "V4.LOCAL.", "v4.Public.", "k4.public.", "k4.local.", "v4.", "v4..",
    "v4.public", "v4.local", ".", " v4.public.", " v4.local.", "v5.public.", "",
  ]
  return others.filter { $0 != expected }.map { $0 + body }
}

@Suite("PASETO v4.public under attack")
struct PasetoV4PublicTamperTests {
  let signer = SigningKey()
  let message = Array(#"{"grant":"g1"}"#.utf8)
  let footer = Array(#"{"kid":"k4.pid.x"}"#.utf8)

  func verify(_ token: String, footer expected: [UInt8]? = nil) throws(CryptoError) -> VerifiedToken
  {
    try PasetoV4Public.verify(token, with: signer.publicKey, footer: expected)
  }

  func signed() throws -> TokenPieces {
    try TokenPieces(PasetoV4Public.sign(message, with: signer, footer: footer))
  }

  @Test func untouchedTokenVerifies() throws {
    let pieces = try signed()
    #expect(pieces.header == "v4.public.")
    #expect(pieces.payload.count == message.count + 64)
    let verified = try verify(pieces.token, footer: footer)
    #expect(verified.message == message)
    #expect(verified.footer == footer)
    #expect(try verify(pieces.token).message == message)
  }

  @Test func everyFlippedPayloadBitIsRefused() throws {
    let pieces = try signed()
    let variants = Tampering.bitFlips(of: pieces.payload)
    #expect(variants.count == (message.count + 64) * 8)
    let failures = Tampering.unrefused(variants, isExpected: \.isInvalidToken) {
      (payload) throws(CryptoError) in try verify(pieces.with(payload: payload))
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  /// The footer is signed: changed, it fails the signature even when the
  /// verifier does not name the footer it expects.
  @Test func everyFlippedFooterBitIsRefused() throws {
    let pieces = try signed()
    let failures = Tampering.unrefused(Tampering.bitFlips(of: footer), isExpected: \.isInvalidToken)
    {
      (footer) throws(CryptoError) in try verify(pieces.with(footer: footer))
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func everyTruncatedOrExtendedPayloadIsRefused() throws {
    let pieces = try signed()
    let variants =
      Tampering.truncations(of: pieces.payload) + Tampering.extensions(of: pieces.payload)
    let failures = Tampering.unrefused(variants, isExpected: \.isInvalidToken) {
      (payload) throws(CryptoError) in try verify(pieces.with(payload: payload))
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  /// Dropping the footer, or cutting it short, breaks the signature too.
  @Test func removedOrTruncatedFooterIsRefused() throws {
    let pieces = try signed()
    let failures = Tampering.unrefused(
      Tampering.truncations(of: footer) + Tampering.extensions(of: footer),
      isExpected: \.isInvalidToken
    ) { (footer) throws(CryptoError) in try verify(pieces.with(footer: footer)) }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func tokenOfAnotherSignerIsRefused() throws {
    let forged = PasetoV4Public.sign(message, with: SigningKey(), footer: footer)
    #expect(throws: CryptoError.invalidToken("signature does not verify")) { try verify(forged) }
  }

  @Test func otherVersionsAndPurposesAreRefusedBeforeAnyKeyIsUsed() throws {
    let token = try signed().token
    let local = try PasetoV4Local.encrypt(message, with: SymmetricKey(), footer: footer)
    let failures = Tampering.unrefused(
      (foreignHeaders(of: token, expected: "v4.public.") + [local]).map { ($0, Array($0.utf8)) },
      isExpected: \.isInvalidToken
    ) { (text) throws(CryptoError) in try verify(String(decoding: text, as: UTF8.self)) }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func expectedFooterMismatchIsRefused() throws {
    let token = try signed().token
    let mismatch = CryptoError.invalidToken("footer does not match")
    #expect(throws: mismatch) { try verify(token, footer: Array(#"{"kid":"k4.pid.y"}"#.utf8)) }
    #expect(throws: mismatch) { try verify(token, footer: []) }
    #expect(throws: mismatch) { try verify(token, footer: Array(footer.dropLast())) }
    let bare = PasetoV4Public.sign(message, with: signer)
    #expect(throws: mismatch) { try verify(bare, footer: footer) }
    #expect(try verify(bare, footer: []).footer == [])
  }

  @Test func implicitAssertionMismatchIsRefused() throws {
    let bound = PasetoV4Public.sign(
      message, with: signer, implicitAssertion: Array("aid:revis".utf8))
    #expect(
      try PasetoV4Public.verify(
        bound, with: signer.publicKey, implicitAssertion: Array("aid:revis".utf8)
      ).message == message)
    for other in ["", "aid:revi", "aid:revis ", "aid:REVIS"] {
      #expect(throws: CryptoError.invalidToken("signature does not verify")) {
        try PasetoV4Public.verify(
          bound, with: signer.publicKey, implicitAssertion: Array(other.utf8))
      }
    }
    let unbound = PasetoV4Public.sign(message, with: signer)
    #expect(throws: CryptoError.invalidToken("signature does not verify")) {
      try PasetoV4Public.verify(
        unbound, with: signer.publicKey, implicitAssertion: Array("aid".utf8))
    }
  }

  /// PAE keeps the pieces apart: a footer cannot be passed off as the implicit
  /// assertion (or the reverse) with the same signature.
  @Test func footerAndImplicitAssertionCannotBeSwapped() throws {
    let pieces = try signed()
    let moved = pieces.with(footer: [])
    #expect(throws: CryptoError.invalidToken("signature does not verify")) {
      try PasetoV4Public.verify(moved, with: signer.publicKey, implicitAssertion: footer)
    }
  }

  @Test func malformedTokenShapesAreRefused() throws {
    let pieces = try signed()
    let token = pieces.token
    let body = Encoding.base64URL(pieces.payload)
    let shapes = [
      token + ".", token + ".AA", token + "=", token + "\n", " " + token, token + " ",
      "v4.public." + body + ".." + Encoding.base64URL(footer),
      "v4.public." + body + "=." + Encoding.base64URL(footer),
      String(token.dropLast()), "v4.public.", "v4.public..", "",
      // A combining mark fuses with the header's dot into another character:
      // the header does not match, and the mark is not skipped as part of it.
      "v4.public.\u{301}" + String(token.dropFirst("v4.public.".count)),
    ]
    for shape in shapes {
      #expect(throws: CryptoError.self, "\(shape.suffix(6).debugDescription)") { try verify(shape) }
    }
    let bare = PasetoV4Public.sign(message, with: signer)
    #expect(throws: CryptoError.invalidToken("empty footer part")) { try verify(bare + ".") }
    #expect(throws: CryptoError.invalidToken("too many parts")) { try verify(token + ".AA") }
  }

  /// A token refused for its header may carry a message after it: the error
  /// names the header it saw, never the payload.
  @Test func headerErrorsNeverEchoThePayload() throws {
    let token = PasetoV4Public.sign(Array(#"{"grant":"g2"}"#.utf8), with: signer)
    let body = String(token.dropFirst("v4.public.".count))
    for text in [body, "v3.public." + body, "v4.local." + body, "v4public" + body] {
      do throws(CryptoError) {
        _ = try PasetoV4Public.verify(text, with: signer.publicKey)
        Issue.record("\(text.prefix(10)) was accepted")
      } catch {
        #expect(!error.description.contains(body.prefix(3)), "\(error)")
      }
    }
    #expect(throws: CryptoError.invalidToken("expected a v4.public.… token, got v4.local.…")) {
      try PasetoV4Public.verify("v4.local." + body, with: signer.publicKey)
    }
    #expect(
      throws: CryptoError.invalidToken("expected a v4.public.… token, got no recognisable header")
    ) {
      try PasetoV4Public.verify(body, with: signer.publicKey)
    }
  }
}

@Suite("PASETO v4.local under attack")
struct PasetoV4LocalTamperTests {
  let key = SymmetricKey()
  let message = Array(#"{"export":"e1"}"#.utf8)
  let footer = Array(#"{"kid":"k4.lid.x"}"#.utf8)

  func decrypt(_ token: String, with key: SymmetricKey? = nil, footer expected: [UInt8]? = nil)
    throws(CryptoError) -> VerifiedToken
  {
    try PasetoV4Local.decrypt(token, with: key ?? self.key, footer: expected)
  }

  func encrypted() throws -> TokenPieces {
    try TokenPieces(PasetoV4Local.encrypt(message, with: key, footer: footer))
  }

  @Test func untouchedTokenDecrypts() throws {
    let pieces = try encrypted()
    #expect(pieces.header == "v4.local.")
    #expect(pieces.payload.count == 32 + message.count + 32)
    let decrypted = try decrypt(pieces.token, footer: footer)
    #expect(decrypted.message == message)
    #expect(decrypted.footer == footer)
  }

  /// Nonce, ciphertext and tag: a flipped bit anywhere fails the MAC.
  @Test func everyFlippedPayloadBitIsRefused() throws {
    let pieces = try encrypted()
    let variants = Tampering.bitFlips(of: pieces.payload)
    #expect(variants.count == (32 + message.count + 32) * 8)
    let failures = Tampering.unrefused(variants, isExpected: \.isInvalidToken) {
      (payload) throws(CryptoError) in try decrypt(pieces.with(payload: payload))
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func everyFlippedFooterBitIsRefused() throws {
    let pieces = try encrypted()
    let failures = Tampering.unrefused(
      Tampering.bitFlips(of: footer) + Tampering.truncations(of: footer)
        + Tampering.extensions(of: footer),
      isExpected: \.isInvalidToken
    ) { (footer) throws(CryptoError) in try decrypt(pieces.with(footer: footer)) }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func everyTruncatedOrExtendedPayloadIsRefused() throws {
    let pieces = try encrypted()
    let variants =
      Tampering.truncations(of: pieces.payload) + Tampering.extensions(of: pieces.payload)
    let failures = Tampering.unrefused(variants, isExpected: \.isInvalidToken) {
      (payload) throws(CryptoError) in try decrypt(pieces.with(payload: payload))
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func wrongKeyIsRefused() throws {
    let token = try encrypted().token
    #expect(throws: CryptoError.invalidToken("authentication failed")) {
      try decrypt(token, with: SymmetricKey())
    }
  }

  @Test func otherVersionsAndPurposesAreRefusedBeforeAnyKeyIsUsed() throws {
    let token = try encrypted().token
    let signed = PasetoV4Public.sign(message, with: SigningKey(), footer: footer)
    let failures = Tampering.unrefused(
      (foreignHeaders(of: token, expected: "v4.local.") + [signed]).map { ($0, Array($0.utf8)) },
      isExpected: \.isInvalidToken
    ) { (text) throws(CryptoError) in try decrypt(String(decoding: text, as: UTF8.self)) }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func expectedFooterMismatchIsRefused() throws {
    let token = try encrypted().token
    let mismatch = CryptoError.invalidToken("footer does not match")
    #expect(throws: mismatch) { try decrypt(token, footer: Array(#"{"kid":"k4.lid.y"}"#.utf8)) }
    #expect(throws: mismatch) { try decrypt(token, footer: []) }
    let bare = try PasetoV4Local.encrypt(message, with: key)
    #expect(throws: mismatch) { try decrypt(bare, footer: footer) }
  }

  @Test func implicitAssertionMismatchIsRefused() throws {
    let bound = try PasetoV4Local.encrypt(
      message, with: key, implicitAssertion: Array("wallet 7".utf8))
    #expect(
      try PasetoV4Local.decrypt(
        bound, with: key, implicitAssertion: Array("wallet 7".utf8)
      ).message == message)
    for other in ["", "wallet 8", "wallet 7 ", "wallet "] {
      #expect(throws: CryptoError.invalidToken("authentication failed")) {
        try PasetoV4Local.decrypt(bound, with: key, implicitAssertion: Array(other.utf8))
      }
    }
  }

  @Test func footerAndImplicitAssertionCannotBeSwapped() throws {
    let moved = try encrypted().with(footer: [])
    #expect(throws: CryptoError.invalidToken("authentication failed")) {
      try PasetoV4Local.decrypt(moved, with: key, implicitAssertion: footer)
    }
  }

  /// Each token has a fresh nonce: equal messages do not give equal tokens.
  @Test func encryptingTwiceGivesDifferentTokens() throws {
    #expect(try encrypted().token != encrypted().token)
  }
}
