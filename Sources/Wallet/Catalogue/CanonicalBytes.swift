/// The primitives of the canonical value encoding (see `FieldValue+Encoding`):
/// big-endian fixed-width integers and length-prefixed byte strings. There is
/// one way to write each value, and the reader accepts nothing else.
struct CanonicalWriter {
  private(set) var bytes: [UInt8] = []

  mutating func u8(_ v: UInt8) { bytes.append(v) }
  mutating func u16(_ v: UInt16) { bytes += [UInt8(v >> 8), UInt8(v & 0xFF)] }
  mutating func u32(_ v: UInt32) {
    for shift in stride(from: 24, through: 0, by: -8) {
      bytes.append(UInt8((v >> UInt32(shift)) & 0xFF))
    }
  }
  mutating func u64(_ v: UInt64) {
    for shift in stride(from: 56, through: 0, by: -8) {
      bytes.append(UInt8((v >> UInt64(shift)) & 0xFF))
    }
  }

  /// `u32 length || bytes`.
  mutating func data(_ v: [UInt8]) {
    precondition(v.count <= UInt32.max, "a canonical byte string holds at most 2^32-1 bytes")
    u32(UInt32(v.count))
    bytes += v
  }

  /// UTF-8 of a string already normalised by validation.
  mutating func string(_ v: String) { data(Array(v.utf8)) }

  mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }

  mutating func date(_ d: CalendarDate) {
    u16(UInt16(d.year))
    u8(UInt8(d.month))
    u8(UInt8(d.day))
  }

  /// `0x00` for absent, `0x01 || value` for present.
  mutating func optional<T>(_ v: T?, _ write: (inout CanonicalWriter, T) -> Void) {
    if let v {
      u8(1)
      write(&self, v)
    } else {
      u8(0)
    }
  }
}

struct CanonicalReader {
  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func u8() throws(FieldValueDecodingError) -> UInt8 {
    guard offset < bytes.count else { throw .truncated }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func u16() throws(FieldValueDecodingError) -> UInt16 {
    UInt16(try u8()) << 8 | UInt16(try u8())
  }

  mutating func u32() throws(FieldValueDecodingError) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<4 { v = v << 8 | UInt32(try u8()) }
    return v
  }

  mutating func u64() throws(FieldValueDecodingError) -> UInt64 {
    var v: UInt64 = 0
    for _ in 0..<8 { v = v << 8 | UInt64(try u8()) }
    return v
  }

  mutating func data() throws(FieldValueDecodingError) -> [UInt8] {
    let count = Int(try u32())
    // The length is checked against what is left before anything is allocated.
    guard count <= bytes.count - offset else { throw .truncated }
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  mutating func string() throws(FieldValueDecodingError) -> String {
    guard let s = String(validating: try data(), as: UTF8.self) else {
      throw .invalid("text that is not UTF-8")
    }
    return s
  }

  mutating func bool() throws(FieldValueDecodingError) -> Bool {
    switch try u8() {
    case 0: false
    case 1: true
    default: throw .invalid("a yes/no byte other than 0 or 1")
    }
  }

  mutating func date() throws(FieldValueDecodingError) -> CalendarDate {
    let year = Int(try u16())
    let month = Int(try u8())
    let day = Int(try u8())
    guard let date = CalendarDate(year: year, month: month, day: day),
      (CalendarDate.earliestYear...CalendarDate.latestYear).contains(year)
    else { throw .invalid("a date that does not exist or is out of range") }
    return date
  }

  /// Reads the presence byte of an optional: whether an item follows.
  mutating func present() throws(FieldValueDecodingError) -> Bool {
    switch try u8() {
    case 0: false
    case 1: true
    default: throw .invalid("a presence byte other than 0 or 1")
    }
  }

  /// The encoding is canonical only if nothing follows the value.
  func finish() throws(FieldValueDecodingError) {
    guard offset == bytes.count else { throw .trailingBytes }
  }
}
