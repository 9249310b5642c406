import PSPCrypto
import PSPWallet

/// Request authentication (`spec/api.md` §"Authentication").
///
/// A caller opens a session once with a request signed by its own Ed25519 key
/// (`SessionRequestClaims`, ≈ 50 µs to verify); walletd answers with a fresh
/// 32-byte session key sealed to the caller's X25519 key, so only the key's
/// holder can use the session. Every later request carries three headers:
/// `PSP-Session` (the session id), `PSP-Counter` (a number the caller never
/// reuses in that session) and `PSP-MAC`, a keyed BLAKE2b-256 (≈ 1 µs) over
/// `PAE(["PSP-v1/request", method, path, counter, body])`. walletd refuses an
/// unknown or expired session, a wrong MAC, and a counter already seen or
/// older than its window (replays), at the cost of a hash and a bit test.
public enum RequestAuthentication {
  public static let sessionHeader = "PSP-Session"
  public static let counterHeader = "PSP-Counter"
  public static let macHeader = "PSP-MAC"
  static let label = "PSP-v1/request"

  public static func mac(
    key: SymmetricKey, method: String, path: String, counter: UInt64, body: [UInt8]
  ) -> [UInt8] {
    let input = PreAuthenticationEncoding.encode([
      Array(label.utf8), Array(method.utf8), Array(path.utf8), Array(String(counter).utf8), body,
    ])
    return BLAKE2b.mac([input], key: key)
  }

  /// The three headers as a request carries them, parsed strictly: a session
  /// id, a counter of decimal digits without a leading zero that fits 64 bits,
  /// and a MAC in unpadded base64url. `nil` for anything else (missing,
  /// signed, padded, spaced, too large): the request is then unauthenticated.
  public static func parseHeaders(session: String?, counter: String?, mac: String?)
    -> (session: String, counter: UInt64, mac: [UInt8])?
  {
    guard let session, let counter, let mac,
      !counter.isEmpty, counter.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !counter.hasPrefix("0"),
      let number = UInt64(counter), let bytes = try? Encoding.fromBase64URL(mac)
    else { return nil }
    return (session, number, bytes)
  }
}

/// The signed request that opens a session, as `PSP-v1/session-request`.
public struct SessionRequestClaims: Sendable, Codable, Equatable {
  public static let type = "PSP-v1/session-request"
  public let typ: String
  /// `k4.public` of the caller's signing key (the token is signed by it).
  public let key: String
  /// The caller's X25519 key, to which the session key is sealed.
  public let encryptionKey: Bytes
  /// 16 random bytes: a handshake is never accepted twice.
  public let nonce: Bytes
  public let iat: String

  public init(key: SigningPublicKey, encryptionKey: AgreementPublicKey, at now: Int64) {
    typ = Self.type
    self.key = Paserk.encode(key)
    self.encryptionKey = Bytes(encryptionKey.bytes)
    nonce = Bytes(randomBytes(16))
    iat = Timestamp.rfc3339(now)
  }
}

public struct SessionRequest: Sendable, Codable {
  public let token: String
  public init(token: String) { self.token = token }
}

public struct SessionResponse: Sendable, Codable {
  public let session: String
  /// The session key sealed to the caller's X25519 key (`crypto_box_seal`).
  public let sealedKey: Bytes
  public let expires: String
  /// walletd's own key (`k4.public`), which signs checkpoints.
  public let daemonKey: String
  public init(session: String, sealedKey: Bytes, expires: String, daemonKey: String) {
    self.session = session
    self.sealedKey = sealedKey
    self.expires = expires
    self.daemonKey = daemonKey
  }
}
