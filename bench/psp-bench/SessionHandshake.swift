import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Opens a walletd session for `identity` the way `Transport` does (a signed
/// session request; the key comes back sealed to the identity), so that the
/// load generator can authenticate its own requests. `Transport` keeps its
/// session private, hence this small twin.
enum SessionHandshake {
  static func open(_ baseURL: String, identity: Identity) async throws -> (
    id: String, key: SymmetricKey
  ) {
    let claims = SessionRequestClaims(
      key: identity.signingKey.publicKey, encryptionKey: identity.encryptionKey.publicKey,
      at: Int64(Date().timeIntervalSince1970))
    let token = try SignedStatement.sign(
      claims, type: SessionRequestClaims.type, with: identity.signingKey)
    var request = URLRequest(url: URL(string: baseURL + "/v1/sessions")!)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = try JSONEncoder().encode(SessionRequest(token: token))
    let (data, response) = try await URLSession.shared.data(for: request)
    guard let status = (response as? HTTPURLResponse)?.statusCode, (200..<300).contains(status)
    else {
      throw BenchError.setup("walletd refused the session handshake")
    }
    let answer = try JSONDecoder().decode(SessionResponse.self, from: data)
    let key = try SymmetricKey(SealedBox.open(answer.sealedKey.bytes, with: identity.encryptionKey))
    return (answer.session, key)
  }
}

/// The body of an administration's read, encoded as `Transport` encodes it.
func readBody(wallet: WalletID, grant: StatementID, purpose: Purpose) throws -> [UInt8] {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  return Array(
    try encoder.encode(ReadRequestBody(wallet: wallet, grant: grant, purpose: purpose, fields: nil))
  )
}
