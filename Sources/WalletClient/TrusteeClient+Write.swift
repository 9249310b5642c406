import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// What a personne de confiance changes under a procuration: fields (with
/// `update`), and the grants they signed (with `grant`). Everything is signed
/// by the trustee and names the procuration; walletd checks it allows the act
/// now (api.md §6), and the citizen's client verifies it through the chain.
extension TrusteeClient {
  /// The wallet's grants, verified under the citizen's key (those the trustee
  /// signed, through the procurations given to them).
  public func grants(wallet: WalletID, ownerKey: SigningPublicKey, procurations: [Procuration])
    async throws(ClientError) -> [GrantEntry]
  {
    try await listing(wallet: wallet, ownerKey: ownerKey, procurations: procurations).entries()
  }

  /// Writes new versions of fields (already validated) under `procuration`,
  /// which must allow `update` and reach each field. Each new data key is
  /// sealed to the durable grants in force that this trustee signed under the
  /// same procuration — the only ones whose manifest they may sign
  /// (consent.md §27.4); a grant the citizen signed gets the new version the
  /// next time the citizen's client seals to it.
  /// - Returns: the durable grants in force that cover a written field and
  ///   were not sealed the new version (the citizen's own).
  @discardableResult
  public func set(
    _ values: [(FieldID, FieldValue)], wallet: WalletID, ownerKey: SigningPublicKey,
    procuration: Procuration, at now: Int64
  ) async throws(ClientError) -> [Grant] {
    let keyring = try await self.keyring(wallet: wallet, ownerKey: ownerKey)
    let latest = Dictionary(
      try await records(wallet: wallet, ownerKey: ownerKey).map { ($0.field, $0.version) },
      uniquingKeysWith: max)
    let me = transport.identity.publicIdentity.keyID
    // A revocation the citizen made holds whatever walletd lists: read from
    // the log when the procuration lets the trustee read it (api.md §13.3).
    let transport = self.transport
    let readsLog = procuration.claims.actions.contains(.read)
    let inForce = try await listing(
      wallet: wallet, ownerKey: ownerKey, procurations: [procuration]
    ).active(
      strict: true, covering: Set(values.map(\.0)),
      revokedInLog: readsLog
        ? { () async throws(ClientError) in
          try await LogReader.revokedGrants(transport, wallet: wallet)
        } : nil
    ).filter { $0.active.grant.claims.kind == .durable }
    let signedHere: (Grant) -> Bool = {
      $0.claims.iss == me && $0.claims.procuration == procuration.id
    }
    let active = inForce.filter { signedHere($0.active.grant) }
    let written = Set(values.map(\.0))
    let notSealed = inForce.map(\.active.grant).filter {
      !signedHere($0) && !written.isDisjoint(with: $0.fields)
    }
    let request = try FieldWriting.request(
      values, latest: latest, keyring: keyring, grants: active, wallet: wallet,
      by: transport.identity, procuration: procuration.id, at: now)
    _ = try await transport.send(
      "POST", "/v1/wallets/\(wallet)/fields", body: request, as: Done.self)
    try transport.trust.rememberSigned(request.manifests)
    return notSealed
  }

  /// Pauses, resumes or revokes a grant this trustee signed, under the
  /// procuration it was signed under (walletd deletes a revoked grant's keys;
  /// re-keying the fields stays the citizen's, api.md §7.10).
  public func change(
    _ grant: Grant, _ action: StatusAction, wallet: WalletID, procuration: Procuration,
    at now: Int64
  ) async throws(ClientError) {
    let token: String
    do {
      token = try GrantIssuer.statusChange(
        by: transport.identity, wallet: wallet, target: .grant, ref: grant.id, action: action,
        at: now, procuration: procuration.id)
    } catch { throw ClientError(error) }
    _ = try await transport.send(
      "POST", "/v1/wallets/\(wallet)/status-changes", body: StatusChangeRequest(token: token),
      as: Done.self)
    if action == .revoke {
      try transport.trust.update { memory in memory.revocations[grant.id.rawValue] = token }
    }
  }

  /// Every version of one field the trustee may see, newest last, opened.
  public func history(_ field: FieldID, wallet: WalletID, ownerKey: SigningPublicKey)
    async throws(ClientError) -> [(record: FieldRecord, value: FieldValue)]
  {
    try await fields(wallet: wallet, ownerKey: ownerKey, history: field).fields
  }

  private func listing(wallet: WalletID, ownerKey: SigningPublicKey, procurations: [Procuration])
    async throws(ClientError) -> GrantListing
  {
    var state = ConsentState()
    for procuration in procurations { state.procurations[procuration.id] = procuration.token }
    return GrantListing(
      transport: transport, wallet: wallet,
      authority: WalletAuthority(wallet: wallet, owner: ownerKey), state: state,
      rules: try await ClientRules.fetch(transport))
  }
}
