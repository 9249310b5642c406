import Foundation
import PSPCrypto

/// A signed statement of the PSP: a PASETO v4.public token whose message is the
/// JSON claims, whose footer is `{"kid":"k4.pid…"}` of the signer, and whose
/// implicit assertion is the statement type (`PSP-v1/consent-receipt`, …). The
/// implicit assertion is not carried in the token: a token signed as one type can
/// never verify as another, even with identical claims.
public enum SignedStatement {
  public struct Footer: Codable, Sendable, Equatable {
    public let kid: String
  }

  public static func sign<Claims: Encodable>(
    _ claims: Claims, type: String, with key: SigningKey
  ) throws(WalletError) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let message: Data
    let footer: Data
    do {
      message = try encoder.encode(claims)
      footer = try encoder.encode(Footer(kid: Paserk.identifier(of: key.publicKey)))
    } catch { throw .malformed("claims") }
    return PasetoV4Public.sign(
      Array(message), with: key, footer: Array(footer), implicitAssertion: Array(type.utf8))
  }

  /// Verifies under `publicKey` and decodes the claims. The footer's key id must
  /// name `publicKey`.
  public static func verify<Claims: Decodable>(
    _ token: String, type: String, publicKey: SigningPublicKey, as: Claims.Type
  ) throws(CryptoError) -> Claims {
    let verified = try PasetoV4Public.verify(
      token, with: publicKey, implicitAssertion: Array(type.utf8))
    guard let footer = try? JSONDecoder().decode(Footer.self, from: Data(verified.footer)),
      footer.kid == Paserk.identifier(of: publicKey)
    else { throw .invalidToken("footer does not name the signing key") }
    guard let claims = try? JSONDecoder().decode(Claims.self, from: Data(verified.message)) else {
      throw .invalidToken("claims do not match the statement type")
    }
    return claims
  }

  /// The signer's key id from the footer, unverified: only to choose the key.
  public static func unverifiedKeyID(of token: String) -> String? {
    guard let bytes = try? PasetoV4Public.unverifiedFooter(of: token),
      let footer = try? JSONDecoder().decode(Footer.self, from: Data(bytes))
    else { return nil }
    return footer.kid
  }
}
