import Foundation
import PSPConsent
import PSPWallet

// libFuzzer target for the record parsers: the canonical field value bytes
// (what a grantee decrypts), the JSON forms of stored records (field records,
// circle key envelopes, wallet rows, grant keys, export bundles), access log
// entries, and the operator's data files (field catalogue, aid templates,
// communes, administrations). The first byte chooses the parser.
//
// Besides "no crash, no hang", two properties of the formats are checked:
// a field value has one encoding (decode then encode gives back the same
// bytes), and a record's JSON decodes to the same value after a re-encoding.

private let parsers = 8

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecords(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let rest = Array(UnsafeBufferPointer(start: start + 1, count: count - 1))
  let json = Data(rest)
  switch Int(start[0]) % parsers {
  case 0:
    guard let typeByte = rest.first else { return 0 }
    let type = FieldType.allCases[Int(typeByte) % FieldType.allCases.count]
    let bytes = Array(rest.dropFirst())
    if let value = try? FieldValue.decode(bytes, type: type), value.encoded() != bytes {
      fatalError("a field value of type \(type.rawValue) has a second encoding")
    }
  case 1: checkRoundTrip(FieldRecord.self, json)
  case 2: checkRoundTrip(CircleKeyEnvelope.self, json)
  case 3: checkRoundTrip(WalletRecord.self, json)
  case 4: checkRoundTrip(GrantKey.self, json)
  case 5: _ = try? AccessLogEntry.decode(canonical: rest)
  case 6:
    _ = try? JSONDecoder().decode(WalletExport.self, from: json)
    checkRoundTrip(Administration.self, json)
  default:
    _ = try? FieldCatalogue(json: json)
    _ = try? TemplateCatalogue(json: json)
    _ = try? CommuneDirectory(json: json)
  }
  return 0
}

private func checkRoundTrip<T: Codable & Equatable>(_ type: T.Type, _ json: Data) {
  guard let value = try? JSONDecoder().decode(T.self, from: json) else { return }
  guard let again = try? JSONDecoder().decode(T.self, from: JSONEncoder().encode(value)),
    again == value
  else {
    fatalError("\(T.self) does not survive a JSON round trip")
  }
}
