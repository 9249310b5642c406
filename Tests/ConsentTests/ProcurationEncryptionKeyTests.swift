import Foundation
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

/// The trustee's X25519 key in a procuration (`subEncryptionKey`, consent.md
/// §11.1, §11.6 step 4): written from the trustee's public identity, signed
/// by the citizen; a malformed or low-order key refuses the procuration; one
/// signed before the member existed still verifies, and names no key.
@Suite("The trustee's encryption key in a procuration")
struct ProcurationEncryptionKeyTests {
  let f: ConsentFixture
  init() throws { f = try ConsentFixture() }

  /// Paul's procuration with `subEncryptionKey` replaced (nil: removed), signed by Maria.
  func procuration(subEncryptionKey: String?) throws -> String {
    let claims = try #require(
      SignedStatement.unverifiedClaims(of: try f.procuration().token, as: ProcurationClaims.self))
    var members = try #require(
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(claims)) as? [String: Any])
    if let subEncryptionKey {
      members["subEncryptionKey"] = subEncryptionKey
    } else {
      members.removeValue(forKey: "subEncryptionKey")
    }
    let edited = try JSONDecoder().decode(
      ProcurationClaims.self, from: JSONSerialization.data(withJSONObject: members))
    return try SignedStatement.sign(edited, type: ProcurationClaims.type, with: f.maria.signingKey)
  }

  @Test func theTrusteesKeyIsWrittenAndVerified() throws {
    let verified = try ProcurationVerifier.verify(
      try f.procuration().token, authority: f.authority, rules: f.rules)
    #expect(
      ProcurationVerifier.trusteeEncryptionKey(of: verified) == f.paul.encryptionKey.publicKey)
  }

  @Test func aProcurationWithoutTheKeyVerifiesAndNamesNone() throws {
    let verified = try ProcurationVerifier.verify(
      try procuration(subEncryptionKey: nil), authority: f.authority, rules: f.rules)
    #expect(verified.claims.subEncryptionKey == nil)
    #expect(ProcurationVerifier.trusteeEncryptionKey(of: verified) == nil)
  }

  @Test func aMalformedOrLowOrderKeyRefusesTheProcuration() throws {
    for bad in [
      "not base64url!", Encoding.base64URL([UInt8](repeating: 7, count: 31)),
      // Low-order points: zero, and the order-8 point of Curve25519.
      Encoding.base64URL([UInt8](repeating: 0, count: 32)),
      "4Ot6fDtBuK4WVuP68Z_EatoJjeucMrH9hmIFFl9JuAA",
    ] {
      #expect(throws: ConsentRefusal.procurationInvalid) {
        try ProcurationVerifier.verify(
          try procuration(subEncryptionKey: bad), authority: f.authority, rules: f.rules)
      }
    }
  }
}
