import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// The trustee who filed a request, as the administration learns them: the
/// key a note is sealed to besides the citizen's comes only from the
/// procuration the filing names, verified under the citizen's pinned key.
extension AdministrationClient {
  /// The citizen's signing key this client pinned when it read one of the
  /// wallet's grants (`read`); never taken from walletd's answer alone.
  func pinnedOwner(_ wallet: WalletID) throws(ClientError) -> SigningPublicKey {
    guard let pinned = transport.trust.memory.owners[wallet.description],
      let owner = try? Paserk.signingPublicKey(from: pinned)
    else {
      throw .local("the citizen's key is not known yet here: read the request (its grant) first")
    }
    return owner
  }

  /// The X25519 key of the trustee who filed `filing`, to which its notes are
  /// sealed too; nil for a request the citizen filed, and for one filed under
  /// a procuration signed before procurations named that key (its trustee is
  /// sent no note, and told one did not open). The filing and the procuration
  /// it names (from the wallet's `procurations`) are verified under the
  /// citizen's pinned key, the filing must be made with this administration,
  /// and the key is the procuration's `subEncryptionKey`, so walletd cannot
  /// swap it. Anything that does not verify is refused: the caller posts
  /// nothing.
  func filerKey(wallet: WalletID, filing: FilingView) async throws(ClientError)
    -> AgreementPublicKey?
  {
    guard let named = SignedStatement.unverifiedProcuration(of: filing.filing) else { return nil }
    let owner = try pinnedOwner(wallet)
    let view = try await transport.send(
      "GET", "/v1/wallets/\(wallet)/filings", as: FilingsView.self)
    let rules = try await rules()
    let authority = WalletAuthority(wallet: wallet, owner: owner)
    let state = ConsentState(procurationTokens: view.procurations)
    guard
      let verified = try? FilingVerifier.verify(
        filing.filing, authority: authority, state: state, rules: rules),
      verified.id == filing.id, verified.claims.procuration == named,
      verified.claims.administration == transport.identity.publicIdentity.keyID,
      let token = state.procurations[named],
      let procuration = try? ProcurationVerifier.verify(token, authority: authority, rules: rules),
      procuration.claims.sub == verified.claims.iss
    else {
      throw .badAnswer(
        "the trusted person's procuration for this request does not verify: nothing was posted")
    }
    return ProcurationVerifier.trusteeEncryptionKey(of: procuration)
  }
}
