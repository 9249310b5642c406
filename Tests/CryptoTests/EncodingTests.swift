import PSPCrypto
import Testing

/// `Encoding` promises one text per value: unpadded base64url (RFC 4648 §5)
/// with zero unused bits, and lowercase hex. Every other spelling of a value is
/// refused, so a signed or MACed string cannot be re-spelled into a second valid one.
@Suite("Encoding strictness")
struct EncodingTests {
  func refusesBase64URL(_ text: String) -> Bool {
    (try? Encoding.fromBase64URL(text)) == nil
  }

  /// RFC 4648 §10, in the url-safe alphabet and without padding.
  @Test func rfc4648ExamplesRoundTrip() throws {
    let examples = [
      ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"),
      ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ]
    for (plain, encoded) in examples {
      #expect(Encoding.base64URL(Array(plain.utf8)) == encoded)
      #expect(try Encoding.fromBase64URL(encoded) == Array(plain.utf8))
    }
  }

  /// 0xfb 0xff encodes to "-_8" (url-safe), never "+/8" (standard alphabet).
  @Test func urlSafeAlphabetOnly() throws {
    #expect(Encoding.base64URL([0xFB, 0xFF]) == "-_8")
    #expect(try Encoding.fromBase64URL("-_8") == [0xFB, 0xFF])
    #expect(refusesBase64URL("+/8"))
    #expect(refusesBase64URL("-/8"))
    #expect(refusesBase64URL("+_8"))
  }

  @Test func paddingAndWhitespaceAreRefused() {
    for text in [
      "Zg==", "Zg=", "Zm8=", "Zm9v====", "=", "Zm 9v", " Zm9v", "Zm9v ", "Zm9v\n",
      "Zm9v\r\n", "Zm\t9v", "Zm9v\0", "Zm9v.", "Zm9vé",
    ] {
      #expect(refusesBase64URL(text), "\(text.debugDescription)")
    }
  }

  /// A length of 1 mod 4 leaves 6 bits, which cannot end a byte string.
  @Test func impossibleLengthsAreRefused() {
    for text in ["A", "Z", "AAAAA", "Zm9vY", "Zm9vYmFyZ"] {
      #expect(refusesBase64URL(text), "\(text)")
    }
  }

  /// The last character of a 2- or 3-character group carries 4 or 2 unused
  /// bits; only the spelling with those bits zero is accepted. "AA".."AP" all
  /// decode to 0x00 under a lax decoder; "AA" alone is canonical.
  @Test func nonZeroUnusedBitsAreRefused() throws {
    #expect(try Encoding.fromBase64URL("AA") == [0x00])
    for last in "BCDEFGHIJKLMNOP" {
      #expect(refusesBase64URL("A\(last)"), "A\(last)")
    }
    #expect(try Encoding.fromBase64URL("AAA") == [0x00, 0x00])
    for last in "BCD" {
      #expect(refusesBase64URL("AA\(last)"), "AA\(last)")
    }
    // The next canonical value after "AA" is "AQ" (0x01), after "AAA" is "AAE" (0x00 0x01).
    #expect(try Encoding.fromBase64URL("AQ") == [0x01])
    #expect(try Encoding.fromBase64URL("AAE") == [0x00, 0x01])
    // "Zm8" is "fo"; "Zm9" carries a set unused bit and is refused.
    #expect(refusesBase64URL("Zm9"))
  }

  /// Every byte string up to 5 bytes long over a few values, and every single
  /// character substitution of its encoding: exactly the canonical text decodes
  /// back to it.
  @Test func everyValueHasExactlyOneSpelling() throws {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    for length in 0...5 {
      let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 0x9D &+ 0x3B) }
      let text = Encoding.base64URL(bytes)
      #expect(try Encoding.fromBase64URL(text) == bytes)
      var chars = Array(text)
      for index in chars.indices {
        let original = chars[index]
        for replacement in alphabet where replacement != original {
          chars[index] = replacement
          if let decoded = try? Encoding.fromBase64URL(String(chars)) {
            #expect(decoded != bytes, "\(String(chars)) is a second spelling of \(text)")
            #expect(Encoding.base64URL(decoded) == String(chars))
          }
        }
        chars[index] = original
      }
    }
  }

  @Test func hexRoundTripsLowercase() throws {
    let bytes: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xAB, 0xFF]
    #expect(Encoding.hex(bytes) == "00017f80abff")
    #expect(try Encoding.fromHex("00017f80abff") == bytes)
    #expect(Encoding.hex([]) == "")
    #expect(try Encoding.fromHex("") == [])
  }

  @Test func malformedHexIsRefused() {
    for text in [
      "0", "abc", "0g", "g0", "zz", "0x00", " 00", "00 ", "00\n", "0 0", "00:11", "-1",
      "0\0", "éé",
    ] {
      #expect(throws: CryptoError.invalidEncoding(what: "hex"), "\(text.debugDescription)") {
        try Encoding.fromHex(text)
      }
    }
  }

  /// Uppercase is another spelling of the same bytes; the encoding is lowercase,
  /// so one value has one hex text and uppercase is refused.
  @Test func uppercaseHexIsRefused() {
    for text in ["AB", "aB", "Ab", "00FF", "DEADBEEF"] {
      #expect(throws: CryptoError.invalidEncoding(what: "hex"), "\(text)") {
        try Encoding.fromHex(text)
      }
    }
  }
}
