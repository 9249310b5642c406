import Foundation
import PSPCrypto

/// A signed statement of the PSP: a PASETO v4.public token whose message is the
/// JSON claims, whose footer is `{"kid":"k4.pid…"}` of the signer, and whose
/// implicit assertion is the statement type (`PSP-v1/consent-receipt`, …). The
/// implicit assertion is not carried in the token: a token signed as one type can
/// never verify as another, even with identical claims.
public enum SignedStatement {
  /// Sorted keys, no white space, `/` not escaped: the claims and footer bytes.
  static var canonicalEncoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  public struct Footer: Codable, Sendable, Equatable {
    public let kid: String
  }

  public static func sign<Claims: Encodable>(
    _ claims: Claims, type: String, with key: SigningKey
  ) throws(WalletError) -> String {
    let message: Data
    let footer: Data
    do {
      message = try canonicalEncoder.encode(claims)
      footer = try canonicalEncoder.encode(Footer(kid: Paserk.identifier(of: key.publicKey)))
    } catch { throw .malformed("claims") }
    return PasetoV4Public.sign(
      Array(message), with: key, footer: Array(footer), implicitAssertion: Array(type.utf8))
  }

  /// Verifies under `publicKey` and decodes the claims. The footer's key id must
  /// name `publicKey`.
  public static func verify<Claims: Decodable>(
    _ token: String, type: String, publicKey: SigningPublicKey, as: Claims.Type
  ) throws(CryptoError) -> Claims {
    // The footer must be exactly the one `sign` writes for this key (compared
    // in constant time by the verifier): no other spacing, no extra member.
    guard let expectedFooter = try? canonicalEncoder.encode(Footer(kid: Paserk.identifier(of: publicKey))) else {
      throw .invalidToken("footer")
    }
    let verified = try PasetoV4Public.verify(
      token, with: publicKey, footer: Array(expectedFooter), implicitAssertion: Array(type.utf8))
    guard let claims = try? JSONDecoder().decode(Claims.self, from: Data(verified.message)) else {
      throw .invalidToken("claims do not match the statement type")
    }
    return claims
  }

  /// Members of a token's claims, read without verifying it: only to choose a
  /// key or to name what a refusal is about, never to decide anything.
  public static func unverifiedClaims<T: Decodable>(of token: String, as: T.Type) -> T? {
    guard let message = try? PasetoV4Public.unverifiedMessage(of: token) else { return nil }
    return try? JSONDecoder().decode(T.self, from: Data(message))
  }

  /// The signer's key id from the footer, unverified: only to choose the key.
  public static func unverifiedKeyID(of token: String) -> String? {
    guard let bytes = try? PasetoV4Public.unverifiedFooter(of: token),
      let footer = try? JSONDecoder().decode(Footer.self, from: Data(bytes))
    else { return nil }
    return footer.kid
  }
}
