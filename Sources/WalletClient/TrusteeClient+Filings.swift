import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// The requests of a wallet as the personne de confiance follows them.
extension TrusteeClient {
  /// The wallet's requests, each verified under the citizen's key (`ownerKey`,
  /// as for `records`) through the procurations the wallet holds; the notes
  /// open with this trustee's key — those sealed to the trustee who filed
  /// (`sealedNoteForFiler`) — and are checked against the digest the
  /// administration signed. A filing walletd made up or altered is left out;
  /// a note that does not open is counted (`unreadableNotes`).
  public func filings(wallet: WalletID, ownerKey: SigningPublicKey) async throws(ClientError)
    -> [FilingSummary]
  {
    let rules = try await ClientRules.fetch(transport)
    let view = try await transport.send(
      "GET", "/v1/wallets/\(wallet)/filings", as: FilingsView.self)
    let authority = WalletAuthority(wallet: wallet, owner: ownerKey)
    let state = ConsentState(procurationTokens: view.procurations)
    return view.filings.compactMap {
      FilingSummary(
        $0, authority: authority, state: state, rules: rules,
        reader: transport.identity.encryptionKey)
    }
  }
}
