import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

extension WalletService {
  /// Files a request: the filing and its grant, signed by the owner or by a
  /// trustee under a procuration with `file`. A one-shot procuration is
  /// consumed here, exactly once, in the same commit as the log entry; a
  /// second use is refused and logged.
  public func file(_ wallet: WalletID, request: FilingRequest, caller: Caller)
    async throws(APIError) -> FilingView
  {
    let (record, authority, state, procuration) = try await ownerOrTrusteeLogged(
      caller, wallet: wallet, action: .file,
      named: SignedStatement.unverifiedProcuration(of: request.filing))
    let filing: Filing
    let grant: Grant
    do {
      filing = try FilingVerifier.verify(
        request.filing, authority: authority, state: state, rules: rules)
      grant = try GrantVerifier.verify(
        request.grant, authority: authority, state: state, rules: rules)
      try FilingVerifier.checkGrant(grant, belongsTo: filing)
    } catch {
      try await refuse(
        error,
        entry: AccessLogEntry(
          at: now, wallet: wallet, actor: caller.keyID,
          role: role(of: caller, in: record, procuration: procuration),
          action: .filingMade, procuration: procuration?.id, refusal: error))
    }
    guard filing.claims.iss == caller.keyID, filing.claims.procuration == procuration?.id else {
      throw .forbidden("a filing is stored by its signer, under the procuration it names")
    }
    let sealed = try await checkIssuedKeys(request.keys, grant: grant)
    let manifests = try checkManifests(
      [request.manifest], keys: request.keys, records: sealed, grants: [grant.id: grant],
      authority: authority,
      state: state, caller: caller)
    let actorRole = role(of: caller, in: record, procuration: procuration)
    let at = now
    let made = AccessLogEntry(
      at: at, wallet: wallet, actor: caller.keyID, role: actorRole, action: .filingMade,
      purpose: filing.claims.purpose, fields: grant.fields, grant: grant.id,
      procuration: procuration?.id,
      filing: filing.id)
    let used = procuration.map {
      AccessLogEntry(
        at: at, wallet: wallet, actor: caller.keyID, role: .trustee, action: .procurationUsed,
        purpose: filing.claims.purpose, procuration: $0.id, filing: filing.id)
    }
    let refusedAgain = procuration.map {
      AccessLogEntry(
        at: at, wallet: wallet, actor: caller.keyID, role: .trustee, action: .filingMade,
        purpose: filing.claims.purpose, procuration: $0.id, refusal: .procurationUsed)
    }
    let oneShot = procuration?.claims.kind == .oneShot ? procuration?.id : nil
    let facts = facts
    let outcome: Int? = try await write(wallet: wallet) { tx in
      let locked = try tx.lock(wallet)
      try tx.requireOpen(locked)
      if let oneShot, let refusedAgain {
        // Checked and recorded inside this transaction, under the wallet's
        // lock: of any number of concurrent attempts, exactly one finds the
        // procuration unused. The log's record of a use counts even if the
        // consumption row is gone.
        if try tx.isConsumed(oneShot) || facts.isUsed(oneShot, wallet: wallet) {
          try tx.append(refusedAgain, to: locked)
          return nil
        }
        try Self.consume(oneShot, at: at, in: tx, locked)
      }
      try Self.insert(grant, token: request.grant, at: at, in: tx, locked)
      try tx.insertGrantKeys(request.keys)
      try Self.insert(manifests, in: tx)
      try Self.requireFresh(filing.id, in: tx)
      try tx.insertFiling(
        filing.id, administration: filing.claims.administration, token: request.filing,
        grant: grant.id, at: at, in: locked)
      if let used { try tx.append(used, to: locked) }
      return try tx.append(made, to: locked)
    }
    guard let index = outcome else { throw .refused(.procurationUsed) }
    // The filer keeps the proof that the filing (and the use of a one-shot
    // procuration) is in the witnessed log.
    let receipt = try await self.receipt(wallet: wallet, index: index)
    return FilingView(
      id: filing.id, filing: request.filing, grant: request.grant, responses: [], receipt: receipt)
  }

  /// Every request of the wallet, for its owner or a trustee with `file` or
  /// `read`; an administration sees the requests filed with it.
  public func filings(_ wallet: WalletID, caller: Caller) async throws(APIError) -> FilingsView {
    try refuseOperator(caller)
    let record = try await walletRecord(wallet)
    var administrationOnly: String? = nil
    if !isOwner(caller, of: record) {
      if registry.administration(keyID: caller.keyID) != nil {
        administrationOnly = caller.keyID
      } else {
        let state = try await consentState(wallet)
        let authority = try authority(record)
        let allowed = state.procurations.values.contains { token in
          guard let p = try? ProcurationVerifier.verify(token, authority: authority, rules: rules)
          else { return false }
          return p.claims.sub == caller.keyID && !state.revoked.contains(p.id)
        }
        guard allowed else {
          throw .forbidden("only the citizen, a trustee or the administration concerned")
        }
      }
    }
    let stored: [StoredFiling]
    do { stored = try await store.filings(wallet: wallet) } catch { throw APIError(error) }
    let filings = stored.filter { administrationOnly == nil || $0.administration == administrationOnly }
      .map { filing in
        FilingView(
          id: filing.id, filing: filing.token, grant: filing.grant,
          responses: filing.responses.map {
            FilingView.Response(
              token: $0.token, sealedNote: $0.sealedNote.map(Bytes.init),
              sealedNoteForFiler: $0.sealedNoteForFiler.map(Bytes.init))
          })
      }
    let named = Set(filings.compactMap { SignedStatement.unverifiedProcuration(of: $0.filing) })
    let state = try await consentState(wallet)
    return FilingsView(
      filings: filings, procurations: named.sorted().compactMap { state.procurations[$0] })
  }

  /// An administration's acknowledgement, request for information or
  /// decision on a filing made with it; checked against the timeline and, for
  /// an acknowledgement, the legal due date.
  public func respond(
    _ wallet: WalletID, filing id: StatementID, request: FilingResponseRequest, caller: Caller
  ) async throws(APIError) {
    try refuseOperator(caller)
    let record = try await walletRecord(wallet)
    guard record.closedAt == nil else { throw .conflict("the wallet is closed") }
    let authority = try authority(record)
    let state = try await consentState(wallet)
    let found: StoredFiling?
    do { found = try await store.filing(id, wallet: wallet) } catch { throw APIError(error) }
    guard let found else { throw .notFound("no such filing") }
    let stored = (token: found.token, responses: found.responses.map(\.token))
    let filing: Filing
    var timeline: FilingTimeline
    let claims: FilingResponseClaims
    do {
      filing = try FilingVerifier.verify(
        stored.token, authority: authority, state: state, rules: rules)
      guard filing.claims.administration == caller.keyID else {
        throw APIError.forbidden("only the administration the request was filed with")
      }
      timeline = FilingTimeline(filing: filing)
      for token in stored.responses {
        _ = try FilingVerifier.apply(
          token, to: &timeline, filing: filing, rules: rules, calendar: calendar)
      }
      claims = try FilingVerifier.apply(
        request.token, to: &timeline, filing: filing, rules: rules, calendar: calendar)
    } catch let error as APIError {
      throw error
    } catch let refusal as ConsentRefusal {
      throw .refused(refusal)
    } catch { throw APIError(error) }
    try Self.checkFilerNote(request, filing: filing)
    let action: LogAction =
      switch claims.kind {
      case .acknowledged: .filingAcknowledged
      case .informationRequested: .informationRequested
      case .decided: .decisionPosted
      }
    let entry = AccessLogEntry(
      at: now, wallet: wallet, actor: caller.keyID, role: .administration, action: action,
      purpose: filing.claims.purpose, filing: filing.id)
    let position = stored.responses.count
    let at = now
    let response = StoredFilingResponse(
      id: claims.jti, filing: id, position: position, token: request.token,
      sealedNote: request.sealedNote?.bytes, sealedNoteForFiler: request.sealedNoteForFiler?.bytes)
    let _: Int = try await write(wallet: wallet) { tx in
      let locked = try tx.lock(wallet)
      try tx.requireOpen(locked)
      // The timeline was checked against the responses read before the lock:
      // another response stored meanwhile makes this one conflict.
      guard try tx.filingResponseCount(filing: id) == position else {
        throw APIError.conflict("another response to this filing was stored meanwhile; send it again")
      }
      try tx.insertFilingResponse(response, at: at)
      return try tx.append(entry, to: locked)
    }
  }

  /// The note sealed to the trustee who filed: only for a filing that names a
  /// procuration, and only beside the citizen's note, of the same length (the
  /// same text sealed to another key; its content walletd cannot check).
  static func checkFilerNote(_ request: FilingResponseRequest, filing: Filing)
    throws(APIError)
  {
    guard let forFiler = request.sealedNoteForFiler else { return }
    guard filing.claims.procuration != nil else {
      throw .badRequest("sealedNoteForFiler is only for a request a trustee filed")
    }
    guard let sealedNote = request.sealedNote, forFiler.bytes.count == sealedNote.bytes.count
    else {
      throw .badRequest("sealedNoteForFiler must come with sealedNote, of the same length")
    }
  }
}
