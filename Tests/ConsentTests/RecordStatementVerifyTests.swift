import Foundation
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

/// `RecordStatement.verify`: a record is opened, re-sealed or shown only if a
/// statement of its author covers exactly it (`FieldRecord.digest`), for this
/// wallet, and — for a trustee — within the procuration.
@Suite("Records statements: what they cover")
struct RecordStatementVerifyTests {
  let f: ConsentFixture
  init() throws { f = try ConsentFixture() }

  func sign(_ records: [FieldRecord], by signer: Identity? = nil, procuration: StatementID? = nil)
    throws -> String
  {
    try RecordStatement.sign(
      records, wallet: f.owner.walletID, by: signer ?? f.maria, procuration: procuration, at: f.now)
  }

  /// `record` with one member replaced.
  static func changed(
    _ r: FieldRecord, wallet: WalletID? = nil, field: FieldID? = nil, version: UInt64? = nil,
    circle: Circle? = nil, epoch: UInt32? = nil, ciphertext: [UInt8]? = nil,
    commitment: [UInt8]? = nil, wrappedDataKey: [UInt8]? = nil, createdAt: Int64? = nil
  ) -> FieldRecord {
    FieldRecord(
      wallet: wallet ?? r.wallet, field: field ?? r.field, version: version ?? r.version,
      circle: circle ?? r.circle, circleEpoch: epoch ?? r.circleEpoch,
      ciphertext: ciphertext ?? r.ciphertext, commitment: commitment ?? r.commitment,
      wrappedDataKey: wrappedDataKey ?? r.wrappedDataKey, createdAt: createdAt ?? r.createdAt)
  }

  /// Every byte of `bytes` changed in turn (its lowest bit flipped), then the
  /// whole cut by one byte and lengthened by one.
  static func byteVariants(_ bytes: [UInt8]) -> [[UInt8]] {
    (0..<bytes.count).map { i in
      var copy = bytes
      copy[i] ^= 0x01
      return copy
    } + [Array(bytes.dropLast()), bytes + [0], []]
  }

  /// Every member of a record changed, one at a time.
  static func memberVariants(of r: FieldRecord) -> [(String, FieldRecord)] {
    var out: [(String, FieldRecord)] = []
    for (i, bytes) in byteVariants(r.ciphertext).enumerated() {
      out.append(("ciphertext #\(i)", changed(r, ciphertext: bytes)))
    }
    for (i, bytes) in byteVariants(r.commitment).enumerated() {
      out.append(("commitment #\(i)", changed(r, commitment: bytes)))
    }
    for (i, bytes) in byteVariants(r.wrappedDataKey).enumerated() {
      out.append(("wrappedDataKey #\(i)", changed(r, wrappedDataKey: bytes)))
    }
    for version in [r.version + 1, r.version - 1, r.version + 1 << 32, UInt64.max] {
      out.append(("version \(version)", changed(r, version: version)))
    }
    for createdAt in [r.createdAt + 1, r.createdAt - 1, -r.createdAt, Int64.max, 0] {
      out.append(("createdAt \(createdAt)", changed(r, createdAt: createdAt)))
    }
    for circle in Circle.allCases where circle != r.circle {
      out.append(("circle \(circle)", changed(r, circle: circle)))
    }
    for epoch in [r.circleEpoch + 1, r.circleEpoch - 1, UInt32.max] {
      out.append(("epoch \(epoch)", changed(r, epoch: epoch)))
    }
    for field: FieldID in ["surname", "account_holder", "iban2"] where field != r.field {
      out.append(("field \(field)", changed(r, field: field)))
    }
    out.append(("wallet", changed(r, wallet: WalletID())))
    return out
  }

  @Test func ownerAndTrusteeRecordsVerify() throws {
    let records = try f.records(["iban", "address"])
    let verified = try f.verifyRecords(records, statements: [sign(records)])
    #expect(verified.map(\.record) == records)
    #expect(
      verified.allSatisfy { $0.author == f.maria.publicIdentity.keyID && $0.procuration == nil })
    // Two writes, two statements, each record found in its own.
    let split = try f.verifyRecords(records, statements: [sign([records[1]]), sign([records[0]])])
    #expect(split.map(\.record) == records)
    // A trustee with `update` over the circle.
    let p = try f.trusteeProcuration(circle: .moneyAndHousing, actions: [.update])
    let byPaul = try f.verifyRecords(
      records, statements: [sign(records, by: f.paul, procuration: p.id)], state: f.state([p]))
    #expect(
      byPaul.allSatisfy { $0.author == f.paul.publicIdentity.keyID && $0.procuration == p.id })
    // No record, no statement needed.
    #expect(try f.verifyRecords([], statements: []).isEmpty)
  }

  @Test func aRecordWithoutItsStatementIsRefused() throws {
    let records = try f.records(["iban", "address"])
    #expect(throws: Forgery.recordNotAuthored("iban")) {
      try f.verifyRecords(records, statements: [])
    }
    // Covering one record does not cover the other.
    #expect(throws: Forgery.recordNotAuthored("address")) {
      try f.verifyRecords(records, statements: [sign([records[0]])])
    }
    // An older version signed does not cover the newer one.
    try f.owner.set("iban", circle: .moneyAndHousing, plaintext: Array("new iban".utf8), at: f.now)
    let history = try f.store.history(wallet: f.owner.walletID, field: "iban")
    #expect(history.count == 2)
    #expect(throws: Forgery.recordNotAuthored("iban")) {
      try f.verifyRecords([history[1]], statements: [sign([history[0]])])
    }
    #expect(try f.verifyRecords([history[0]], statements: [sign([history[0]])]).count == 1)
  }

  @Test func aRecordOfAnotherWalletIsRefused() throws {
    let iban = try #require(try f.records(["iban"]).first)
    let elsewhere = WalletID()
    let moved = Self.changed(iban, wallet: elsewhere)
    // Maria's statement for her wallet, naming the moved record's digest: the
    // record's wallet is not the one read.
    let covering = try RecordStatement.sign(
      [moved], wallet: f.owner.walletID, by: f.maria, procuration: nil, at: f.now)
    #expect(throws: Forgery.recordNotAuthored("iban")) {
      try f.verifyRecords([moved], statements: [covering])
    }
    // A statement for the other wallet, by its owner or even by Maria.
    let stranger = Identity(kind: .citizen)
    for signer in [stranger, f.maria] {
      let theirs = try RecordStatement.sign(
        [moved], wallet: elsewhere, by: signer, procuration: nil, at: f.now)
      #expect(throws: Forgery.recordNotAuthored("iban")) {
        try f.verifyRecords([moved], statements: [theirs])
      }
      #expect(throws: Forgery.recordNotAuthored("iban")) {
        try f.verifyRecords([iban], statements: [theirs])
      }
      // Even verified under that wallet's own authority, Maria's record is not in it.
      let authority = WalletAuthority(wallet: elsewhere, owner: signer.signingKey.publicKey)
      #expect(try f.verifyRecords([moved], statements: [theirs], authority: authority).count == 1)
      #expect(throws: Forgery.recordNotAuthored("iban")) {
        try f.verifyRecords([iban], statements: [sign([iban])], authority: authority)
      }
    }
  }

  @Test func aRecordWithAnyMemberChangedIsRefused() throws {
    let records = try f.records(["iban", "address", "surname"])
    let statement = try sign(records)
    let p = try f.trusteeProcuration(circle: .documents, actions: [.update])
    let byPaul = try sign(records, by: f.paul, procuration: p.id)
    var count = VariantCount("records: members changed")
    var failures: [String] = []
    var digests = Set(try records.map { try $0.digestText() })
    for (index, record) in records.enumerated() {
      let variants = Self.memberVariants(of: record)
      for (name, variant) in variants {
        // The digest binds the member...
        if !digests.insert(try variant.digestText()).inserted {
          failures.append("\(record.field) \(name): same digest")
        }
        // ...so neither the owner's statement nor the trustee's covers it,
        // alone or among the genuine records.
        var served = records
        served[index] = variant
        for (who, token, state) in [
          ("owner", statement, ConsentState()), ("trustee", byPaul, f.state([p])),
        ] {
          do throws(Forgery) {
            _ = try f.verifyRecords(served, statements: [token], state: state)
            failures.append("\(record.field) \(name) (\(who)): accepted")
          } catch {
            if error != .recordNotAuthored(variant.field) {
              failures.append("\(record.field) \(name) (\(who)): \(error)")
            }
          }
        }
      }
      count.add("\(record.field)", variants.count)
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
    count.report()
    #expect(count.total > 300)
  }

  @Test func aTrusteeRecordOutsideTheProcurationIsRefused() throws {
    let records = try f.records(["address", "iban", "surname"])
    let (address, iban, surname) = (records[0], records[1], records[2])
    // Up to the personal circle: address and surname, not the IBAN.
    let personal = try f.trusteeProcuration(circle: .personal, actions: [.update])
    let state = f.state([personal])
    let statement = try sign(records, by: f.paul, procuration: personal.id)
    #expect(
      try f.verifyRecords([address, surname], statements: [statement], state: state).count == 2)
    #expect(throws: Forgery.recordNotAuthored("iban")) {
      try f.verifyRecords([iban], statements: [statement], state: state)
    }
    #expect(throws: Forgery.recordNotAuthored("iban")) {
      try f.verifyRecords([address, iban, surname], statements: [statement], state: state)
    }
    // A record claiming an inner circle is another record: its digest differs.
    #expect(throws: Forgery.recordNotAuthored("iban")) {
      try f.verifyRecords(
        [Self.changed(iban, circle: .core)], statements: [statement], state: state)
    }
    // Without a circle, with `update` and `file`: only the fields of its purposes' templates.
    let template = try #require(f.rules.templates["aide-sociale"]).allowedFields
    let inside = try #require(ConsentFixture.circles.keys.sorted().first(where: template.contains))
    let outside = try #require(
      ConsentFixture.circles.keys.sorted().first { !template.contains($0) })
    let byPurpose = try f.trusteeProcuration(
      purposes: ["aide-sociale"], circle: nil, actions: [.update, .file])
    let both = try f.records([inside, outside])
    let purposeStatement = try sign(both, by: f.paul, procuration: byPurpose.id)
    #expect(
      try f.verifyRecords([both[0]], statements: [purposeStatement], state: f.state([byPurpose]))
        .count
        == 1)
    #expect(throws: Forgery.recordNotAuthored(outside)) {
      try f.verifyRecords([both[1]], statements: [purposeStatement], state: f.state([byPurpose]))
    }
    // `update` alone without a circle reaches nothing.
    let nothing = try f.trusteeProcuration(
      purposes: ["aide-sociale"], circle: nil, actions: [.update])
    let nothingStatement = try sign(both, by: f.paul, procuration: nothing.id)
    #expect(throws: Forgery.recordNotAuthored(inside)) {
      try f.verifyRecords([both[0]], statements: [nothingStatement], state: f.state([nothing]))
    }
    // The owner's own statement of the same records is not limited.
    #expect(try f.verifyRecords(records, statements: [sign(records)]).count == 3)
  }

  /// A statement over more records than one write may hold is ignored.
  @Test func anOversizedStatementIsIgnored() throws {
    let iban = try #require(try f.records(["iban"]).first)
    let filler = (0..<RecordStatementClaims.maximumRecords).map { i in
      Encoding.base64URL([UInt8](repeating: UInt8(i), count: 32))
    }
    func statement(_ digests: [String]) throws -> String {
      try SignedStatement.sign(
        RecordStatementClaims(
          wallet: f.owner.walletID, issuer: f.maria.publicIdentity.keyID, procuration: nil,
          issuedAt: f.now, records: digests),
        type: RecordStatementClaims.type, with: f.maria.signingKey)
    }
    let atLimit = try statement(Array(filler.dropLast()) + [iban.digestText()])
    #expect(try f.verifyRecords([iban], statements: [atLimit]).count == 1)
    let over = try statement(filler + [iban.digestText()])
    #expect(throws: Forgery.recordNotAuthored("iban")) {
      try f.verifyRecords([iban], statements: [over])
    }
  }

  /// Forged statements next to the genuine one change nothing; a forged one
  /// alone covers nothing.
  @Test func forgedStatementsBesideTheGenuineOneAreIgnored() throws {
    let records = try f.records(["iban", "address"])
    let genuine = try sign(records)
    let fake = FieldRecord(
      wallet: f.owner.walletID, field: "iban", version: records[0].version + 1,
      circle: .moneyAndHousing, circleEpoch: records[0].circleEpoch,
      ciphertext: [UInt8](repeating: 0xAA, count: 60),
      commitment: [UInt8](repeating: 0xBB, count: 32),
      wrappedDataKey: [UInt8](repeating: 0xCC, count: 72), createdAt: f.now)
    let forged = try RecordStatement.sign(
      [fake], wallet: f.owner.walletID, by: f.platform, procuration: nil, at: f.now)
    #expect(try f.verifyRecords(records, statements: [forged, genuine, genuine]).count == 2)
    #expect(throws: Forgery.recordNotAuthored("iban")) {
      try f.verifyRecords(records + [fake], statements: [forged, genuine])
    }
  }
}
