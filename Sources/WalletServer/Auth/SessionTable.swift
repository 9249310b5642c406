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
  private var handshakeNonces: [[UInt8]: Int64] = [:]
  private let daemonKey: SigningPublicKey

  public init(daemonKey: SigningPublicKey) { self.daemonKey = daemonKey }

  /// Opens a session from a signed handshake; the key comes back sealed to
  /// the caller's X25519 key, so a replayed handshake gives its replayer nothing.
  public func open(_ request: SessionRequest, at now: Int64) throws(APIError) -> SessionResponse {
    guard let message = try? PasetoV4Public.unverifiedMessage(of: request.token),
      let claims = try? JSONDecoder().decode(SessionRequestClaims.self, from: Data(message)),
      let key = try? Paserk.signingPublicKey(from: claims.key)
    else { throw .unauthenticated("malformed session request") }
    let verified: SessionRequestClaims
    do {
      verified = try SignedStatement.verify(
        request.token, type: SessionRequestClaims.type, publicKey: key, as: SessionRequestClaims.self)
    } catch { throw .unauthenticated("the session request does not verify") }
    guard verified.typ == SessionRequestClaims.type, let iat = Timestamp.parse(verified.iat),
      abs(iat - now) <= Self.allowedSkew
    else { throw .unauthenticated("the session request is too old or from the future; check the clock") }
    guard verified.nonce.bytes.count == 16, let encryptionKey = try? AgreementPublicKey(verified.encryptionKey.bytes)
    else { throw .unauthenticated("malformed session request") }
    let sessionKey = SymmetricKey()
    let sealed: [UInt8]
    do {
      sealed = try sessionKey.withUnsafeBytes { (bytes) throws(CryptoError) in
        try SealedBox.seal(Array(bytes), to: encryptionKey)
      }
    } catch { throw .unauthenticated("the encryption key is not acceptable") }
    let id = Encoding.base64URL(randomBytes(16))
    let expires = now + Self.lifetime
    lock.lock()
    defer { lock.unlock() }
    handshakeNonces = handshakeNonces.filter { $0.value > now - 2 * Self.allowedSkew }
    guard handshakeNonces[verified.nonce.bytes] == nil else {
      throw .unauthenticated("this session request was already used")
    }
    handshakeNonces[verified.nonce.bytes] = iat
    if sessions.count >= Self.maximumSessions { sessions = sessions.filter { $0.value.expires > now } }
    guard sessions.count < Self.maximumSessions else { throw .unavailable("too many sessions") }
    sessions[id] = Session(
      caller: Caller(signingKey: key, encryptionKey: encryptionKey), key: sessionKey, expires: expires)
    return SessionResponse(
      session: id, sealedKey: Bytes(sealed), expires: Timestamp.rfc3339(expires), daemonKey: Paserk.encode(daemonKey))
  }

  /// Authenticates one request; refuses an unknown or expired session, a wrong
  /// MAC, and a counter already used (replay).
  public func authenticate(
    session id: String, counter: UInt64, mac: [UInt8], method: String, path: String, body: [UInt8], at now: Int64
  ) throws(APIError) -> Caller {
    lock.lock()
    guard var session = sessions[id] else {
      lock.unlock()
      throw .unauthenticated("unknown session; open a new one")
    }
    lock.unlock()
    guard session.expires > now else { throw .unauthenticated("the session has expired; open a new one") }
    let expected = RequestAuthentication.mac(key: session.key, method: method, path: path, counter: counter, body: body)
    guard constantTimeEquals(expected, mac) else { throw .unauthenticated("the request signature does not match") }
    lock.lock()
    defer { lock.unlock() }
    // Re-read under the lock: another request of the session may have moved the window.
    guard let current = sessions[id] else { throw .unauthenticated("unknown session; open a new one") }
    session = current
    guard session.window.accept(counter) else { throw .unauthenticated("this request was already received (replay)") }
    sessions[id] = session
    return session.caller
  }

  public var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return sessions.count
  }
}
