import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// Two ways the platform could still harm an administration that takes it at
/// its word without a forged value: poisoning the citizen's key it pins on
/// first contact, and quietly withholding a granted field.
@Suite("Hostile platform: first contact and withheld fields")
struct HostilePlatformFirstContactTests {
  /// A receipt of the platform's own, on first contact, is refused with the
  /// grant it does not verify, and leaves nothing pinned: the honest read that
  /// follows through the same client works, with Maria's key.
  @Test func aRefusedReceiptIsNotPinned() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let grant = try await hp.fnsGrant()
    let acceptance = ConsentAcceptance(terms: .current, language: .french, acceptedAt: h.now)
    let platformsReceipt = try ConsentReceipt(
      wallet: hp.wallet, owner: hp.platform.publicIdentity, acceptance: acceptance
    ).signed(with: hp.platform.signingKey)
    let trust = hp.firstContactTrust()
    let fns = hp.fns(trust: trust)
    hp.proxy.rewrite("POST", "/v1/reads", ReadAnswer.edit { $0.consentReceipt = platformsReceipt })
    await hp.tally.refuses("the platform's receipt, on first contact", .forged(.grantInvalid)) {
      try await fns.read(wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
    }
    #expect(trust.memory.owners[hp.wallet.description] == nil)
    hp.proxy.stopRewriting()
    let honest = try await fns.read(
      wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
    #expect(honest.ownerEncryptionKey == h.maria.encryptionKey.publicKey)
    #expect(
      trust.memory.owners[hp.wallet.description] == Paserk.encode(h.maria.signingKey.publicKey))
    hp.tally.finish("poisoned first contact")
  }

  /// A granted field dropped from the answer (its record and its key) is not a
  /// forged value, but the administration is told which fields are missing.
  @Test func aWithheldFieldIsTold() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let grant = try await hp.fnsGrant()
    let fns = hp.fns()
    let honest = try await fns.read(
      wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
    #expect(honest.withheld.isEmpty)
    #expect(honest.values.contains { $0.field == "iban" })
    hp.proxy.rewrite(
      "POST", "/v1/reads",
      ReadAnswer.edit { answer in
        answer.records.removeAll { $0.field == "iban" }
        answer.keys.removeAll { $0.field == "iban" }
      })
    await hp.tally.detects("the iban withheld") {
      let seen = try await fns.read(
        wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
      return seen.withheld == ["iban"] && !seen.values.contains { $0.field == "iban" }
    }
    hp.tally.finish("withheld fields")
  }
}
