import Foundation

/// The standard base64 of RFC 4648 §4 (alphabet `+` `/`, `=` padding), which
/// every C2SP text uses; PSPCrypto's `Encoding` only has base64url.
///
/// Decoding is canonical: the text must be exactly what encoding the decoded
/// bytes gives back (padding present, no whitespace, zero unused bits), so
/// that each value has one text and parse-then-serialise is byte for byte.
enum StandardBase64 {
  static func encode(_ bytes: some Collection<UInt8>) -> String {
    Data(bytes).base64EncodedString()
  }

  static func decode(_ text: some StringProtocol) -> [UInt8]? {
    let text = String(text)
    guard let data = Data(base64Encoded: text) else { return nil }
    // Foundation is lenient about unused bits; the round trip is not.
    guard data.base64EncodedString() == text else { return nil }
    return [UInt8](data)
  }

  /// A 32-byte SHA-256 hash on one line (root hashes, proof lines).
  static func decodeHash(_ text: some StringProtocol) -> [UInt8]? {
    guard let bytes = decode(text), bytes.count == 32 else { return nil }
    return bytes
  }
}
