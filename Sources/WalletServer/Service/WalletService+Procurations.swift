import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

extension WalletService {
  /// Stores a procuration signed by the owner, and the circle keys sealed to
  /// the trustee (only up to the procuration's circle).
  public func issueProcuration(_ wallet: WalletID, request: ProcurationRequest, caller: Caller) async throws(APIError) {
    let (_, authority, _) = try await requireOwner(caller, wallet: wallet)
    let procuration: Procuration
    do { procuration = try ProcurationVerifier.verify(request.token, authority: authority, rules: rules) } catch {
      throw .refused(error)
    }
    let allowed = ProcurationScope.circles(
      of: procuration.claims, templates: rules.templates, circles: { FieldCatalogue.standard[$0]?.circle })
    guard request.envelopes.allSatisfy({ $0.wallet == wallet && allowed.contains($0.circle) }) else {
      throw .badRequest("circle keys beyond the procuration's circle")
    }
    guard registry.administration(keyID: procuration.claims.sub) == nil, procuration.claims.sub != operatorKeyID else {
      throw .refused(.procurationInvalid)
    }
    let entry = AccessLogEntry(
      at: now, wallet: wallet, actor: caller.keyID, role: .citizen, action: .procurationIssued,
      purpose: procuration.claims.purposes.count == 1 ? procuration.claims.purposes[0] : nil,
      procuration: procuration.id)
    let at = now
    let _: Int = try await write(wallet: wallet) { tx in
      let locked = try tx.lock(wallet)
      try tx.requireOpen(locked)
      try Self.requireFresh(procuration.id, in: tx)
      try tx.insertProcuration(
        procuration.id, trustee: procuration.claims.sub, token: request.token, at: at, in: locked)
      try tx.addEnvelopes(request.envelopes, in: locked)
      return try tx.append(entry, to: locked)
    }
  }

  /// The owner sees every procuration; a trustee its own.
  public func procurations(_ wallet: WalletID, caller: Caller) async throws(APIError)
    -> ProcurationsView
  {
    try refuseOperator(caller)
    let record = try await walletRecord(wallet)
    let state = try await consentState(wallet)
    let owner = isOwner(caller, of: record)
    let rows: [StoredProcuration]
    do { rows = try await store.procurations(wallet: wallet) } catch { throw APIError(error) }
    let mine = rows.filter { owner || $0.trustee == caller.keyID }
    guard owner || !mine.isEmpty else { throw .forbidden("only the citizen or the trustee") }
    return ProcurationsView(
      procurations: mine.map { row in
        let value: GrantState =
          state.revoked.contains(row.id) ? .revoked : state.consumed.contains(row.id) ? .used : .active
        return ProcurationView(id: row.id, token: row.token, state: value)
      })
  }
}
