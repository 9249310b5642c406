import PSPConsent
import PSPCrypto
import PSPWallet

extension ClientRules {
  /// The administrations registered on walletd at `baseURL`, for anyone (no
  /// identity, no session: `GET /v1/administrations` is public). Each
  /// certificate is verified against `registrars`, as `fetch` does; nothing is
  /// remembered, since nothing is sealed to them here.
  public static func registered(baseURL: String, registrars: [SigningPublicKey])
    async throws(ClientError) -> StandardConsentRules
  {
    // `get` opens no session: this throwaway identity is never used.
    let transport = Transport(
      baseURL: baseURL, identity: Identity(kind: .citizen),
      trust: ClientTrust(registrars: registrars))
    return try await fetch(transport)
  }
}
