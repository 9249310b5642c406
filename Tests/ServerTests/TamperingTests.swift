import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// Editing the database behind walletd's back is detected: an added grant
/// does not verify, a changed ciphertext does not open, a dropped or changed
/// log entry breaks the consistency proof.
@Suite("Database tampering")
struct TamperingTests {
  @Test func aGrantAddedBehindWalletdsBackDoesNotVerify() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let forger = SigningKey()
    let claims = GrantClaims(
      wallet: h.citizen.walletID, issuer: Paserk.identifier(of: forger.publicKey),
      grantee: h.fnsID.publicIdentity.keyID, purpose: "allocation-vie-chere", fields: ["iban"], kind: .durable,
      issuedAt: h.now, notBefore: h.now, expires: h.now + 86_400)
    let token = try SignedStatement.sign(claims, type: GrantClaims.type, with: forger)
    try h.database().query(
      "INSERT INTO grants (id, wallet, grantee, token, created_at) VALUES (?, ?, ?, ?, ?)",
      [.text(claims.jti.rawValue), .blob(h.citizen.walletID.bytes), .text(claims.sub), .text(token), .integer(h.now)])
    #expect(await refusalCode {
      _ = try await h.fns.read(wallet: h.citizen.walletID, grant: claims.jti, purpose: "allocation-vie-chere")
    } == "bad-signature")
    // Maria's own client does not list it either: it does not verify.
    #expect(try await h.citizen.grants().isEmpty)
  }

  @Test func aChangedCiphertextDoesNotOpen() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let db = try h.database()
    let row = try #require(try db.query("SELECT ciphertext FROM field_records WHERE field = 'iban'").first)
    var ciphertext = try #require(row[0].blob)
    ciphertext[ciphertext.count / 2] ^= 0x01
    try db.query("UPDATE field_records SET ciphertext = ? WHERE field = 'iban'", [.blob(ciphertext)])
    await #expect(throws: ClientError.self) { _ = try await h.citizen.fields() }
    // Swapping two fields' records (moved ciphertext) does not open either.
    try db.query(
      "UPDATE field_records SET ciphertext = (SELECT ciphertext FROM field_records WHERE field = 'surname') WHERE field = 'iban'")
    await #expect(throws: ClientError.self) { _ = try await h.citizen.history("iban") }
  }

  @Test func aDroppedOrChangedLogEntryIsDetected() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let first = try await h.citizen.verifyLog(since: nil)
    #expect(first.intact)
    _ = try await h.citizen.grant(to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 10, at: h.now)
    let second = try await h.citizen.verifyLog(since: first.checkpoint)
    #expect(second.intact)

    let db = try h.database()
    let wallet = Array(h.citizen.walletID.bytes)
    // An old entry rewritten (entry and leaf, as a careful forger would).
    let rewritten = AccessLogEntry(at: h.now, wallet: h.citizen.walletID, actor: "k4.pid.forged", role: .citizen, action: .walletOpened)
    try db.query(
      "UPDATE log_entries SET entry = ?, leaf = ? WHERE wallet = ? AND idx = 0",
      [.blob(rewritten.canonicalBytes()), .blob(MerkleTree.leafHash(rewritten.canonicalBytes())), .blob(wallet)])
    let afterRewrite = try await h.citizen.verifyLog(since: second.checkpoint)
    #expect(!afterRewrite.intact)
    // The newest entry dropped: the log shrank.
    try db.query("DELETE FROM log_entries WHERE wallet = ? AND idx = (SELECT MAX(idx) FROM log_entries WHERE wallet = ?)", [.blob(wallet), .blob(wallet)])
    let afterDrop = try await h.citizen.verifyLog(since: second.checkpoint)
    #expect(!afterDrop.intact)
    #expect(afterDrop.problem != nil)
  }
}
