/// What an error may show of a token or PASERK that does not carry the expected
/// header: the header it carries instead (`v4.local.`, `k4.secret.`), if it has
/// the shape of one, and never anything after it. The rest of the string may be
/// a key or a signed message, and errors carry neither.
enum ForeignHeader {
  static func describe(_ text: some StringProtocol) -> String {
    let parts = Array(text.utf8).split(
      separator: UInt8(ascii: "."), maxSplits: 2, omittingEmptySubsequences: false)
    // A header is `<letter><digit>.<purpose>.`; base64url has no ".", so a key
    // or payload without its dots cannot pass for one.
    guard parts.count == 3, parts[0].count == 2, parts[1].count <= 8,
      let letter = parts[0].first, isASCIILetter(letter),
      let digit = parts[0].last, digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9"),
      !parts[1].isEmpty, parts[1].allSatisfy(isASCIILetter)
    else { return "no recognisable header" }
    let version = String(decoding: parts[0], as: UTF8.self)
    let purpose = String(decoding: parts[1], as: UTF8.self)
    return "\(version).\(purpose).…"
  }

  private static func isASCIILetter(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
      || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
  }
}
