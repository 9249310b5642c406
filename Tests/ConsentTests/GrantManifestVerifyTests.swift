import Foundation
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

/// `GrantManifest.verify`: the grantor's list of what a grant opens, for this
/// grant of this wallet, numbered from 1, each granted field at most once, sorted.
@Suite("Grant manifests: what they may list")
struct GrantManifestVerifyTests {
  let f: ConsentFixture
  init() throws { f = try ConsentFixture() }

  /// Maria signs a manifest for `grant` with the given members, by hand.
  func manifest(
    grant: StatementID, wallet: WalletID? = nil, seq: Int = 1, entries: [GrantManifestClaims.Entry]
  ) throws -> String {
    let claims = GrantManifestClaims(
      wallet: wallet ?? f.owner.walletID, issuer: f.maria.publicIdentity.keyID, procuration: nil,
      grant: grant, seq: seq, issuedAt: f.now, records: entries)
    return try SignedStatement.sign(
      claims, type: GrantManifestClaims.type, with: f.maria.signingKey)
  }

  func entries(_ fields: [FieldID]) throws -> [GrantManifestClaims.Entry] {
    try f.records(fields).map {
      .init(field: $0.field, version: $0.version, digest: try $0.digestText())
    }
  }

  @Test func firstAndNextManifestsVerify() throws {
    let issued = try f.fnsGrant()
    let first = try f.verifyManifest(try f.firstManifest(of: issued), grant: issued.grant)
    #expect(first.seq == 1)
    #expect(first.grant == issued.grant.id)
    #expect(
      first.claims.records == (try entries(issued.grant.fields)).sorted { $0.field < $1.field })
    // Maria updates her IBAN (and a field the grant does not give): the next
    // manifest replaces the IBAN's entry and leaves the rest.
    let (newIban, _) = try f.owner.set(
      "iban", circle: .moneyAndHousing, plaintext: Array("new".utf8), at: f.now + 1)
    let (rent, _) = try f.owner.set(
      "rent_amount", circle: .moneyAndHousing, plaintext: Array("900".utf8), at: f.now + 1)
    let nextToken = try GrantManifest.next(
      after: first, for: issued.grant, sealing: [newIban, rent], by: f.maria, procuration: nil,
      at: f.now + 1)
    let next = try f.verifyManifest(nextToken, grant: issued.grant)
    #expect(next.seq == 2)
    #expect(
      next.entry("iban") == .init(field: "iban", version: 2, digest: try newIban.digestText()))
    #expect(next.entry("rent_amount") == nil)
    #expect(next.claims.records.count == first.claims.records.count)
    #expect(next.entry("address") == first.entry("address"))
  }

  @Test func aManifestForAnotherGrantOrWalletIsRefused() throws {
    let issued = try f.fnsGrant()
    let other = try f.fnsGrant(fields: ["iban", "surname"])
    let token = try f.firstManifest(of: issued)
    #expect(throws: Forgery.manifestInvalid) { try f.verifyManifest(token, grant: other.grant) }
    // The same entries, naming the other grant: valid for it, not for this one.
    let renamed = try manifest(grant: other.grant.id, entries: entries(["iban", "surname"]))
    #expect(try f.verifyManifest(renamed, grant: other.grant).seq == 1)
    #expect(throws: Forgery.manifestInvalid) { try f.verifyManifest(renamed, grant: issued.grant) }
    // Signed by Maria for another wallet of hers, naming this grant.
    let elsewhere = WalletID()
    let otherWallet = try manifest(
      grant: issued.grant.id, wallet: elsewhere, entries: entries(["iban"]))
    #expect(throws: Forgery.manifestInvalid) {
      try f.verifyManifest(otherWallet, grant: issued.grant)
    }
    // ...and verified under that wallet's authority: the grant is not of that wallet.
    let authority = WalletAuthority(wallet: elsewhere, owner: f.maria.signingKey.publicKey)
    #expect(throws: Forgery.manifestInvalid) {
      try f.verifyManifest(otherWallet, grant: issued.grant, authority: authority)
    }
    // The genuine manifest, under another wallet's authority.
    #expect(throws: Forgery.manifestInvalid) {
      try f.verifyManifest(token, grant: issued.grant, authority: authority)
    }
  }

  @Test func aSequenceBelowOneIsRefused() throws {
    let issued = try f.fnsGrant()
    let fields = try entries(["iban"])
    for seq in [0, -1, -2, Int.min] {
      #expect(throws: Forgery.manifestInvalid, "seq \(seq)") {
        try f.verifyManifest(
          manifest(grant: issued.grant.id, seq: seq, entries: fields), grant: issued.grant)
      }
    }
    for seq in [GrantManifestClaims.maximumSeq + 1, Int.max] {
      #expect(throws: Forgery.manifestInvalid, "seq \(seq)") {
        try f.verifyManifest(
          manifest(grant: issued.grant.id, seq: seq, entries: fields), grant: issued.grant)
      }
    }
    for seq in [1, 2, 1_000, GrantManifestClaims.maximumSeq] {
      #expect(
        try f.verifyManifest(
          manifest(grant: issued.grant.id, seq: seq, entries: fields), grant: issued.grant
        ).seq == seq)
    }
  }

  @Test func ungrantedDuplicateOrUnsortedFieldsAreRefused() throws {
    let issued = try f.fnsGrant(fields: ["address", "iban", "surname"])
    let id = issued.grant.id
    let granted = try entries(["address", "iban", "surname"])
    // All three, a subset, none: fine.
    #expect(
      try f.verifyManifest(manifest(grant: id, entries: granted), grant: issued.grant).claims
        .records.count == 3)
    #expect(
      try f.verifyManifest(manifest(grant: id, entries: [granted[1]]), grant: issued.grant).seq == 1
    )
    #expect(try f.verifyManifest(manifest(grant: id, entries: []), grant: issued.grant).seq == 1)
    var refused: [(String, String)] = []
    // A field the grant does not give (in the template, and outside it).
    for field: FieldID in ["household_income", "rent_amount", "health_insurance_affiliation"] {
      refused.append(
        ("field \(field)", try manifest(grant: id, entries: granted + entries([field]))))
    }
    // The same field twice: two versions, or the very same entry.
    let iban = granted[1]
    let older = GrantManifestClaims.Entry(
      field: "iban", version: iban.version + 1, digest: iban.digest)
    refused.append(("iban twice", try manifest(grant: id, entries: granted + [older])))
    refused.append(("iban entry repeated", try manifest(grant: id, entries: granted + [iban])))
    // Unsorted: the claims' initialiser sorts, so the order is changed by hand.
    let sorted = try StatementTampering.object(ofToken: try manifest(grant: id, entries: granted))
    let list = try #require(sorted["records"] as? [Any])
    for order in [[1, 0, 2], [2, 1, 0], [0, 2, 1]] {
      var object = sorted
      object["records"] = order.map { list[$0] }
      refused.append(
        (
          "order \(order)",
          try StatementTampering.signRaw(
            object, type: GrantManifestClaims.type, with: f.maria.signingKey)
        ))
    }
    // The hand signing itself is sound: the sorted list signed the same way verifies.
    let resigned = try StatementTampering.signRaw(
      sorted, type: GrantManifestClaims.type, with: f.maria.signingKey)
    #expect(try f.verifyManifest(resigned, grant: issued.grant).claims.records == granted)
    for (name, token) in refused {
      #expect(throws: Forgery.manifestInvalid, "\(name)") {
        try f.verifyManifest(token, grant: issued.grant)
      }
    }
    var count = VariantCount("grant manifest: ungranted, duplicate, unsorted")
    count.add("manifests", refused.count)
    count.report()
  }

  /// A trustee signs manifests only of a grant it signed itself, under the
  /// same procuration: never of the owner's grants, whatever its actions, nor
  /// of its own grant under another of its procurations.
  @Test func aTrusteeManifestIsForItsOwnGrantOnly() throws {
    let marias = try f.fnsGrant()
    var count = VariantCount("grant manifest: a trustee's reach")
    for actions in [[.grant], [.grant, .update], [.grant, .file]] as [[ProcurationAction]] {
      let p = try f.trusteeProcuration(actions: actions)
      let own = try f.paulsGrant(under: p)
      let token = try f.firstManifest(of: own, signer: f.paul, procuration: p.id)
      let manifest = try f.verifyManifest(token, grant: own, state: f.state([p]))
      #expect(manifest.claims.iss == f.paul.publicIdentity.keyID, "\(actions)")
      #expect(manifest.claims.procuration == p.id)
      // The same signer and procuration, for Maria's grant: refused.
      let onMarias = try f.firstManifest(of: marias, signer: f.paul, procuration: p.id)
      #expect(throws: Forgery.manifestInvalid, "\(actions)") {
        try f.verifyManifest(onMarias, grant: marias.grant, state: f.state([p]))
      }
      // His own grant, under another procuration of his: refused.
      let other = try f.trusteeProcuration(actions: actions)
      let underOther = try f.firstManifest(of: own, signer: f.paul, procuration: other.id)
      #expect(throws: Forgery.manifestInvalid, "\(actions)") {
        try f.verifyManifest(underOther, grant: own, state: f.state([p, other]))
      }
      count.add("\(actions)", 2)
    }
    // Update alone (no grant of his own can exist) reaches no grant of Maria's.
    let updateOnly = try f.trusteeProcuration(actions: [.update])
    let token = try f.firstManifest(of: marias, signer: f.paul, procuration: updateOnly.id)
    #expect(throws: Forgery.manifestInvalid) {
      try f.verifyManifest(token, grant: marias.grant, state: f.state([updateOnly]))
    }
    count.add("update only", 1)
    count.report()
  }
}
