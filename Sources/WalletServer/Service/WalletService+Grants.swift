import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

extension WalletService {
  /// A stored grant, verified again (signature, chain, template) on every use.
  /// - Parameter registered: whether the grantee must be registered now (a
  ///   read); a status change of a grant to an administration no longer
  ///   registered (a revocation above all) must still be possible.
  func storedGrant(
    _ id: StatementID, wallet: WalletID, authority: WalletAuthority, state: ConsentState,
    registered: Bool = true
  )
    async throws(APIError) -> Grant
  {
    let stored: String?
    do { stored = try await store.grantToken(id, wallet: wallet) } catch { throw APIError(error) }
    return try verifiedGrant(
      id, token: stored, authority: authority, state: state, registered: registered)
  }

  /// The grant `id` of `token` (nil: the wallet holds no such grant),
  /// verified, or from the verified-grant cache.
  func verifiedGrant(
    _ id: StatementID, token stored: String?, authority: WalletAuthority, state: ConsentState,
    registered: Bool = true
  ) throws(APIError) -> Grant {
    let wallet = authority.wallet
    guard let token = stored else { throw .notFound("no such grant") }
    if let grant = verifiedGrants.grant(id, token: token), grant.claims.wallet == wallet {
      return grant
    }
    if !registered {
      do {
        return try GrantVerifier.verify(
          token, authority: authority, state: state, rules: RulesIgnoringRegistration(rules))
      } catch { throw .refused(error) }
    }
    let generation = verifiedGrants.generation
    do {
      let grant = try GrantVerifier.verify(token, authority: authority, state: state, rules: rules)
      verifiedGrants.insert(grant, generation: generation)
      return grant
    } catch {
      throw .refused(error)
    }
  }

  /// Stores a grant signed by the caller (the owner, or a trustee under a
  /// procuration with `grant`), with the data keys of exactly its fields.
  public func issueGrant(_ wallet: WalletID, request: GrantRequest, caller: Caller)
    async throws(APIError)
  {
    // A trustee's grant is checked under the procuration it names, and only that one.
    let (record, authority, state, procuration) = try await ownerOrTrusteeLogged(
      caller, wallet: wallet, action: .grant,
      named: SignedStatement.unverifiedProcuration(of: request.token))
    let grant: Grant
    do {
      grant = try GrantVerifier.verify(
        request.token, authority: authority, state: state, rules: rules)
    } catch {
      // A refused grant is part of the trace too.
      try await refuse(
        error,
        entry: AccessLogEntry(
          at: now, wallet: wallet, actor: caller.keyID,
          role: role(of: caller, in: record, procuration: procuration),
          action: .grantIssued, procuration: procuration?.id, refusal: error))
    }
    guard grant.claims.iss == caller.keyID, grant.claims.procuration == procuration?.id else {
      throw .forbidden("a grant is stored by its signer, under the procuration it names")
    }
    guard grant.claims.filing == nil else {
      throw .badRequest("a filing's grant comes with its filing")
    }
    let sealed = try await checkIssuedKeys(request.keys, grant: grant)
    let manifests = try checkManifests(
      [request.manifest], keys: request.keys, records: sealed, grants: [grant.id: grant],
      authority: authority,
      state: state, caller: caller)
    let entry = AccessLogEntry(
      at: now, wallet: wallet, actor: caller.keyID,
      role: role(of: caller, in: record, procuration: procuration),
      action: .grantIssued, purpose: grant.claims.purpose, fields: grant.fields, grant: grant.id,
      procuration: procuration?.id)
    let oneShotProcuration = procuration.flatMap { $0.claims.kind == .oneShot ? $0.id : nil }
    let at = now
    let facts = facts
    // A one-shot procuration used to grant is used, as for a filing: in the
    // log (`procuration-used`), and never again even if its row is deleted.
    let used = oneShotProcuration.map {
      AccessLogEntry(
        at: at, wallet: wallet, actor: caller.keyID, role: .trustee, action: .procurationUsed,
        purpose: grant.claims.purpose, grant: grant.id, procuration: $0)
    }
    let _: Int = try await write(wallet: wallet) { tx in
      let locked = try tx.lock(wallet)
      // Closed meanwhile: nothing is stored, the closing entry stays the log's last.
      try tx.requireOpen(locked)
      if let oneShotProcuration {
        if facts.isUsed(oneShotProcuration, wallet: wallet) { throw ConsentRefusal.alreadyUsed }
        try Self.consume(oneShotProcuration, at: at, in: tx, locked)
      }
      if let used { try tx.append(used, to: locked) }
      try Self.insert(grant, token: request.token, at: at, in: tx, locked)
      try tx.insertGrantKeys(request.keys)
      try Self.insert(manifests, in: tx)
      return try tx.append(entry, to: locked)
    }
  }

  /// One sealed key per granted field, each for a version that exists;
  /// returns the records of those versions.
  func checkIssuedKeys(_ keys: [GrantKey], grant: Grant) async throws(APIError) -> [FieldRecord] {
    guard keys.allSatisfy({ $0.grant == grant.id }), Set(keys.map(\.field)) == Set(grant.fields),
      keys.count == grant.fields.count
    else { throw .badRequest("one sealed key per granted field is needed") }
    var sealed: [FieldRecord] = []
    for key in keys {
      let history: [FieldRecord]
      do { history = try await store.history(wallet: grant.claims.wallet, field: key.field) } catch {
        throw APIError(error)
      }
      guard let record = history.first(where: { $0.version == key.version }) else {
        throw .badRequest("a sealed key is for a version that does not exist")
      }
      sealed.append(record)
    }
    return sealed
  }

  static func insert(
    _ grant: Grant, token: String, at: Int64, in tx: any StoreTransaction, _ locked: LockedWallet
  ) throws {
    guard grant.claims.wallet == locked.id else { throw StoreError.notLocked }
    try requireFresh(grant.id, in: tx)
    try tx.insertGrant(grant.id, grantee: grant.grantee, token: token, at: at, in: locked)
  }

  /// Records the single use of a one-shot grant or procuration, in the
  /// transaction that holds the wallet's lock: a second use fails.
  static func consume(
    _ id: StatementID, at: Int64, in tx: any StoreTransaction, _ locked: LockedWallet
  ) throws {
    guard try !tx.isConsumed(id) else { throw ConsentRefusal.alreadyUsed }
    try tx.insertConsumption(id, at: at, in: locked)
  }

  /// Every grant of the wallet and its state: for the owner, and for a
  /// trustee whose procuration allows `grant` or `update` (who changes the
  /// grants they signed and seals new versions to them, api.md §6).
  public func grants(_ wallet: WalletID, caller: Caller) async throws(APIError) -> GrantsView {
    let (_, _, state, procuration) = try await ownerOrTrusteeLogged(
      caller, wallet: wallet, anyOf: [.grant, .update])
    let stored: StoredGrants
    do { stored = try await store.grants(wallet: wallet) } catch { throw APIError(error) }
    let at = now
    let templates = rules.templates
    return GrantsView(
      grants: stored.grants.compactMap { id, token in
        // A trustee sees the grants it signed, and those covering a field its
        // procuration reaches (to know whom its change is not sealed to).
        if let procuration {
          struct Named: Decodable {
            let iss: String
            let fields: [FieldID]
          }
          guard let named = SignedStatement.unverifiedClaims(of: token, as: Named.self) else {
            return nil
          }
          let reaches = named.fields.contains {
            ProcurationScope.reaches(
              $0, circle: FieldCatalogue.standard[$0]?.circle ?? .documents,
              claims: procuration.claims, templates: templates,
              circles: { FieldCatalogue.standard[$0]?.circle })
          }
          guard named.iss == caller.keyID || reaches else { return nil }
        }
        return GrantView(
          id: id, token: token, state: Self.grantState(id, token: token, state: state, at: at),
          manifest: stored.manifests[id],
          keys: (stored.keys[id] ?? []).map { KeyVersion(field: $0.field, version: $0.version) })
      })
  }

  static func grantState(_ id: StatementID, token: String, state: ConsentState, at: Int64)
    -> GrantState
  {
    if state.revoked.contains(id) { return .revoked }
    if state.consumed.contains(id) { return .used }
    if state.paused.contains(id) { return .paused }
    if let message = try? PasetoV4Public.unverifiedMessage(of: token),
      let claims = try? JSONDecoder().decode(GrantClaims.self, from: Data(message)),
      let expires = Timestamp.parse(claims.exp), at >= expires
    {
      return .expired
    }
    return .active
  }

  /// Revokes, pauses or resumes a grant or a procuration. A grant's revocation
  /// drops its sealed keys at once and stores the re-keyed versions the client
  /// sends for the grants that remain.
  public func changeStatus(_ wallet: WalletID, request: StatusChangeRequest, caller: Caller)
    async throws(APIError)
  {
    // `grant` or `file`, as consent.md §15 says: a trustee may withdraw the
    // grant of a filing they made under a procuration that allows only `file`.
    let (record, authority, state, procuration) = try await ownerOrTrusteeLogged(
      caller, wallet: wallet, anyOf: [.grant, .file],
      named: SignedStatement.unverifiedProcuration(of: request.token))
    guard let claims = try? unverifiedStatusChange(request.token) else {
      throw .badRequest("malformed status change")
    }
    let target: StatusChangeTarget
    switch claims.target {
    case .grant:
      target = .grant(
        try await storedGrantIgnoringStatus(
          claims.ref, wallet: wallet, authority: authority, state: state))
    case .procuration:
      guard state.procurations[claims.ref] != nil else { throw .notFound("no such procuration") }
      target = .procuration(claims.ref)
    }
    let change: StatusChange
    do {
      change = try StatusChangeVerifier.verify(
        request.token, target: target, authority: authority, state: state, rules: rules)
    } catch { throw .refused(error) }
    guard change.claims.iss == caller.keyID, change.claims.procuration == procuration?.id else {
      throw .forbidden("a status change is stored by its signer, under the procuration it names")
    }
    // Sealed keys come only with the re-keyed records they are for, and only
    // the owner re-keys (a trustee's revocation carries no records).
    if !request.grantKeys.isEmpty && request.records.isEmpty {
      throw .badRequest("sealed keys come only with the re-keyed records they are for")
    }
    var rekeyed: (RecordStatementClaims, String)? = nil
    var manifests: [GrantManifest] = []
    if !request.records.isEmpty {
      guard procuration == nil else { throw .forbidden("only the citizen re-keys fields") }
      for field in request.records {
        guard let definition = FieldCatalogue.standard[field.field],
          definition.circle == field.circle
        else {
          throw .badRequest("field \(field.field) is unknown or in another circle")
        }
      }
      guard change.claims.action == .revoke, change.claims.target == .grant else {
        throw .badRequest("re-keyed records come only with a grant's revocation")
      }
      for field in request.records where field.wallet != wallet {
        throw .badRequest("a record is for another wallet")
      }
      guard let statementToken = request.statement else {
        throw .badRequest("re-keyed records come with their statement")
      }
      rekeyed = (
        try checkStatement(
          statementToken, records: request.records, authority: authority, state: state,
          caller: caller,
          procuration: nil), statementToken
      )
      let grants = try await checkGrantKeys(
        request.grantKeys, records: request.records, authority: authority,
        state: state.applying(change))
      manifests = try checkManifests(
        request.manifests, keys: request.grantKeys, records: request.records, grants: grants,
        authority: authority, state: state.applying(change), caller: caller)
    } else if !request.manifests.isEmpty || request.statement != nil {
      throw .badRequest("a statement and manifests come only with re-keyed records")
    }
    let action: LogAction =
      switch (change.claims.target, change.claims.action) {
      case (.grant, .revoke): .grantRevoked
      case (.grant, .pause): .grantPaused
      case (.grant, .resume): .grantResumed
      case (.procuration, .revoke): .procurationRevoked
      case (.procuration, .pause): .procurationPaused
      case (.procuration, .resume): .procurationResumed
      }
    var affectedFields: [FieldID] = []
    if case .grant(let grant) = target { affectedFields = grant.fields }
    let entry = AccessLogEntry(
      at: now, wallet: wallet, actor: caller.keyID,
      role: role(of: caller, in: record, procuration: procuration),
      action: action, fields: affectedFields,
      grant: change.claims.target == .grant ? change.claims.ref : nil,
      procuration: change.claims.target == .procuration ? change.claims.ref : procuration?.id)
    let at = now
    let (rekeyedRecords, newManifests) = (rekeyed, manifests)
    let _: Int = try await write(wallet: wallet) { tx in
      let locked = try tx.lock(wallet)
      try tx.requireOpen(locked)
      try Self.requireFresh(change.claims.jti, in: tx)
      try tx.insertStatusChange(
        change.claims.jti, ref: change.claims.ref, action: change.claims.action,
        token: request.token, at: at, in: locked)
      if change.claims.action == .revoke && change.claims.target == .grant {
        // Effective at once: the revoked grantee's sealed keys are gone.
        try tx.dropGrantKeys(grant: change.claims.ref)
      }
      if let (statement, token) = rekeyedRecords {
        try Self.appendAuthored(request.records, statement: statement, token: token, in: tx, locked)
      }
      try tx.insertGrantKeys(request.grantKeys)
      try Self.insert(newManifests, in: tx)
      return try tx.append(entry, to: locked)
    }
  }

  private func unverifiedStatusChange(_ token: String) throws -> StatusChangeClaims {
    try JSONDecoder().decode(
      StatusChangeClaims.self, from: Data(PasetoV4Public.unverifiedMessage(of: token)))
  }

  /// A stored grant whose signature and chain verify, whatever its status (a
  /// paused grant must still be resumable).
  private func storedGrantIgnoringStatus(
    _ id: StatementID, wallet: WalletID, authority: WalletAuthority, state: ConsentState
  ) async throws(APIError) -> Grant {
    var relaxed = state
    relaxed.paused = []
    return try await storedGrant(
      id, wallet: wallet, authority: authority, state: relaxed, registered: false)
  }
}

extension WalletService {
  /// The grants addressed to the caller (an administration), newest first.
  public func incomingGrants(caller: Caller) async throws(APIError) -> IncomingGrantsView {
    try refuseOperator(caller)
    let rows: [StoredIncomingGrant]
    do { rows = try await store.incomingGrants(grantee: caller.keyID, limit: 500) } catch {
      throw APIError(error)
    }
    var states: [WalletID: ConsentState] = [:]
    var grants: [IncomingGrantsView.Entry] = []
    let at = now
    for row in rows {
      let state: ConsentState
      if let known = states[row.wallet] {
        state = known
      } else {
        state = try await consentState(row.wallet)
        states[row.wallet] = state
      }
      grants.append(
        IncomingGrantsView.Entry(
          wallet: row.wallet, grant: row.id, token: row.token,
          state: Self.grantState(row.id, token: row.token, state: state, at: at)))
    }
    return IncomingGrantsView(grants: grants)
  }
}

extension WalletService {
  /// Statuses (revoked, paused, used) are kept by statement id, so an id must
  /// name one statement only, whatever its kind: a grant may not reuse a
  /// procuration's id to have it revoked with itself.
  static func requireFresh(_ id: StatementID, in tx: any StoreTransaction) throws {
    guard try !tx.isStatementIDUsed(id) else {
      throw APIError.conflict("this statement id is already used")
    }
  }
}
