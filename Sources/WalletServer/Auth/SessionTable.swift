import Foundation
import PSPCrypto
import PSPWallet
import WalletAPI

/// walletd's sessions (`spec/api.md` §"Authentication"), in memory only: a
/// restart drops them all, so a request recorded before a restart can never be
/// replayed after it. A handshake costs one Ed25519 verification and one
/// sealed box; every later request one keyed BLAKE2b and a bit test.
public final class SessionTable: @unchecked Sendable {
  struct Session {
    let caller: Caller
    let key: SymmetricKey
    let expires: Int64
    var window = ReplayWindow()
  }

  public static let lifetime: Int64 = 15 * 60
  /// How far a handshake's `iat` may be from walletd's clock.
  public static let allowedSkew: Int64 = 120
  public static let maximumSessions = 100_000

  private let lock = NSLock()
  private var sessions: [String: Session] = [:]
  private var nonces = HandshakeNonces()
  let daemonKey: SigningPublicKey

  public init(daemonKey: SigningPublicKey) { self.daemonKey = daemonKey }

  /// Opens a session from a signed handshake; the key comes back sealed to
  /// the caller's X25519 key, so a replayed handshake gives its replayer nothing.
  public func open(_ request: SessionRequest, at now: Int64) throws(APIError) -> SessionResponse {
    let handshake = try Self.verify(request, at: now)
    let (sessionKey, sealed) = try Self.newKey(for: handshake.caller)
    let id = Self.newID()
    let expires = now + Self.lifetime
    lock.lock()
    defer { lock.unlock() }
    try nonces.use(handshake, at: now)
    if sessions.count >= Self.maximumSessions {
      sessions = sessions.filter { $0.value.expires > now }
    }
    guard sessions.count < Self.maximumSessions else { throw .unavailable("too many sessions") }
    sessions[id] = Session(caller: handshake.caller, key: sessionKey, expires: expires)
    return Self.response(id: id, sealed: sealed, expires: expires, daemonKey: daemonKey)
  }

  /// A handshake that verifies: its caller, nonce and time.
  struct Handshake {
    let caller: Caller
    let nonce: [UInt8]
    let iat: Int64
  }

  /// Checks a session request: signed by the key it names, recent, well formed.
  static func verify(_ request: SessionRequest, at now: Int64) throws(APIError) -> Handshake {
    guard let message = try? PasetoV4Public.unverifiedMessage(of: request.token),
      let claims = try? JSONDecoder().decode(SessionRequestClaims.self, from: Data(message)),
      let key = try? Paserk.signingPublicKey(from: claims.key)
    else { throw .unauthenticated("malformed session request") }
    let verified: SessionRequestClaims
    do {
      verified = try SignedStatement.verify(
        request.token, type: SessionRequestClaims.type, publicKey: key,
        as: SessionRequestClaims.self)
    } catch { throw .unauthenticated("the session request does not verify") }
    guard verified.typ == SessionRequestClaims.type, let iat = Timestamp.parse(verified.iat),
      abs(iat - now) <= Self.allowedSkew
    else {
      throw .unauthenticated("the session request is too old or from the future; check the clock")
    }
    guard verified.nonce.bytes.count == 16,
      let encryptionKey = try? AgreementPublicKey(verified.encryptionKey.bytes)
    else { throw .unauthenticated("malformed session request") }
    return Handshake(
      caller: Caller(signingKey: key, encryptionKey: encryptionKey), nonce: verified.nonce.bytes,
      iat: iat)
  }

  /// A fresh session key, and the same sealed to the caller.
  static func newKey(for caller: Caller) throws(APIError) -> (SymmetricKey, [UInt8]) {
    let sessionKey = SymmetricKey()
    do {
      let sealed = try sessionKey.withUnsafeBytes { (bytes) throws(CryptoError) in
        try SealedBox.seal(Array(bytes), to: caller.encryptionKey)
      }
      return (sessionKey, sealed)
    } catch { throw .unauthenticated("the encryption key is not acceptable") }
  }

  /// A session in force, and the request's MAC under its key.
  static func check(
    key: SymmetricKey, expires: Int64, mac: [UInt8], method: String, path: String,
    counter: UInt64, body: [UInt8], at now: Int64
  ) throws(APIError) {
    guard expires > now else { throw .unauthenticated("the session has expired; open a new one") }
    let expected = RequestAuthentication.mac(
      key: key, method: method, path: path, counter: counter, body: body)
    guard constantTimeEquals(expected, mac) else {
      throw .unauthenticated("the request signature does not match")
    }
  }

  static func newID() -> String { Encoding.base64URL(randomBytes(16)) }

  /// The handshake's answer: the session, its key sealed to the caller, its end, walletd's key.
  static func response(
    id: String, sealed: [UInt8], expires: Int64, daemonKey: SigningPublicKey
  ) -> SessionResponse {
    SessionResponse(
      session: id, sealedKey: Bytes(sealed), expires: Timestamp.rfc3339(expires),
      daemonKey: Paserk.encode(daemonKey))
  }

  /// Authenticates one request; refuses an unknown or expired session, a wrong
  /// MAC, and a counter already used (replay).
  public func authenticate(
    session id: String, counter: UInt64, mac: [UInt8], method: String, path: String, body: [UInt8],
    at now: Int64
  ) throws(APIError) -> Caller {
    lock.lock()
    guard var session = sessions[id] else {
      lock.unlock()
      throw .unauthenticated("unknown session; open a new one")
    }
    lock.unlock()
    try Self.check(
      key: session.key, expires: session.expires, mac: mac, method: method, path: path,
      counter: counter, body: body, at: now)
    lock.lock()
    defer { lock.unlock() }
    // Re-read under the lock: another request of the session may have moved the window.
    guard let current = sessions[id] else {
      throw .unauthenticated("unknown session; open a new one")
    }
    session = current
    guard session.window.accept(counter) else {
      throw .unauthenticated("this request was already received (replay)")
    }
    sessions[id] = session
    return session.caller
  }

  public var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return sessions.count
  }
}

/// The nonces of the handshakes of the last few minutes: each is accepted once.
struct HandshakeNonces {
  private var seen: [[UInt8]: Int64] = [:]

  mutating func use(_ handshake: SessionTable.Handshake, at now: Int64) throws(APIError) {
    seen = seen.filter { $0.value > now - 2 * SessionTable.allowedSkew }
    guard seen[handshake.nonce] == nil else {
      throw .unauthenticated("this session request was already used")
    }
    seen[handshake.nonce] = handshake.iat
  }
}
