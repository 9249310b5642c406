import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// The answer to a read, written straight into JSON bytes. A read is the hot
/// path of walletd (benchmarked in BENCHMARKS.md), and `JSONEncoder` spent
/// more time on it than the decision and the database together. The bytes are
/// exactly those `Responses.json` would write for the same `ReadResponseBody`
/// (keys sorted, slashes not escaped): a test compares the two on many answers,
/// so the shape stays the one `spec/openapi.yaml` gives.
enum ReadAnswerJSON {
  static func bytes(_ answer: ReadResponseBody) -> [UInt8] {
    var out = JSONBytes()
    out.open("grant", first: true)
    out.string(answer.grant)
    out.open("keys")
    out.array(answer.keys) { out, key in
      out.open("field", first: true)
      out.string(key.field.rawValue)
      out.open("grant")
      out.string(key.grant.rawValue)
      out.open("sealedKey")
      out.base64URL(key.sealedKey)
      out.open("version")
      out.number(key.version)
      out.close()
    }
    out.open("ownerEncryptionKey")
    out.base64URL(answer.ownerEncryptionKey.bytes)
    out.open("records")
    out.array(answer.records) { out, record in
      out.open("ciphertext", first: true)
      out.base64URL(record.ciphertext)
      out.open("circle")
      out.number(record.circle.rawValue)
      out.open("circleEpoch")
      out.number(record.circleEpoch)
      out.open("commitment")
      out.base64URL(record.commitment)
      out.open("createdAt")
      out.number(record.createdAt)
      out.open("field")
      out.string(record.field.rawValue)
      out.open("version")
      out.number(record.version)
      out.open("wallet")
      out.string(record.wallet.description)
      out.open("wrappedDataKey")
      out.base64URL(record.wrappedDataKey)
      out.close()
    }
    out.close()
    return out.bytes
  }
}

/// A minimal JSON writer for the shapes above: objects whose members the
/// caller writes in sorted order, arrays of objects, strings, integers and
/// base64url byte strings. Strings are escaped as `JSONEncoder` escapes them.
struct JSONBytes {
  private(set) var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(4096) }

  /// Starts a member: `{"name":` for the first one of an object, `,"name":` after.
  mutating func open(_ name: String, first: Bool = false) {
    bytes.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
    string(name)
    bytes.append(UInt8(ascii: ":"))
  }

  mutating func close() { bytes.append(UInt8(ascii: "}")) }

  mutating func array<T>(_ items: [T], _ write: (inout JSONBytes, T) -> Void) {
    bytes.append(UInt8(ascii: "["))
    for (index, item) in items.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      write(&self, item)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  mutating func number(_ value: some BinaryInteger) { bytes.append(contentsOf: String(value).utf8) }

  /// base64url needs no escaping.
  mutating func base64URL(_ value: [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: Encoding.base64URL(value).utf8)
    bytes.append(UInt8(ascii: "\""))
  }

  mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    // Identifiers and tokens (the usual case) need no escaping: one copy.
    if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      bytes.append(contentsOf: value.utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
      case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
