import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing

/// The log entry's canonical bytes are written by hand (a write path of every
/// request); they must stay the bytes `JSONEncoder` writes with sorted keys and
/// unescaped slashes, which `spec/log.md` defines, for every kind of entry.
@Suite struct AccessLogEntryBytesTests {
  private func encoderBytes(_ entry: AccessLogEntry) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(entry))
  }

  @Test func canonicalBytesAreJSONEncodersForEveryShapeOfEntry() throws {
    let fields = FieldCatalogue.standard.fields.map(\.id)
    let purposes = TemplateCatalogue.standard.templates.map(\.purpose)
    let refusals: [ConsentRefusal?] = [nil, .revoked, .paused, .alreadyUsed, .expired, .fieldsNotGranted([fields[0]])]
    var compared = 0
    for action in LogAction.allCases {
      for role in PrincipalKind.allCases {
        for _ in 0..<6 {
          let entry = AccessLogEntry(
            at: Int64.random(in: 0...4_102_444_800), wallet: WalletID(),
            actor: Bool.random() ? "k4.pid." + Encoding.base64URL((0..<33).map { _ in UInt8.random(in: 0...255) }) : "a/b\"c\\d\n",
            role: role, action: action, purpose: Bool.random() ? purposes.randomElement() : nil,
            fields: Array(fields.shuffled().prefix(Int.random(in: 0...6))),
            grant: Bool.random() ? StatementID() : nil, procuration: Bool.random() ? StatementID() : nil,
            filing: Bool.random() ? StatementID() : nil, refusal: refusals.randomElement()!)
          #expect(entry.canonicalBytes() == (try encoderBytes(entry)))
          #expect(try AccessLogEntry.decode(canonical: entry.canonicalBytes()) == entry)
          compared += 1
        }
      }
    }
    #expect(compared == LogAction.allCases.count * PrincipalKind.allCases.count * 6)
  }
}
