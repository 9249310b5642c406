import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// A personne de confiance acting under a procuration: the circle keys the
/// citizen sealed to them are checked against the citizen's own signed
/// statements (the citizen's key comes from the procuration, not from walletd).
public final class TrusteeClient: @unchecked Sendable {
  public let transport: Transport
  public init(transport: Transport) { self.transport = transport }

  /// The citizen's signing key as walletd holds it, checked against the
  /// wallet's consent receipt. The trustee should compare its key id with the
  /// one the citizen gave them (on paper, or read aloud) before acting.
  public func ownerKey(wallet: WalletID) async throws(ClientError) -> SigningPublicKey {
    let view = try await transport.send("GET", "/v1/wallets/\(wallet)", as: WalletView.self)
    guard let key = try? Paserk.signingPublicKey(from: view.wallet.ownerSigningKey),
      (try? ConsentReceipt.verify(view.wallet.consentReceipt, wallet: wallet, ownerKey: key)) != nil
    else { throw .badAnswer("the wallet's owner key does not match its consent receipt") }
    return key
  }

  /// The procurations of a wallet given to this trustee, verified under the
  /// citizen's key.
  public func procurations(wallet: WalletID, ownerKey: SigningPublicKey) async throws(ClientError) -> [Procuration] {
    let rules = try await ClientRules.fetch(transport)
    let views = try await transport.send("GET", "/v1/wallets/\(wallet)/procurations", as: ProcurationsView.self)
    let authority = WalletAuthority(wallet: wallet, owner: ownerKey)
    return views.procurations.compactMap { view in
      guard view.state == .active,
        let procuration = try? ProcurationVerifier.verify(view.token, authority: authority, rules: rules),
        procuration.claims.sub == transport.identity.publicIdentity.keyID
      else { return nil }
      return procuration
    }
  }

  /// Files a request on the citizen's behalf under `procuration`.
  public func file(
    wallet: WalletID, ownerKey: SigningPublicKey, procuration: Procuration, purpose: Purpose,
    at administration: String, fields: [FieldID]? = nil, days: Int64 = 5, at now: Int64
  ) async throws(ClientError) -> FilingView {
    let rules = try await ClientRules.fetch(transport)
    let envelopes = try await transport.send("GET", "/v1/wallets/\(wallet)/envelopes", as: EnvelopesView.self)
    let keyring: CircleKeyring
    do {
      let commitments = try CircleKeyStatement.verify(envelopes.keyStatements, wallet: wallet, owner: ownerKey)
      keyring = try CircleKeyring(
        envelopes: envelopes.envelopes, recipient: transport.identity.encryptionKey, commitments: commitments)
    } catch { throw ClientError(error) }
    let records = try await transport.send("GET", "/v1/wallets/\(wallet)/fields", as: RecordsView.self).records
    let authority = WalletAuthority(wallet: wallet, owner: ownerKey)
    let state = ConsentState(procurations: [procuration.id: procuration.token])
    let request = try FilingComposer.compose(
      signer: transport.identity, wallet: wallet, keyring: keyring, records: records, purpose: purpose,
      administration: try rules.administration(administration), fields: fields, days: days,
      procuration: procuration.id, authority: authority, state: state, rules: rules, at: now)
    return try await transport.send("POST", "/v1/wallets/\(wallet)/filings", body: request, as: FilingView.self)
  }
}
