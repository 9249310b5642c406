import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

extension WalletService {
  /// Stores a procuration signed by the owner, and the circle keys sealed to
  /// the trustee (only up to the procuration's circle).
  public func issueProcuration(_ wallet: WalletID, request: ProcurationRequest, caller: Caller) async throws(APIError) {
    let (_, authority, _) = try requireOwner(caller, wallet: wallet)
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
    let _: Bool = try await write { tx in
      try Self.requireFresh(procuration.id, in: tx)
      try tx.query(
        "INSERT INTO procurations (id, wallet, trustee, token, created_at) VALUES (?, ?, ?, ?, ?)",
        [.text(procuration.id.rawValue), .blob(wallet.bytes), .text(procuration.claims.sub), .text(request.token),
          .integer(at)])
      try SQLiteWalletStore.add(request.envelopes, in: tx)
      try Self.append(entry, in: tx)
      return true
    }
  }

  /// The owner sees every procuration; a trustee its own.
  public func procurations(_ wallet: WalletID, caller: Caller) throws(APIError) -> ProcurationsView {
    try refuseOperator(caller)
    let record = try walletRecord(wallet)
    let state = try consentState(wallet)
    let owner = isOwner(caller, of: record)
    let rows: [SQLiteDatabase.Row]
    do {
      rows = try reader.database.query(
        "SELECT id, token, trustee FROM procurations WHERE wallet = ? ORDER BY created_at, rowid", [.blob(wallet.bytes)])
    } catch { throw APIError(error) }
    let mine = rows.filter { owner || $0[2].text == caller.keyID }
    guard owner || !mine.isEmpty else { throw .forbidden("only the citizen or the trustee") }
    return ProcurationsView(
      procurations: mine.compactMap { row in
        guard let id = row[0].text.flatMap({ try? StatementID($0) }), let token = row[1].text else { return nil }
        let value: GrantState =
          state.revoked.contains(id) ? .revoked : state.consumed.contains(id) ? .used : .active
        return ProcurationView(id: id, token: token, state: value)
      })
  }
}
