import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// Attack (2) of issue 12: the platform swaps an administration's encryption
/// key in `GET /v1/administrations`, so that a grant or a filing would seal
/// the citizen's data keys to it. A client takes an administration only
/// through a certificate that verifies under its pinned registrar key, and
/// with the keys it remembers: else it stops, and seals nothing.
@Suite("Hostile platform: administrations")
struct HostilePlatformRegistryTests {
  @Test func aSubstitutedAdministrationKeyIsRefused() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let procuration = try await h.paulsProcuration()
    let before = try hp.storedConsent()
    let maria = try await hp.citizen()
    let trustee = TrusteeClient(transport: hp.transport(h.paul))
    let ownerKey = try await trustee.ownerKey(wallet: hp.wallet)

    // Each administration's certificate as the platform would forge it: the
    // registrar's certificate with the platform's X25519 key and the
    // registrar's signature kept; and one signed by the platform's key or by
    // the operator's (who publishes administrations but does not certify them).
    func forgeries(_ identity: Identity, id: String, kind: AdministrationKind, purposes: [Purpose])
      throws -> [(String, String)]
    {
      let swapped = Identity(
        kind: .administration, signingKey: identity.signingKey,
        encryptionKey: hp.platform.encryptionKey)
      let real = try #require(
        h.daemon.service.administrations().administrations.first {
          ClientRules.unverifiedID($0.certificate) == id
        }
      ).certificate
      let kept = try keepingSignature(real) { claims in
        var administration = claims["administration"] as? [String: Any] ?? [:]
        administration["encryption_key"] = Encoding.base64URL(
          hp.platform.encryptionKey.publicKey.bytes)
        claims["administration"] = administration
      }
      let platforms = try h.certificate(
        swapped, id: id, kind: kind, purposes: purposes, signer: hp.platform)
      // Sound forgeries: the first well formed, failing only its signature;
      // the second a certificate that verifies, under the platform's key.
      #expect(
        throws: AdministrationCertificate.Refusal.unknownRegistrar,
        performing: {
          try AdministrationCertificate.verify(
            kept, registrars: [h.registrar.signingKey.publicKey], at: h.now)
        })
      #expect(
        (try? AdministrationCertificate.verify(
          platforms, registrars: [hp.platform.signingKey.publicKey], at: h.now)) != nil)
      return [
        ("registrar's signature kept", kept),
        ("signed by the platform", platforms),
        (
          "signed by the operator",
          try h.certificate(
            swapped, id: id, kind: kind, purposes: purposes, signer: h.operatorIdentity)
        ),
      ]
    }

    for (how, forged) in try forgeries(
      h.fnsID, id: "fns", kind: .fns, purposes: ["allocation-vie-chere", "revis"])
    {
      hp.proxy.rewrite("GET", "/v1/administrations", replacingCertificate(of: "fns", by: forged))
      await hp.tally.refuses("Maria's grant, fns \(how)", .forged(.certificateInvalid("fns"))) {
        try await maria.grant(
          to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
      }
      await hp.tally.refuses("Maria's filing, fns \(how)", .forged(.certificateInvalid("fns"))) {
        try await maria.file(purpose: "allocation-vie-chere", at: "fns", at: h.now)
      }
    }
    for (how, forged) in try forgeries(
      h.officeID, id: "office-social-redange", kind: .officeSocial, purposes: ["aide-sociale"])
    {
      hp.proxy.rewrite(
        "GET", "/v1/administrations",
        replacingCertificate(of: "office-social-redange", by: forged))
      await hp.tally.refuses(
        "Paul's filing, office \(how)", .forged(.certificateInvalid("office-social-redange"))
      ) {
        try await trustee.file(
          wallet: hp.wallet, ownerKey: ownerKey, procuration: procuration,
          purpose: "aide-sociale", at: "office-social-redange", at: h.now)
      }
    }
    // A client with no registrar pinned trusts no certificate at all.
    let platformsFNS = try h.certificate(
      Identity(
        kind: .administration, signingKey: h.fnsID.signingKey,
        encryptionKey: hp.platform.encryptionKey),
      id: "fns", kind: .fns, purposes: ["allocation-vie-chere"], signer: hp.platform)
    hp.proxy.rewrite(
      "GET", "/v1/administrations", replacingCertificate(of: "fns", by: platformsFNS))
    let unpinned = try await CitizenClient.connect(
      hp.transport(h.maria, trust: ClientTrust(registrars: [], witnesses: h.witnessPolicy)), wallet: hp.wallet)
    await hp.tally.refuses("a client with no registrar", .noRegistrar) {
      try await unpinned.grant(
        to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    }

    // Nothing was sealed to the platform's key: walletd stored no grant, key,
    // manifest or filing; and the procuration is still unused.
    #expect(try hp.storedConsent() == before)
    hp.proxy.stopRewriting()
    _ = try await trustee.file(
      wallet: hp.wallet, ownerKey: ownerKey, procuration: procuration, purpose: "aide-sociale",
      at: "office-social-redange", at: h.now)
    hp.tally.finish("substituted administration keys")
  }

  /// A certificate the registrar did sign, but with other keys than those
  /// Maria's client sealed to before: a real rotation or a registrar misled,
  /// the client cannot tell — it stops until the person has seen both and
  /// confirmed. Then it seals to the new keys.
  @Test func changedAdministrationKeysWaitForConfirmation() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let trust = h.trust(h.maria)
    let remembered = try #require(trust.memory.administrations["fns"])
    #expect(remembered.encryptionKey == Encoding.base64URL(h.fnsID.encryptionKey.publicKey.bytes))
    let rotated = Identity(
      kind: .administration, signingKey: h.fnsID.signingKey, encryptionKey: AgreementKey())
    let certificate = try h.certificate(
      rotated, id: "fns", kind: .fns, purposes: ["allocation-vie-chere", "revis"])
    hp.proxy.rewrite("GET", "/v1/administrations", replacingCertificate(of: "fns", by: certificate))
    let maria = try await hp.citizen()
    let before = try hp.storedConsent()
    await hp.tally.refuses(
      "new fns keys, not confirmed", .forged(.administrationKeysChanged("fns"))
    ) {
      try await maria.grant(
        to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    }
    #expect(try hp.storedConsent() == before)

    // What the person is shown: the keys remembered, the certified new ones.
    let pending = try #require(trust.pendingKeyChange("fns"))
    #expect(pending.old == remembered)
    #expect(pending.new.administration.encryptionKey == rotated.encryptionKey.publicKey)
    #expect(pending.new.certificate == certificate)
    try trust.acceptKeys(of: pending.new)

    let grant = try await maria.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    #expect(
      try hp.count(
        "SELECT COUNT(*) FROM grant_keys WHERE grant_id = ?", [.text(grant.id.rawValue)])
        == Int64(grant.fields.count))
    // Sealed to the new key: the FNS with it reads, with the old one it cannot.
    let renewed = AdministrationClient(
      transport: Transport(baseURL: h.url, identity: rotated, trust: hp.firstContactTrust()))
    let read = try await renewed.read(
      wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
    #expect(
      read.values.first { $0.field == "iban" }?.value
        == (try HostilePlatform.value("iban", HostilePlatform.mariasIBAN)))
    await #expect(throws: ClientError.self) {
      _ = try await h.fns.read(wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
    }
    hp.tally.finish("changed administration keys")
  }
}
