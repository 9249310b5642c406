import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

extension WalletService {
  /// Opens a wallet: only its owner, with a consent receipt that verifies
  /// under the owner key, circle keys sealed to the owner and the owner's
  /// signed circle key statement.
  public func openWallet(_ request: OpenWalletRequest, caller: Caller) async throws(APIError) {
    try refuseOperator(caller)
    let record = request.wallet
    guard record.ownerSigningKey == Paserk.encode(caller.signingKey),
      record.ownerEncryptionKey == caller.encryptionKey.bytes
    else { throw .forbidden("a wallet is opened by its owner, with the owner's own keys") }
    guard registry.administration(keyID: caller.keyID) == nil else {
      throw .forbidden("an administration's key cannot own a wallet")
    }
    guard record.closedAt == nil, record.closure == nil else {
      throw .badRequest("a new wallet is not closed")
    }
    do {
      _ = try ConsentReceipt.verify(
        record.consentReceipt, wallet: record.id, ownerKey: caller.signingKey)
      _ = try CircleKeyStatement.verify(
        request.keyStatements, wallet: record.id, owner: caller.signingKey)
    } catch { throw .badRequest("the consent receipt or the circle key statement does not verify") }
    guard !request.envelopes.isEmpty,
      request.envelopes.allSatisfy({
        $0.wallet == record.id && $0.recipient == caller.encryptionKey.bytes
      })
    else { throw .badRequest("circle keys must be sealed to the owner") }
    let entry = AccessLogEntry(
      at: now, wallet: record.id, actor: caller.keyID, role: .citizen, action: .walletOpened)
    let stored = WalletRecord(
      id: record.id, ownerSigningKey: record.ownerSigningKey,
      ownerEncryptionKey: record.ownerEncryptionKey,
      consentReceipt: record.consentReceipt, createdAt: now)
    let _: Int = try await write(wallet: stored.id) { tx in
      let locked = try tx.createWallet(
        stored, envelopes: request.envelopes, keyStatements: request.keyStatements)
      return try tx.append(entry, to: locked)
    }
  }

  /// The wallet row and statements, for its owner or a trustee.
  /// A closed wallet's row is answered to its owner (its status after the
  /// close: when it was opened and closed), to no one else.
  public func walletView(_ wallet: WalletID, caller: Caller) async throws(APIError) -> WalletView {
    try refuseOperator(caller)
    let stored = try await walletRecord(wallet)
    let record: WalletRecord
    if stored.closedAt != nil, isOwner(caller, of: stored) {
      record = stored
    } else {
      record = try await ownerOrTrustee(caller, wallet: wallet, anyOf: [.read, .update, .file, .grant])
        .record
    }
    do {
      return WalletView(wallet: record, keyStatements: try await store.keyStatements(wallet: wallet))
    } catch {
      throw APIError(error)
    }
  }

  /// The circle keys sealed to the caller (the owner, or a trustee).
  public func envelopes(_ wallet: WalletID, caller: Caller) async throws(APIError) -> EnvelopesView
  {
    // The owner, or a trustee whose procuration is in force (a revoked or
    // expired trustee no longer gets the circle keys, and the attempt is logged).
    _ = try await ownerOrTrusteeLogged(
      caller, wallet: wallet, anyOf: [.read, .update, .file, .grant])
    do {
      return EnvelopesView(
        envelopes: try await store.envelopes(wallet: wallet, recipient: caller.encryptionKey.bytes),
        keyStatements: try await store.keyStatements(wallet: wallet))
    } catch { throw APIError(error) }
  }

  /// Closes the wallet on the owner's signed closure.
  public func closeWallet(_ wallet: WalletID, request: CloseRequest, caller: Caller)
    async throws(APIError)
  {
    let (_, authority, _) = try await requireOwner(caller, wallet: wallet)
    let closure: WalletClosure
    do {
      closure = try SignedStatement.verify(
        request.closure, type: WalletClosure.type, publicKey: authority.owner,
        as: WalletClosure.self)
    } catch { throw .badRequest("the closure is not signed by the owner") }
    guard closure.wallet == wallet, closure.typ == WalletClosure.type else {
      throw .badRequest("the closure is for another wallet")
    }
    let at = now
    let entry = AccessLogEntry(
      at: at, wallet: wallet, actor: caller.keyID, role: .citizen, action: .walletClosed)
    let _: Int = try await write(wallet: wallet) { tx in
      let locked = try tx.lock(wallet)
      // Records, circle keys, grant keys, statements and manifests go.
      try tx.closeWallet(locked, closedAt: at, closure: request.closure)
      return try tx.append(entry, to: locked)
    }
    await store.eraseDeleted()
  }
}
