import PSPCrypto

/// A minimal JSON writer for the hot paths (the read answer, the access-log
/// entry), where `JSONEncoder` cost more than the work itself: objects whose members the
/// caller writes in sorted order, arrays of objects, strings, integers and
/// base64url byte strings. Strings are escaped as `JSONEncoder` escapes them.
public struct JSONBytes: Sendable {
  public private(set) var bytes: [UInt8] = []

  public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

  /// Starts a member: `{"name":` for the first one of an object, `,"name":` after.
  public mutating func open(_ name: String, first: Bool = false) {
    bytes.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
    string(name)
    bytes.append(UInt8(ascii: ":"))
  }

  public mutating func close() { bytes.append(UInt8(ascii: "}")) }

  public mutating func array<T>(_ items: [T], _ write: (inout JSONBytes, T) -> Void) {
    bytes.append(UInt8(ascii: "["))
    for (index, item) in items.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      write(&self, item)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  public mutating func number(_ value: some BinaryInteger) {
    bytes.append(contentsOf: String(value).utf8)
  }

  /// base64url needs no escaping.
  public mutating func base64URL(_ value: [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: Encoding.base64URL(value).utf8)
    bytes.append(UInt8(ascii: "\""))
  }

  public mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    // Identifiers and tokens (the usual case) need no escaping: one copy.
    func plain(_ byte: UInt8) -> Bool {
      byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }
    // Scanned as one contiguous buffer when the string has one (native strings do).
    let needsNoEscape =
      value.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(plain) }
      ?? value.utf8.allSatisfy(plain)
    if needsNoEscape {
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
