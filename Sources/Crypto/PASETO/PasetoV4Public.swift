/// PASETO v4.public (Ed25519 over PAE), exactly as the PASETO specification,
/// version 4, "Sign" and "Verify", define it; tokens interoperate with any other
/// conforming implementation. The message is signed, not encrypted: never put
/// personal data in it.
public enum PasetoV4Public {
  public static let header = "v4.public."

  public static func sign(
    _ message: [UInt8], with key: SigningKey, footer: [UInt8] = [], implicitAssertion: [UInt8] = []
  ) -> String {
    let m2 = PreAuthenticationEncoding.encode([
      Array(header.utf8), message, footer, implicitAssertion,
    ])
    let signature = key.signature(for: m2)
    return PasetoToken.serialise(header: header, payload: message + signature.bytes, footer: footer)
  }

  /// Verifies `token` under `publicKey` and returns its message and footer.
  /// - Parameter footer: when given, the token's footer must equal it.
  public static func verify(
    _ token: String, with publicKey: SigningPublicKey, footer: [UInt8]? = nil,
    implicitAssertion: [UInt8] = []
  ) throws(CryptoError) -> VerifiedToken {
    let parsed = try PasetoToken(parsing: token, header: header)
    try parsed.checkFooter(footer)
    guard parsed.payload.count >= Signature.byteCount else { throw .invalidToken("too short") }
    let message = Array(parsed.payload.dropLast(Signature.byteCount))
    let signature = try Signature(Array(parsed.payload.suffix(Signature.byteCount)))
    let m2 = PreAuthenticationEncoding.encode([
      Array(header.utf8), message, parsed.footer, implicitAssertion,
    ])
    guard publicKey.isValidSignature(signature, for: m2) else {
      throw .invalidToken("signature does not verify")
    }
    return VerifiedToken(message: message, footer: parsed.footer)
  }

  /// The footer of a token, unverified: only to choose which key to verify with
  /// (for example a `k4.pid`). Never trust it before `verify` succeeds.
  public static func unverifiedFooter(of token: String) throws(CryptoError) -> [UInt8] {
    try PasetoToken(parsing: token, header: header).footer
  }
}

extension PasetoV4Public {
  /// The message of a token, unverified: only to find which key verifies it
  /// (for example the procuration a trustee's grant names). Never trust it
  /// before `verify` succeeds.
  public static func unverifiedMessage(of token: String) throws(CryptoError) -> [UInt8] {
    let parsed = try PasetoToken(parsing: token, header: header)
    guard parsed.payload.count >= Signature.byteCount else { throw .invalidToken("too short") }
    return Array(parsed.payload.dropLast(Signature.byteCount))
  }
}
