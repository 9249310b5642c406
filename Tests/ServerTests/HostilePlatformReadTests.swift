import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// The FNS reads Maria's wallet through a platform that rewrites the read
/// answer: its own record of a field, no manifest or one it signed itself, an
/// older version, another grant's manifest. The FNS opens only what Maria's
/// latest manifest for the grant names, and shows nothing of a forged answer.
@Suite("Hostile platform: reads")
struct HostilePlatformReadTests {
  /// Attack (1) of issue 12: the platform seals its own IBAN to the FNS — a
  /// record with a fresh data key, correct associated data and commitment, a
  /// circle key of its own, and its own sealed key for this grant.
  @Test func aForgedValueIsRefused() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let grant = try await hp.fnsGrant()
    let fns = hp.fns()
    func read() async throws -> AdministrationClient.ReadResult {
      try await fns.read(wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
    }
    let iban = try HostilePlatform.value("iban", HostilePlatform.mariasIBAN)
    let honest = try await read()
    #expect(honest.values.first { $0.field == "iban" }?.value == iban)

    let served = try ReadAnswer(try #require(hp.proxy.lastAnswer("POST", "/v1/reads")))
    let real = try #require(served.record("iban"))
    let fnsKey = h.fnsID.encryptionKey.publicKey
    let fake = try HostilePlatform.value("iban", HostilePlatform.platformsIBAN)
    func forge(_ field: FieldID, like record: FieldRecord, version: UInt64, value: FieldValue)
      throws -> (FieldRecord, GrantKey)
    {
      let sealed = try FieldSealer.seal(
        value.encoded(), wallet: record.wallet, field: field, version: version,
        circle: try #require(FieldCatalogue.standard[field]).circle, circleKey: SymmetricKey(),
        circleEpoch: record.circleEpoch, createdAt: record.createdAt)
      return (
        sealed.record,
        try GrantKey.seal(sealed.dataKey, of: sealed.record, grant: grant.id, to: fnsKey)
      )
    }
    let (forged, forgedKey) = try forge(
      "iban", like: real, version: real.version, value: fake)
    let (newer, newerKey) = try forge(
      "iban", like: real, version: real.version + 1, value: fake)
    let (extra, extraKey) = try forge(
      "rent_amount", like: real, version: 1, value: try HostilePlatform.value("rent_amount", "1,00")
    )
    // A sound forgery: without the manifest, the FNS's key would open it.
    #expect(
      try FieldValue.decode(forgedKey.open(forged, with: h.fnsID.encryptionKey), type: .iban)
        == fake)
    // The manifest Maria would sign, signed by the platform: naming its record.
    let ownManifest = try SignedStatement.sign(
      GrantManifestClaims(
        wallet: hp.wallet, issuer: h.maria.publicIdentity.keyID, procuration: nil,
        grant: grant.id, seq: 2, issuedAt: h.now,
        records: [.init(field: "iban", version: forged.version, digest: try forged.digestText())]),
      type: GrantManifestClaims.type, with: hp.platform.signingKey)

    hp.proxy.rewrite(
      "POST", "/v1/reads", ReadAnswer.edit { $0.replace("iban", record: forged, key: forgedKey) })
    await hp.tally.refuses("the platform's iban record", .forged(.recordNotGranted("iban"))) {
      try await read()
    }
    hp.proxy.rewrite(
      "POST", "/v1/reads", ReadAnswer.edit { $0.replace("iban", record: newer, key: newerKey) })
    await hp.tally.refuses(
      "a newer iban version Maria never wrote", .forged(.recordNotGranted("iban"))
    ) {
      try await read()
    }
    hp.proxy.rewrite(
      "POST", "/v1/reads",
      ReadAnswer.edit {
        $0.replace("rent_amount", record: extra, key: extraKey)
      })
    await hp.tally.refuses(
      "a field the grant does not give", .forged(.recordNotGranted("rent_amount"))
    ) {
      try await read()
    }
    hp.proxy.rewrite(
      "POST", "/v1/reads",
      ReadAnswer.edit {
        $0.replace("iban", record: forged, key: forgedKey)
        $0.manifest = nil
      })
    await hp.tally.refuses("the platform's iban, the manifest removed", .forged(.manifestInvalid)) {
      try await read()
    }
    hp.proxy.rewrite(
      "POST", "/v1/reads",
      ReadAnswer.edit {
        $0.replace("iban", record: forged, key: forgedKey)
        $0.manifest = ownManifest
      })
    await hp.tally.refuses("the platform's iban, a manifest it signed", .forged(.manifestInvalid)) {
      try await read()
    }
    // Maria's grant, re-signed by the platform (its claims unchanged): with
    // its own manifest it would then give whatever it likes.
    let platformsGrant = try SignedStatement.sign(
      grant.claims, type: GrantClaims.type, with: hp.platform.signingKey)
    hp.proxy.rewrite(
      "POST", "/v1/reads",
      ReadAnswer.edit {
        $0.replace("iban", record: forged, key: forgedKey)
        $0.grant = platformsGrant
        $0.manifest = ownManifest
      })
    await hp.tally.refuses("a grant and a manifest the platform signed", .forged(.grantInvalid)) {
      try await read()
    }

    // Walletd honest again: Maria's IBAN, never the platform's.
    hp.proxy.stopRewriting()
    #expect(try await read().values.first { $0.field == "iban" }?.value == iban)
    hp.tally.finish("forged values")
  }

  /// Attack (3) of issue 12: the citizen's key swapped for the platform's, so
  /// that a decision's reasons would be sealed to it. The key comes from the
  /// consent receipt only: pinned, a receipt signed by another key is refused;
  /// on first contact, Maria's grant does not verify under the platform's key.
  @Test func aSubstitutedCitizenKeyIsRefused() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let grant = try await hp.fnsGrant()
    let pinned = hp.fns()
    let honest = try await pinned.read(
      wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
    #expect(honest.ownerEncryptionKey == h.maria.encryptionKey.publicKey)

    let acceptance = ConsentAcceptance(terms: .current, language: .french, acceptedAt: h.now)
    // A receipt for Maria's wallet, naming and signed by the platform.
    let platformsReceipt = try ConsentReceipt(
      wallet: hp.wallet, owner: hp.platform.publicIdentity, acceptance: acceptance
    ).signed(with: hp.platform.signingKey)
    // Maria's receipt as she signed it, but with the platform's X25519 key in
    // it, re-signed by the platform (it cannot sign as Maria).
    let swappedKey = try ConsentReceipt(
      wallet: hp.wallet,
      owner: PublicIdentity(
        kind: .citizen, signingKey: h.maria.signingKey.publicKey,
        encryptionKey: hp.platform.encryptionKey.publicKey), acceptance: acceptance
    ).signed(with: hp.platform.signingKey)
    // Sound: the platform's receipt verifies, under the platform's key.
    #expect(
      (try? ConsentReceipt.verify(
        platformsReceipt, wallet: hp.wallet, ownerKey: hp.platform.signingKey.publicKey)) != nil)
    // Maria's receipt with the platform's X25519 key, her signature kept.
    let read = try ReadAnswer(try #require(hp.proxy.lastAnswer("POST", "/v1/reads")))
    let keptSignature = try keepingSignature(read.consentReceipt) {
      $0["ownerEncryptionKey"] = Encoding.base64URL(hp.platform.encryptionKey.publicKey.bytes)
    }

    for (what, receipt) in [
      ("the platform's receipt", platformsReceipt), ("Maria's key, re-signed", swappedKey),
      ("Maria's signature kept", keptSignature),
    ] {
      hp.proxy.rewrite("POST", "/v1/reads", ReadAnswer.edit { $0.consentReceipt = receipt })
      await hp.tally.refuses("\(what), to a client that pinned Maria", .forged(.ownerKeyMismatch)) {
        try await pinned.read(wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
      }
    }
    // First contact: nothing pinned yet. The platform's receipt verifies under
    // its own key, but Maria's grant then does not.
    hp.proxy.rewrite("POST", "/v1/reads", ReadAnswer.edit { $0.consentReceipt = platformsReceipt })
    await hp.tally.refuses("the platform's receipt, on first contact", .forged(.grantInvalid)) {
      try await hp.fns(trust: hp.firstContactTrust()).read(
        wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
    }
    for (what, receipt) in [
      ("Maria's key, re-signed", swappedKey), ("Maria's signature kept", keptSignature),
    ] {
      hp.proxy.rewrite("POST", "/v1/reads", ReadAnswer.edit { $0.consentReceipt = receipt })
      await hp.tally.refuses("\(what), on first contact", .forged(.ownerKeyMismatch)) {
        try await hp.fns(trust: hp.firstContactTrust()).read(
          wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
      }
    }

    // The office social, reading a filing to decide on it, never gets a key
    // to seal the reasons to: nothing is posted, nothing sealed to the platform.
    let filing = try await h.citizen.file(
      purpose: "aide-sociale", at: "office-social-redange", at: h.now)
    let office = AdministrationClient(transport: hp.transport(h.officeID))
    hp.proxy.rewrite("POST", "/v1/reads", ReadAnswer.edit { $0.consentReceipt = platformsReceipt })
    await hp.tally.refuses("the platform's receipt, read to decide", .forged(.grantInvalid)) {
      let seen = try await office.read(
        wallet: hp.wallet, grant: try filingGrant(filing), purpose: "aide-sociale")
      try await office.decide(
        wallet: hp.wallet, filing: filing, outcome: .granted, motivation: "Aide accordée.",
        recourse: "Recours possible.", citizenKey: seen.ownerEncryptionKey, at: h.now + 60)
    }
    #expect(try hp.count("SELECT COUNT(*) FROM filing_responses") == 0)
    hp.tally.finish("substituted citizen key")
  }

  /// An older version served after a newer one was seen: the whole old
  /// answer (record, key, manifest 1) is a rolled-back manifest; the old
  /// record and key under the new manifest are not what it grants.
  @Test func anOlderVersionIsRefused() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let grant = try await hp.fnsGrant()
    let fns = hp.fns()
    func read() async throws -> AdministrationClient.ReadResult {
      try await fns.read(wallet: hp.wallet, grant: grant.id, purpose: "allocation-vie-chere")
    }
    #expect(try await read().manifestSeq == 1)
    let old = try #require(hp.proxy.lastAnswer("POST", "/v1/reads"))
    let moved = try HostilePlatform.value("iban", HostilePlatform.mariasNewIBAN)
    try await h.citizen.set([("iban", moved)], at: h.now + 60)
    let current = try await read()
    #expect(current.manifestSeq == 2)
    #expect(current.values.first { $0.field == "iban" }?.value == moved)
    let new = try #require(hp.proxy.lastAnswer("POST", "/v1/reads"))
    let oldRead = try ReadAnswer(old)
    let oldIBAN = try #require(oldRead.record("iban"))
    let oldKey = try #require(oldRead.keys.first { $0.field == "iban" })
    let newManifest = try ReadAnswer(new).manifest

    hp.proxy.rewrite("POST", "/v1/reads") { _ in old }
    await hp.tally.refuses(
      "the old answer whole (manifest 1)", .forged(.manifestRolledBack(seen: 2, served: 1))
    ) { try await read() }
    hp.proxy.rewrite(
      "POST", "/v1/reads", ReadAnswer.edit { $0.replace("iban", record: oldIBAN, key: oldKey) })
    await hp.tally.refuses(
      "the old iban under the new manifest", .forged(.recordNotGranted("iban"))
    ) {
      try await read()
    }
    hp.proxy.rewrite("POST", "/v1/reads", ReadAnswer.edit { $0.manifest = oldRead.manifest })
    await hp.tally.refuses(
      "the new records under the old manifest", .forged(.manifestRolledBack(seen: 2, served: 1))
    ) { try await read() }
    hp.proxy.rewrite("POST", "/v1/reads") { _ in
      var stale = try ReadAnswer(old)
      stale.manifest = newManifest
      return try stale.answer()
    }
    await hp.tally.refuses(
      "the old answer with the new manifest", .forged(.recordNotGranted("iban"))
    ) {
      try await read()
    }

    hp.proxy.stopRewriting()
    #expect(try await read().values.first { $0.field == "iban" }?.value == moved)
    hp.tally.finish("older versions")
  }

  /// A manifest Maria did sign, but for another grant to the same FNS (same
  /// wallet, same records): it does not name this grant.
  @Test func aManifestFromAnotherGrantIsRefused() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    let first = try await hp.fnsGrant()
    let second = try await hp.fnsGrant(days: 60)
    let fns = hp.fns()
    _ = try await fns.read(wallet: hp.wallet, grant: second.id, purpose: "allocation-vie-chere")
    let secondsAnswer = try #require(hp.proxy.lastAnswer("POST", "/v1/reads"))
    let secondsManifest = try #require(try ReadAnswer(secondsAnswer).manifest)
    // The same, as Maria's own client lists it.
    let listed = try #require(
      try await h.citizen.grants().first { $0.grant.id == second.id }?.manifest?.token)
    #expect(listed == secondsManifest)

    hp.proxy.rewrite("POST", "/v1/reads", ReadAnswer.edit { $0.manifest = secondsManifest })
    await hp.tally.refuses("another grant's manifest", .forged(.manifestInvalid)) {
      try await fns.read(wallet: hp.wallet, grant: first.id, purpose: "allocation-vie-chere")
    }
    // The other grant's whole answer (its grant, keys and manifest) for this one.
    hp.proxy.rewrite("POST", "/v1/reads") { _ in secondsAnswer }
    await hp.tally.refuses("another grant's whole answer", .forged(.grantInvalid)) {
      try await fns.read(wallet: hp.wallet, grant: first.id, purpose: "allocation-vie-chere")
    }
    hp.proxy.stopRewriting()
    _ = try await fns.read(wallet: hp.wallet, grant: first.id, purpose: "allocation-vie-chere")
    hp.tally.finish("replayed manifests")
  }
}
