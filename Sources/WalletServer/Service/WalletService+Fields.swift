import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

extension WalletService {
  /// New field versions from the owner or a trustee with `update` (within its
  /// circles), with their data keys for the durable grants that cover them.
  public func putFields(_ wallet: WalletID, request: FieldsRequest, caller: Caller)
    async throws(APIError)
  {
    // A trustee's write is checked under the procuration its statement names.
    let (record, authority, state, procuration) = try await ownerOrTrusteeLogged(
      caller, wallet: wallet, action: .update,
      named: SignedStatement.unverifiedProcuration(of: request.statement))
    guard !request.records.isEmpty, request.records.count <= 64 else {
      throw .badRequest("1 to 64 records")
    }
    for field in request.records {
      guard field.wallet == wallet else { throw .badRequest("a record is for another wallet") }
      guard let definition = FieldCatalogue.standard[field.field], definition.circle == field.circle
      else {
        throw .badRequest("field \(field.field) is unknown or in another circle")
      }
      if let procuration,
        !ProcurationScope.reaches(
          field.field, circle: field.circle, claims: procuration.claims, templates: rules.templates,
          circles: { FieldCatalogue.standard[$0]?.circle })
      {
        // Outside what the procuration reaches: refused, and the attempt logged.
        try await refuse(
          .procurationTooNarrow("circle"),
          entry: AccessLogEntry(
            at: now, wallet: wallet, actor: caller.keyID, role: .trustee, action: .fieldUpdated,
            fields: [field.field], procuration: procuration.id,
            refusal: .procurationTooNarrow("circle")))
      }
    }
    let statement = try checkStatement(
      request.statement, records: request.records, authority: authority, state: state,
      caller: caller,
      procuration: procuration)
    let grants = try await checkGrantKeys(
      request.grantKeys, records: request.records, authority: authority, state: state)
    let manifests = try checkManifests(
      request.manifests, keys: request.grantKeys, records: request.records, grants: grants,
      authority: authority,
      state: state, caller: caller)
    let entry = AccessLogEntry(
      at: now, wallet: wallet, actor: caller.keyID,
      role: role(of: caller, in: record, procuration: procuration),
      action: .fieldUpdated, fields: request.records.map(\.field), procuration: procuration?.id)
    let _: Int = try await write(wallet: wallet) { tx in
      let locked = try tx.lock(wallet)
      try Self.appendAuthored(
        request.records, statement: statement, token: request.statement, in: tx, locked)
      try tx.insertGrantKeys(request.grantKeys)
      try Self.insert(manifests, in: tx)
      return try tx.append(entry, to: locked)
    }
  }

  /// Sealed keys must name a durable grant of this wallet in force that covers
  /// the field, for a version being written. Returns those grants.
  @discardableResult
  func checkGrantKeys(
    _ keys: [GrantKey], records: [FieldRecord], authority: WalletAuthority, state: ConsentState
  ) async throws(APIError) -> [StatementID: Grant] {
    let written = Set(records.map { "\($0.field.rawValue)#\($0.version)" })
    var grants: [StatementID: Grant] = [:]
    for key in keys {
      guard written.contains("\(key.field.rawValue)#\(key.version)") else {
        throw .badRequest("a sealed key is for a version not written here")
      }
      let grant: Grant
      if let known = grants[key.grant] {
        grant = known
      } else {
        grant = try await storedGrant(
          key.grant, wallet: authority.wallet, authority: authority, state: state)
        grants[key.grant] = grant
      }
      guard grant.claims.kind == .durable, grant.fields.contains(key.field),
        !state.revoked.contains(grant.id)
      else {
        throw .badRequest("a sealed key is for a grant that does not cover it")
      }
    }
    return grants
  }

  /// The latest records (or one field's history) for the owner, or a trustee
  /// with `read` (only the circles of its procuration).
  public func records(_ wallet: WalletID, history field: FieldID?, caller: Caller)
    async throws(APIError)
    -> RecordsView
  {
    let (_, _, _, procuration) = try await ownerOrTrusteeLogged(
      caller, wallet: wallet, anyOf: [.read, .file, .grant])
    var records: [FieldRecord]
    do {
      if let field {
        records = try await store.history(wallet: wallet, field: field)
      } else {
        records = try await store.latestRecords(wallet: wallet)
      }
    } catch { throw APIError(error) }
    let state = try await consentState(wallet)
    var receipt: String? = nil
    if let procuration {
      // A trustee's read is an access like any other: logged before it is answered.
      let templates = rules.templates
      records = records.filter {
        ProcurationScope.reaches(
          $0.field, circle: $0.circle, claims: procuration.claims, templates: templates,
          circles: { FieldCatalogue.standard[$0]?.circle })
      }
      let entry = AccessLogEntry(
        at: now, wallet: wallet, actor: caller.keyID, role: .trustee, action: .fieldsRead,
        fields: records.map(\.field), procuration: procuration.id)
      let index: Int = try await write(wallet: wallet) { tx in
        try tx.append(entry, to: tx.lock(wallet))
      }
      receipt = try await self.receipt(wallet: wallet, index: index)
    }
    let (statements, procurations) = try await authorship(of: records, wallet: wallet, state: state)
    return RecordsView(
      records: records, statements: statements, procurations: procurations, receipt: receipt)
  }
}
