import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

extension WalletService {
  /// An administration reads under a grant: the decision is the pure
  /// `ReadDecision`; allowed or refused, the entry is logged durably before the
  /// answer; a one-shot grant is consumed in the same commit, exactly once.
  /// Only the granted fields' records and their sealed keys are returned.
  public func read(_ body: ReadRequestBody, caller: Caller) async throws(APIError) -> ReadResponseBody {
    try refuseOperator(caller)
    let record = try walletRecord(body.wallet)
    guard record.closedAt == nil else { throw .conflict("the wallet is closed") }
    let authority = try authority(record)
    let state = try consentState(body.wallet)
    let at = now
    let role: PrincipalKind = registry.administration(keyID: caller.keyID) != nil ? .administration : .citizen
    func entry(_ fields: [FieldID], _ refusal: ConsentRefusal? = nil) -> AccessLogEntry {
      AccessLogEntry(
        at: at, wallet: body.wallet, actor: caller.keyID, role: role, action: .fieldsRead, purpose: body.purpose,
        fields: fields, grant: body.grant, refusal: refusal)
    }
    let grant: Grant
    let permission: ReadPermission
    do throws(APIError) {
      grant = try storedGrant(body.grant, wallet: body.wallet, authority: authority, state: state)
      do {
        permission = try ReadDecision.decide(
          ReadRequest(requester: caller.keyID, purpose: body.purpose, fields: body.fields), grant: grant,
          state: state, at: at)
      } catch { throw APIError.refused(error) }
    } catch .refused(let refusal) {
      try await refuse(refusal, entry: entry(body.fields ?? [], refusal))
    } catch .notFound(let why) {
      try await refuse(.notAllowed(why), entry: entry(body.fields ?? [], .notAllowed("unknown grant")))
    } catch {
      throw error
    }

    // The newest version of each permitted field that this grant holds a key for.
    var records: [FieldRecord] = []
    var keys: [GrantKey] = []
    do {
      for field in permission.fields {
        let row = try reader.database.query(
          """
          SELECT version, sealed_key FROM grant_keys WHERE grant_id = ? AND field = ?
          ORDER BY version DESC LIMIT 1
          """, [.text(grant.id.rawValue), .text(field.rawValue)]
        ).first
        guard let version = row?[0].integer, let sealed = row?[1].blob,
          let fieldRecord = try reader.history(wallet: body.wallet, field: field).first(where: {
            $0.version == UInt64(version)
          })
        else { continue }
        records.append(fieldRecord)
        keys.append(GrantKey(grant: grant.id, field: field, version: UInt64(version), sealedKey: sealed))
      }
    } catch { throw APIError(error) }

    let allowed = entry(records.map(\.field))
    let refusedAgain = entry(permission.fields, .alreadyUsed)
    let consumes = permission.consumesGrant
    let wallet = body.wallet
    let revokedMeanwhile = entry(permission.fields, .revoked)
    let pausedMeanwhile = entry(permission.fields, .paused)
    let refusal: String? = try await write { tx in
      // A revocation or pause committed since the decision wins: checked again
      // inside the transaction that logs the read.
      let latest = try tx.query(
        "SELECT action FROM status_changes WHERE ref = ? ORDER BY at DESC, rowid DESC LIMIT 1",
        [.text(grant.id.rawValue)]
      ).first?[0].text
      if latest == StatusAction.revoke.rawValue {
        try Self.append(revokedMeanwhile, in: tx)
        return ConsentRefusal.revoked.code
      }
      if latest == StatusAction.pause.rawValue {
        try Self.append(pausedMeanwhile, in: tx)
        return ConsentRefusal.paused.code
      }
      if consumes {
        let used = try tx.query("SELECT 1 FROM consumptions WHERE statement = ?", [.text(grant.id.rawValue)])
        if !used.isEmpty {
          try Self.append(refusedAgain, in: tx)
          return ConsentRefusal.alreadyUsed.code
        }
        try Self.consume(grant.id, wallet: wallet, at: at, in: tx)
      }
      try Self.append(allowed, in: tx)
      return nil
    }
    if let refusal {
      let known: [ConsentRefusal] = [.revoked, .paused, .alreadyUsed]
      throw .refused(known.first { $0.code == refusal } ?? .alreadyUsed)
    }
    return ReadResponseBody(
      grant: grant.token, records: records, keys: keys, ownerEncryptionKey: Bytes(record.ownerEncryptionKey))
  }
}
