import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

extension WalletService {
  /// An administration reads under a grant: the decision is the pure
  /// `ReadDecision`; allowed or refused, the entry is logged durably before the
  /// answer; a one-shot grant is consumed in the same commit, exactly once.
  /// Only the granted fields' records and their sealed keys are returned.
  public func read(_ body: ReadRequestBody, caller: Caller) async throws(APIError)
    -> ReadResponseBody
  {
    try refuseOperator(caller)
    let context = try await readContext(body.wallet, grant: body.grant)
    let record = context.wallet
    guard record.closedAt == nil else { throw .conflict("the wallet is closed") }
    let authority = try authority(record)
    let state = consentState(context.consent, wallet: body.wallet)
    let at = now
    let role: PrincipalKind =
      registry.administration(keyID: caller.keyID) != nil ? .administration : .citizen
    // A read names at most the catalogue's fields (repetitions aside): a longer
    // list is malformed, answered 400 and not logged.
    if let asked = body.fields, Set(asked).count > FieldCatalogue.standard.fields.count {
      throw .badRequest("a read names at most \(FieldCatalogue.standard.fields.count) fields")
    }
    func entry(_ fields: [FieldID], _ refusal: ConsentRefusal? = nil) -> AccessLogEntry {
      AccessLogEntry(
        at: at, wallet: body.wallet, actor: caller.keyID, role: role, action: .fieldsRead,
        purpose: body.purpose,
        fields: fields, grant: body.grant, refusal: refusal)
    }
    let grant: Grant
    let permission: ReadPermission
    do throws(APIError) {
      grant = try verifiedGrant(
        body.grant, token: context.grantToken, authority: authority, state: state)
      do {
        permission = try ReadDecision.decide(
          ReadRequest(requester: caller.keyID, purpose: body.purpose, fields: body.fields),
          grant: grant,
          state: state, at: at)
      } catch { throw APIError.refused(error) }
    } catch .refused(let refusal) {
      // A refusal's entry names only the fields its outcome is about: those
      // asked and not granted; for any other refusal, none.
      let named: [FieldID]
      if case .fieldsNotGranted(let missing) = refusal { named = missing } else { named = [] }
      try await refuse(refusal, entry: entry(named, refusal))
    } catch .notFound(let why) {
      try await refuse(
        .notAllowed(why), entry: entry([], .notAllowed("unknown grant")))
    } catch {
      throw error
    }

    // The newest version of each permitted field that the grant holds a key
    // for, with that key, in the order of the fields. (A version the grant has
    // no key for is never served, even if newer.)
    let found = Dictionary(
      context.granted.map { ($0.0.field, $0) }, uniquingKeysWith: { first, _ in first })
    let granted = permission.fields.compactMap { found[$0] }
    let (records, keys) = (granted.map(\.0), granted.map(\.1))
    // What the client verifies everything with: the grantor's latest manifest,
    // the citizen's consent receipt, and the procurations a trustee signed under.
    let manifest = context.manifest
    let named = Set(
      [grant.claims.procuration, manifest.flatMap(SignedStatement.unverifiedProcuration(of:))]
        .compactMap { $0 })
    let procurations = named.sorted().compactMap { state.procurations[$0] }
    let allowed = entry(records.map(\.field))
    let refusedAgain = entry(permission.fields, .alreadyUsed)
    let consumes = permission.consumesGrant
    let wallet = body.wallet
    let revokedMeanwhile = entry(permission.fields, .revoked)
    let pausedMeanwhile = entry(permission.fields, .paused)
    let parent = grant.claims.procuration
    let parentRevokedMeanwhile = entry(permission.fields, .procurationRevoked)
    await readDecided?()
    let facts = facts
    let (refusal, index): (String?, Int) = try await write(wallet: wallet) { tx in
      // What changed since the decision wins, checked again inside the
      // transaction that logs the read: the wallet closed (409, nothing
      // written: the closing entry stays the log's last), the grant revoked or
      // paused, the procuration a trustee signed it under revoked.
      let locked = try tx.lock(wallet)
      // One statement: the wallet open, the grant's status, its use, the parent's revocation.
      let checks = try tx.readChecks(locked, grant: grant.id, procuration: parent)
      if let parent, facts.isRevoked(parent, wallet: wallet) || checks.procurationRevoked {
        return (
          ConsentRefusal.procurationRevoked.code, try tx.append(parentRevokedMeanwhile, to: locked)
        )
      }
      let latest = checks.latestStatus
      // The log's own record of a revocation or a use counts even if the row is gone.
      if latest == .revoke || facts.isRevoked(grant.id, wallet: wallet) {
        return (ConsentRefusal.revoked.code, try tx.append(revokedMeanwhile, to: locked))
      }
      if latest == .pause {
        return (ConsentRefusal.paused.code, try tx.append(pausedMeanwhile, to: locked))
      }
      if consumes {
        if checks.consumed || facts.isUsed(grant.id, wallet: wallet) {
          return (ConsentRefusal.alreadyUsed.code, try tx.append(refusedAgain, to: locked))
        }
        try Self.consume(grant.id, at: at, in: tx, locked)
      }
      return (nil, try tx.append(allowed, to: locked))
    }
    if let refusal {
      let known: [ConsentRefusal] = [.revoked, .paused, .alreadyUsed, .procurationRevoked]
      throw .refused(known.first { $0.code == refusal } ?? .alreadyUsed)
    }
    // Nothing is served before a witnessed epoch holds the read's entry.
    let receipt = try await self.receipt(wallet: wallet, index: index)
    return ReadResponseBody(
      grant: grant.token, records: records, keys: keys, manifest: manifest,
      consentReceipt: record.consentReceipt,
      procurations: procurations, receipt: receipt)
  }

  /// The wallet and what a read of `grant` in it needs, in one reading
  /// (the wallet's damage first, as `walletRecord`).
  func readContext(_ wallet: WalletID, grant: StatementID) async throws(APIError)
    -> StoredReadContext
  {
    try refuseDamaged(wallet)
    do { return try await store.readContext(wallet: wallet, grant: grant) } catch {
      throw APIError(error)
    }
  }
}
