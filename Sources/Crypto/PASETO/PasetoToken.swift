/// The pieces of a PASETO string `header || payload [ "." footer ]`, split and
/// decoded strictly. Shared by v4.public and v4.local; the header is compared
/// exactly, so another version or purpose (`v3.public`, `v4.local`…) is refused
/// before any key is used.
struct PasetoToken {
  let payload: [UInt8]
  let footer: [UInt8]

  init(parsing token: String, header: String) throws(CryptoError) {
    guard token.hasPrefix(header) else {
      throw .invalidToken("expected a \(header)… token, got \(ForeignHeader.describe(token))")
    }
    let rest = token.dropFirst(header.count)
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else { throw .invalidToken("too many parts") }
    do {
      payload = try Encoding.fromBase64URL(parts[0])
      footer = parts.count == 2 ? try Encoding.fromBase64URL(parts[1]) : []
    } catch {
      throw .invalidToken("malformed base64url")
    }
    // An explicit empty footer ("….") is not the canonical form of no footer.
    if parts.count == 2 && footer.isEmpty { throw .invalidToken("empty footer part") }
  }

  static func serialise(header: String, payload: [UInt8], footer: [UInt8]) -> String {
    var token = header + Encoding.base64URL(payload)
    if !footer.isEmpty { token += "." + Encoding.base64URL(footer) }
    return token
  }

  /// Compares the token's footer to the expected one in constant time, when given.
  func checkFooter(_ expected: [UInt8]?) throws(CryptoError) {
    if let expected, !constantTimeEquals(expected, footer) {
      throw .invalidToken("footer does not match")
    }
  }
}

/// What a verified or decrypted token gives back.
public struct VerifiedToken: Sendable, Equatable {
  public let message: [UInt8]
  public let footer: [UInt8]
}
