import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// The grants of a wallet as a client shows them, whoever reads them (the
/// citizen, or a trustee allowed `grant` or `update`): each verified under
/// the owner's key (a grant walletd made up would not verify), with its
/// latest manifest, and a warning when walletd contradicts what this client
/// signed or revoked.
struct GrantListing {
  let transport: Transport
  let wallet: WalletID
  let authority: WalletAuthority
  let state: ConsentState
  let rules: StandardConsentRules

  func entries() async throws(ClientError) -> [GrantEntry] {
    let revocations = transport.trust.memory.revocations
    let view = try await transport.send("GET", "/v1/wallets/\(wallet)/grants", as: GrantsView.self)
    return view.grants.compactMap { view in
      // A grant to an administration no longer certified is still the
      // citizen's: listed (and revocable), never sealed to.
      guard
        let grant = try? GrantVerifier.verify(
          view.token, authority: authority, state: state, rules: RulesIgnoringRegistration(rules))
      else {
        return nil
      }
      let certified = rules.registry.administration(keyID: grant.grantee) != nil
      var warning: Forgery? = nil
      let manifest = view.manifest.flatMap {
        try? GrantManifest.verify(
          $0, grant: grant, authority: authority, state: state, rules: ClientRules.chains)
      }
      // Every grant has a manifest from its issue on: none, or one that does
      // not verify, is walletd's doing.
      if manifest == nil { warning = .manifestInvalid }
      // Older than the newest this client signed: walletd rolled it back.
      if let rollback = transport.trust.rollback(
        view.manifest, seq: manifest?.seq ?? 0, grant: grant.id)
      {
        warning = rollback
      }
      var shown = view.state
      if revocations[grant.id.rawValue] != nil {
        if view.state != .revoked || !view.keys.isEmpty {
          warning = .revocationIgnored(grant: grant.id.rawValue)
        }
        shown = .revoked
      }
      return GrantEntry(
        grant: grant, state: shown, manifest: manifest, keys: view.keys, warning: warning,
        granteeCertified: certified)
    }
  }

  /// The durable grants in force that new versions are sealed to, among those
  /// `sealable` keeps: never one this client revoked (whatever walletd says),
  /// nor one whose listing contradicts what it signed, nor one the checked log
  /// shows revoked.
  /// - Parameters:
  ///   - strict: a write stops on a grant whose manifest walletd rolled back;
  ///     a revocation (which must always be possible) leaves it out instead.
  ///   - covering: only grants of one of these fields (nil: any).
  ///   - revokedInLog: the grants the witnessed log shows revoked, read only
  ///     when some grant would be sealed to (nil: not read).
  func active(
    strict: Bool, covering: Set<FieldID>? = nil,
    revokedInLog: (() async throws(ClientError) -> Set<StatementID>)? = nil,
    sealable: (Grant) -> Bool = { _ in true }
  ) async throws(ClientError) -> [GrantEntry.Active] {
    let entries = try await entries().filter {
      sealable($0.grant) && covering.map(Set($0.grant.fields).intersection) != []
    }
    // Never build the next manifest on one older than this client signed.
    for entry in entries where strict && entry.state == .active {
      if case .manifestRolledBack = entry.warning { throw .forged(entry.warning!) }
    }
    let candidates = entries.filter { $0.state == .active && $0.warning == nil }
    let revoked: Set<StatementID> =
      candidates.isEmpty ? [] : try await revokedInLog?() ?? []
    return candidates.compactMap { entry in
      guard !revoked.contains(entry.grant.id),
        let administration = rules.registry.administration(keyID: entry.grant.grantee)
      else { return nil }
      return GrantEntry.Active(
        active: ActiveGrant(grant: entry.grant, granteeKey: administration.encryptionKey),
        manifest: entry.manifest)
    }
  }
}
