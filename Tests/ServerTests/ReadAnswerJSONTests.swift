import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI

@testable import WalletServer

/// The read's answer is written by hand for speed; it must stay the very bytes
/// `JSONEncoder` writes (sorted keys, slashes unescaped), i.e. the shape the
/// OpenAPI document gives. And a body whose unknown members are checked by
/// name must list exactly the members its type encodes.
@Suite struct ReadAnswerJSONTests {
  private func encoderBytes(_ answer: ReadResponseBody) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(answer))
  }

  private func randomBytes(_ range: ClosedRange<Int>) -> [UInt8] {
    (0..<Int.random(in: range)).map { _ in UInt8.random(in: 0...255) }
  }

  private func answer(records count: Int, grant: String) throws -> ReadResponseBody {
    let wallet = WalletID()
    let grantID = StatementID()
    let fields = Array(FieldCatalogue.standard.fields.map(\.id).shuffled().prefix(count))
    let records = fields.map { field in
      FieldRecord(
        wallet: wallet, field: field, version: UInt64.random(in: 1...UInt64(UInt32.max)),
        circle: Circle.allCases.randomElement()!, circleEpoch: UInt32.random(in: 0...UInt32.max),
        ciphertext: randomBytes(0...300), commitment: randomBytes(32...32),
        wrappedDataKey: randomBytes(72...72),
        createdAt: Int64.random(in: -1_000_000...4_000_000_000))
    }
    let keys = records.map {
      GrantKey(
        grant: grantID, field: $0.field, version: $0.version, sealedKey: randomBytes(0...120))
    }
    let token = { "v4.public." + Encoding.base64URL(randomBytes(100...300)) + ".e30" }
    return ReadResponseBody(
      grant: grant, records: records, keys: keys, manifest: Bool.random() ? token() : nil,
      consentReceipt: token(),
      procurations: (0..<Int.random(in: 0...2)).map { _ in token() })
  }

  @Test func theWrittenAnswerIsByteForByteWhatJSONEncoderWrites() throws {
    for count in [0, 1, 5, 20] {
      for _ in 0..<25 {
        let token = "v4.public." + Encoding.base64URL(randomBytes(100...400)) + ".e30"
        let answer = try answer(records: count, grant: token)
        #expect(ReadAnswerJSON.bytes(answer) == (try encoderBytes(answer)))
      }
    }
  }

  @Test func stringsThatNeedEscapingAreEscapedAsJSONEncoderDoes() throws {
    for grant in [
      "a\"b", "back\\slash", "line\nfeed\r\t", "\u{00}\u{01}\u{0B}\u{1F}\u{08}\u{0C}", "del\u{7F}",
      "ls\u{2028}ps\u{2029}",
      "slash/ok", "é€😀",
    ] {
      let answer = try answer(records: 1, grant: grant)
      let written = ReadAnswerJSON.bytes(answer)
      #expect(written == (try encoderBytes(answer)), "\(grant.debugDescription)")
      let back = try JSONDecoder().decode(ReadResponseBody.self, from: Data(written))
      #expect(back.grant == grant)
    }
  }

  @Test func theReadBodyMembersAreThoseItsTypeEncodes() throws {
    let body = ReadRequestBody(
      wallet: WalletID(), grant: StatementID(), purpose: Purpose(rawValue: "tiers-payant-social")!,
      fields: [FieldID(rawValue: "matricule")!])
    let object = try #require(
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(body)) as? [String: Any])
    #expect(Set(object.keys) == ReadRequestBody.members)
  }

  @Test func anUnknownOrMisspeltMemberOfAReadBodyIsRefused() throws {
    let wallet = WalletID()
    let grant = StatementID()
    let good =
      #"{"wallet":"\#(wallet)","grant":"\#(grant.rawValue)","purpose":"tiers-payant-social"}"#
    #expect(throws: Never.self) {
      try StrictJSON.decode(ReadRequestBody.self, from: Array(good.utf8))
    }
    for bad in [
      #"{"wallet":"\#(wallet)","grant":"\#(grant.rawValue)","purpose":"tiers-payant-social","feilds":["matricule"]}"#,
      #"{"wallet":"\#(wallet)","grant":"\#(grant.rawValue)","purpose":"tiers-payant-social","extra":{}}"#,
    ] {
      #expect(throws: APIError.self) {
        try StrictJSON.decode(ReadRequestBody.self, from: Array(bad.utf8))
      }
    }
    // An explicit null for an unknown member is tolerated, as for every body.
    let withNull =
      #"{"wallet":"\#(wallet)","grant":"\#(grant.rawValue)","purpose":"tiers-payant-social","x":null}"#
    #expect(throws: Never.self) {
      try StrictJSON.decode(ReadRequestBody.self, from: Array(withNull.utf8))
    }
  }
}
