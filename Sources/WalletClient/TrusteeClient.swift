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

  /// The citizen's signing key, taken from the consent receipt the citizen
  /// signed (never from an unsigned member); pinned here once a procuration to
  /// this trustee verifies under it (`procurations`): a later answer with
  /// another key is refused (`Forgery.ownerKeyMismatch`). The
  /// trustee should compare its key id with the one the citizen gave them (on
  /// paper, or read aloud) before acting.
  public func ownerKey(wallet: WalletID) async throws(ClientError) -> SigningPublicKey {
    // Once pinned, the key is this trustee's own memory, not walletd's word:
    // it stays known after the procuration is used or ended (to follow a
    // filing, to read the log of a closed wallet).
    if let pinned = transport.trust.memory.owners[wallet.description],
      let key = try? Paserk.signingPublicKey(from: pinned)
    {
      return key
    }
    let view = try await transport.send("GET", "/v1/wallets/\(wallet)", as: WalletView.self)
    return try OwnerPin.check(view.wallet.consentReceipt, wallet: wallet, trust: transport.trust)
      .signingKey
  }

  /// The procurations of a wallet given to this trustee, verified under the
  /// citizen's key.
  public func procurations(wallet: WalletID, ownerKey: SigningPublicKey) async throws(ClientError)
    -> [Procuration]
  {
    let rules = try await ClientRules.fetch(transport)
    let views = try await transport.send(
      "GET", "/v1/wallets/\(wallet)/procurations", as: ProcurationsView.self)
    let authority = WalletAuthority(wallet: wallet, owner: ownerKey)
    let mine = views.procurations.compactMap { view -> Procuration? in
      guard view.state == .active,
        let procuration = try? ProcurationVerifier.verify(
          view.token, authority: authority, rules: rules),
        procuration.claims.sub == transport.identity.publicIdentity.keyID
      else { return nil }
      return procuration
    }
    // The citizen's key signed a procuration to this trustee: pin it.
    if !mine.isEmpty { try OwnerPin.pin(ownerKey, wallet: wallet, trust: transport.trust) }
    return mine
  }

  /// Files a request on the citizen's behalf under `procuration`.
  public func file(
    wallet: WalletID, ownerKey: SigningPublicKey, procuration: Procuration, purpose: Purpose,
    at administration: String, fields: [FieldID]? = nil, days: Int64 = 5, at now: Int64
  ) async throws(ClientError) -> FilingView {
    let material = try await sealingMaterial(
      wallet: wallet, ownerKey: ownerKey, procuration: procuration)
    let request = try FilingComposer.compose(
      signer: transport.identity, wallet: wallet, keyring: material.keyring,
      records: material.records,
      purpose: purpose, administration: try material.rules.administration(administration),
      fields: fields,
      days: days, procuration: procuration.id, authority: material.authority, state: material.state,
      rules: material.rules, at: now)
    let filed = try await transport.send(
      "POST", "/v1/wallets/\(wallet)/filings", body: request, as: FilingView.self)
    // The filing, and the use of the procuration, proven in the witnessed log.
    let me = transport.identity.publicIdentity.keyID
    _ = try LogProofCheck.receipt(filed.receipt, wallet: wallet, trust: transport.trust) { entry in
      entry.action == .filingMade && entry.actor == me && entry.procuration == procuration.id
        && entry.filing == filed.id
    }
    return filed
  }

  /// Grants an administration the fields of an aid on the citizen's behalf,
  /// under `procuration` (which must allow `grant`, cover the purpose and
  /// outlast the grant): the same grant the citizen would sign, signed by the
  /// trustee and naming the procuration.
  public func grant(
    wallet: WalletID, ownerKey: SigningPublicKey, procuration: Procuration,
    to administration: String,
    purpose: Purpose, fields: [FieldID]? = nil, kind: GrantKind, days: Int64, at now: Int64
  ) async throws(ClientError) -> Grant {
    let material = try await sealingMaterial(
      wallet: wallet, ownerKey: ownerKey, procuration: procuration)
    let target = try material.rules.administration(administration)
    let chosen: [FieldID]
    if let fields {
      chosen = fields
    } else {
      chosen = try CitizenClient.templateFields(
        purpose, held: material.records.map(\.field), rules: material.rules)
    }
    let grant: Grant
    let keys: [GrantKey]
    let manifest: String
    do {
      let claims = GrantClaims(
        wallet: wallet, issuer: transport.identity.publicIdentity.keyID, grantee: target.keyID,
        purpose: purpose,
        fields: chosen, kind: kind, issuedAt: now, notBefore: now, expires: now + days * 86_400,
        procuration: procuration.id)
      let token = try SignedStatement.sign(
        claims, type: GrantClaims.type, with: transport.identity.signingKey)
      grant = try GrantVerifier.verify(
        token, authority: material.authority, state: material.state, rules: material.rules)
      keys = try GrantKey.sealAll(
        for: grant, records: material.records, keyring: material.keyring, to: target.encryptionKey)
      manifest = try GrantManifest.first(
        for: grant, records: material.records, by: transport.identity, procuration: procuration.id,
        at: now)
    } catch { throw ClientError(error) }
    _ = try await transport.send(
      "POST", "/v1/wallets/\(wallet)/grants",
      body: GrantRequest(token: grant.token, keys: keys, manifest: manifest),
      as: Done.self)
    try transport.trust.rememberSigned([manifest])
    return grant
  }

  /// The wallet's latest records the trustee may see, each checked against
  /// the statement its author signed (never shown or counted unchecked).
  public func records(wallet: WalletID, ownerKey: SigningPublicKey, history: FieldID? = nil)
    async throws(ClientError) -> [VerifiedRecord]
  {
    let query = history.map { "?history=\($0)" } ?? ""
    let view = try await transport.send(
      "GET", "/v1/wallets/\(wallet)/fields\(query)", as: RecordsView.self)
    let verified: [VerifiedRecord]
    do {
      verified = try RecordStatement.verify(
        view.records, statements: view.statements,
        authority: WalletAuthority(wallet: wallet, owner: ownerKey),
        state: ConsentState(procurationTokens: view.procurations), rules: ClientRules.chains)
    } catch { throw .forged(error) }
    // A trustee's read is logged: nothing is used before it is proven there.
    let me = transport.identity.publicIdentity.keyID
    let served = Set(view.records.map(\.field))
    let (_, proven) = try LogProofCheck.receipt(
      view.receipt, wallet: wallet, trust: transport.trust
    ) { entry in
      entry.action == .fieldsRead && entry.actor == me && entry.procuration != nil
        && served.isSubset(of: Set(entry.fields))
    }
    try LogProofCheck.rememberReceipt(proven, wallet: wallet, trust: transport.trust)
    return verified
  }

  /// What a trustee needs to seal a grant's data keys: the circle keys sealed
  /// to them (checked against the citizen's key statements), the wallet's
  /// records, and the rules and consent state to verify what they sign.
  private func sealingMaterial(
    wallet: WalletID, ownerKey: SigningPublicKey, procuration: Procuration
  )
    async throws(ClientError)
    -> (
      keyring: CircleKeyring, records: [VerifiedRecord], rules: StandardConsentRules,
      authority: WalletAuthority,
      state: ConsentState
    )
  {
    let rules = try await ClientRules.fetch(transport)
    let keyring = try await self.keyring(wallet: wallet, ownerKey: ownerKey)
    let authority = WalletAuthority(wallet: wallet, owner: ownerKey)
    let records = try await records(wallet: wallet, ownerKey: ownerKey)
    return (
      keyring, records, rules, authority,
      ConsentState(procurations: [procuration.id: procuration.token])
    )
  }

  /// The circle keys sealed to this trustee, checked against the citizen's
  /// signed key statements (never keys walletd could have swapped).
  func keyring(wallet: WalletID, ownerKey: SigningPublicKey) async throws(ClientError)
    -> CircleKeyring
  {
    let envelopes = try await transport.send(
      "GET", "/v1/wallets/\(wallet)/envelopes", as: EnvelopesView.self)
    do {
      let commitments = try CircleKeyStatement.verify(
        envelopes.keyStatements, wallet: wallet, owner: ownerKey)
      return try CircleKeyring(
        envelopes: envelopes.envelopes, recipient: transport.identity.encryptionKey,
        commitments: commitments)
    } catch { throw ClientError(error) }
  }
}
