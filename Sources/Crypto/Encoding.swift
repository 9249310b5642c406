import CSodium

/// Lowercase hex and unpadded base64url (RFC 4648 §5), through libsodium's
/// constant-time codecs. Decoding is strict: no whitespace, no padding, no
/// non-zero trailing bits, no uppercase hex, so that each value has exactly one
/// encoding (PASETO and PASERK require it; so do our signed records).
public enum Encoding {
  public static func hex(_ bytes: some Collection<UInt8>) -> String {
    let input = Array(bytes)
    var out = [CChar](repeating: 0, count: input.count * 2 + 1)
    input.withUnsafeBufferPointer { inBuf in
      _ = sodium_bin2hex(&out, out.count, inBuf.baseAddress, inBuf.count)
    }
    return String(decoding: out.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  public static func fromHex(_ text: String) throws(CryptoError) -> [UInt8] {
    let utf8 = Array(text.utf8)
    // sodium_hex2bin also reads uppercase, a second text for the same bytes.
    guard utf8.count % 2 == 0, utf8.allSatisfy(isLowercaseHexCharacter) else {
      throw .invalidEncoding(what: "hex")
    }
    var out = [UInt8](repeating: 0, count: utf8.count / 2)
    var written = 0
    var end: UnsafePointer<CChar>? = nil
    let code = utf8.withUnsafeBufferPointer { inBuf in
      inBuf.withMemoryRebound(to: CChar.self) { chars in
        sodium_hex2bin(&out, out.count, chars.baseAddress, chars.count, nil, &written, &end)
      }
    }
    guard code == 0, written == out.count else { throw .invalidEncoding(what: "hex") }
    return out
  }

  public static func base64URL(_ bytes: some Collection<UInt8>) -> String {
    // Straight from the caller's storage into the string's: every request's
    // MAC header, key id and read answer goes through here.
    if let text = bytes.withContiguousStorageIfAvailable({ base64URL(raw: $0) }) { return text }
    return Array(bytes).withUnsafeBufferPointer { base64URL(raw: $0) }
  }

  private static func base64URL(raw input: UnsafeBufferPointer<UInt8>) -> String {
    let variant = Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)
    // The encoded length counts libsodium's terminating NUL, which the string leaves out.
    let length = sodium_base64_encoded_len(input.count, variant)
    return String(unsafeUninitializedCapacity: length) { out in
      out.withMemoryRebound(to: CChar.self) { chars in
        _ = sodium_bin2base64(chars.baseAddress!, chars.count, input.baseAddress, input.count, variant)
      }
      return length - 1
    }
  }

  public static func fromBase64URL(_ text: some StringProtocol) throws(CryptoError) -> [UInt8] {
    let utf8 = Array(text.utf8)
    // Anything other than the 64 url-safe characters (padding included) is refused.
    guard utf8.allSatisfy(isBase64URLCharacter) else { throw .invalidEncoding(what: "base64url") }
    // A length of 1 mod 4 cannot come from any byte string.
    guard utf8.count % 4 != 1 else { throw .invalidEncoding(what: "base64url") }
    var out = [UInt8](repeating: 0, count: utf8.count * 3 / 4 + 1)
    var written = 0
    var end: UnsafePointer<CChar>? = nil
    let variant = Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)
    let code = utf8.withUnsafeBufferPointer { inBuf in
      inBuf.withMemoryRebound(to: CChar.self) { chars in
        sodium_base642bin(&out, out.count, chars.baseAddress, chars.count, nil, &written, &end, variant)
      }
    }
    guard code == 0 else { throw .invalidEncoding(what: "base64url") }
    out.removeSubrange(written...)
    // Refuse non-canonical encodings (non-zero unused bits): re-encode and compare.
    guard base64URL(out).utf8.elementsEqual(utf8) else { throw .invalidEncoding(what: "base64url") }
    return out
  }

  private static func isLowercaseHexCharacter(_ c: UInt8) -> Bool {
    (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66)
  }

  private static func isBase64URLCharacter(_ c: UInt8) -> Bool {
    (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D
      || c == 0x5F
  }
}
