import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// Maria lists her own records through a platform that rewrites the listing:
/// a record altered, one moved from another wallet (with that wallet owner's
/// valid statement), a statement dropped or signed by another key. Each record
/// must be covered by a statement of its author: else the listing is refused
/// (`recordNotAuthored`) and nothing of it is shown, opened or re-sealed.
@Suite("Hostile platform: records")
struct HostilePlatformRecordsTests {
  @Test func recordsNotWrittenByTheirAuthorAreRefused() async throws {
    let hp = try await HostilePlatform.start()
    defer { Task { await hp.stop() } }
    let h = hp.h
    // Maria writes iban again: its latest version has a statement of its own.
    let current = try HostilePlatform.value("iban", HostilePlatform.mariasNewIBAN)
    try await h.citizen.set([("iban", current)], at: h.now + 60)
    let maria = try await hp.citizen()
    let path = "/v1/wallets/\(hp.wallet)/fields"

    // Jean's wallet, with an iban and his own valid statement for it.
    let jean = Identity(kind: .citizen)
    let jeans = try await CitizenClient.openWallet(
      h.transport(jean),
      acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: h.now))
    try await jeans.set(
      [("iban", try HostilePlatform.value("iban", HostilePlatform.mariasIBAN))], at: h.now)
    let jeansListing = try await h.transport(jean).send(
      "GET", "/v1/wallets/\(jeans.walletID)/fields", as: RecordsView.self)
    let jeansIBAN = try #require(jeansListing.records.first { $0.field == "iban" })

    /// The statements of a listing that cover one of its iban records.
    @Sendable func coveringIBAN(_ listing: RecordsAnswer) throws -> Set<String> {
      let digests = Set(
        try listing.records.filter { $0.field == "iban" }.map { try $0.digestText() })
      return Set(
        try listing.statements.filter { token in
          let claims = try JSONDecoder().decode(
            RecordStatementClaims.self, from: Data(PasetoV4Public.unverifiedMessage(of: token)))
          return !digests.isDisjoint(with: claims.records)
        })
    }
    /// The statement of a listing's iban records, signed by the platform
    /// (naming itself, or naming Maria).
    @Sendable func resigned(_ listing: RecordsAnswer, issuer: String) throws -> String {
      try SignedStatement.sign(
        RecordStatementClaims(
          wallet: hp.wallet, issuer: issuer, procuration: nil, issuedAt: h.now,
          records: try listing.records.filter { $0.field == "iban" }.map { try $0.digestText() }),
        type: RecordStatementClaims.type, with: hp.platform.signingKey)
    }
    let moved = FieldRecord(
      wallet: hp.wallet, field: jeansIBAN.field, version: jeansIBAN.version,
      circle: jeansIBAN.circle, circleEpoch: jeansIBAN.circleEpoch,
      ciphertext: jeansIBAN.ciphertext, commitment: jeansIBAN.commitment,
      wrappedDataKey: jeansIBAN.wrappedDataKey, createdAt: jeansIBAN.createdAt)
    let forgeries: [(String, @Sendable (inout RecordsAnswer) throws -> Void)] = [
      (
        "a byte of the iban ciphertext changed",
        { listing in
          listing.records = listing.records.map { record in
            guard record.field == "iban" else { return record }
            var ciphertext = record.ciphertext
            ciphertext[ciphertext.count / 2] ^= 0x01
            return FieldRecord(
              wallet: record.wallet, field: record.field, version: record.version,
              circle: record.circle, circleEpoch: record.circleEpoch, ciphertext: ciphertext,
              commitment: record.commitment, wrappedDataKey: record.wrappedDataKey,
              createdAt: record.createdAt)
          }
        }
      ),
      (
        "Jean's iban record with Jean's statement",
        { listing in
          listing.records = listing.records.map { $0.field == "iban" ? jeansIBAN : $0 }
          listing.statements += jeansListing.statements
        }
      ),
      (
        "Jean's iban record relabelled as Maria's",
        { listing in
          listing.records = listing.records.map { $0.field == "iban" ? moved : $0 }
          listing.statements += jeansListing.statements
        }
      ),
      (
        "the iban statement dropped",
        { listing in
          let covering = try coveringIBAN(listing)
          listing.statements.removeAll { covering.contains($0) }
        }
      ),
      (
        "the iban statement signed by the platform",
        { listing in
          let covering = try coveringIBAN(listing)
          listing.statements.removeAll { covering.contains($0) }
          listing.statements.append(try resigned(listing, issuer: hp.platform.publicIdentity.keyID))
        }
      ),
      (
        "the iban statement in Maria's name, signed by the platform",
        { listing in
          let covering = try coveringIBAN(listing)
          listing.statements.removeAll { covering.contains($0) }
          listing.statements.append(try resigned(listing, issuer: h.maria.publicIdentity.keyID))
        }
      ),
    ]
    for (what, forgery) in forgeries {
      hp.proxy.rewrite("GET", path, RecordsAnswer.edit(forgery))
      await hp.tally.refuses("fields(): \(what)", .forged(.recordNotAuthored("iban"))) {
        try await maria.fields()
      }
      await hp.tally.refuses("history(iban): \(what)", .forged(.recordNotAuthored("iban"))) {
        try await maria.history("iban")
      }
    }

    // A trustee filing from the altered listing seals nothing.
    let procuration = try await h.paulsProcuration()
    let trustee = TrusteeClient(transport: hp.transport(h.paul))
    let ownerKey = try await trustee.ownerKey(wallet: hp.wallet)
    let before = try hp.storedConsent()
    hp.proxy.rewrite("GET", path, RecordsAnswer.edit(forgeries[0].1))
    await hp.tally.refuses("Paul's filing: \(forgeries[0].0)", .forged(.recordNotAuthored("iban")))
    {
      try await trustee.file(
        wallet: hp.wallet, ownerKey: ownerKey, procuration: procuration,
        purpose: "aide-sociale", at: "office-social-redange", at: h.now)
    }
    // Nor does Maria's own update (its grants' manifests name what she holds).
    await hp.tally.refuses("Maria's update: \(forgeries[0].0)", .forged(.recordNotAuthored("iban")))
    {
      try await maria.set(
        [("rent_amount", try HostilePlatform.value("rent_amount", "900,00"))], at: h.now)
    }
    #expect(try hp.storedConsent() == before)

    // Walletd honest again: Maria's latest IBAN, and both versions of it.
    hp.proxy.stopRewriting()
    #expect(try await maria.fields().first { $0.record.field == "iban" }?.value == current)
    #expect(try await maria.history("iban").count == 2)
    hp.tally.finish("records not authored")
  }
}
