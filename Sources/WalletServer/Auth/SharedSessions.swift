import Foundation
import Logging
import PSPCrypto
import PSPWallet
import WalletAPI

/// Sessions kept in the database several walletd share (`spec/api.md` §9.2):
/// a session opened on one walletd is used on any other, and each counter is
/// accepted once across all of them (the database's key on session and
/// counter decides). The session key is kept wrapped under a key derived from
/// walletd's own key, bound to the session's id, caller and end: a database
/// reader learns no session key, and a row edited (another caller's keys, a
/// later end) no longer opens. Sessions are cached here once read; every
/// counter still goes to the database.
final class SharedSessions: SessionAuthority, @unchecked Sendable {
  private struct Known {
    let caller: Caller
    let key: SymmetricKey
    let expires: Int64
  }

  private let store: any SessionStore
  private let logger: Logger
  private let wrapping: SymmetricKey
  private let daemonKey: SigningPublicKey
  private let lock = NSLock()
  private var nonces = HandshakeNonces()
  private var known: [String: Known] = [:]
  private var nextSweep: Int64 = 0
  /// Sessions in the database at the last sweep, and opened here since.
  private var kept = 0
  static let cached = 100_000
  static let label = Array("PSP-v1/session-key".utf8) + [0]

  init(store: any SessionStore, daemonKey: SigningKey, logger: Logger) throws {
    self.store = store
    self.logger = logger
    self.daemonKey = daemonKey.publicKey
    wrapping = try KeyDerivation.deriveKey(
      from: SymmetricKey(daemonKey.seed), context: .sessions)
  }

  func open(_ request: SessionRequest, at now: Int64) async throws(APIError) -> SessionResponse {
    let handshake = try SessionTable.verify(request, at: now)
    try useNonce(of: handshake, at: now)
    let (sessionKey, sealed) = try SessionTable.newKey(for: handshake.caller)
    let id = SessionTable.newID()
    let expires = now + SessionTable.lifetime
    let caller = handshake.caller
    do {
      let wrapped = try sessionKey.withUnsafeBytes { (bytes) throws(CryptoError) in
        try XChaCha20Poly1305.seal(
          Array(bytes), using: wrapping,
          authenticating: Self.boundData(id: id, caller: caller, expires: expires)
        ).combined
      }
      try await sweep(at: now)
      guard lock.withLock({ kept }) < SessionTable.maximumSessions else {
        throw APIError.unavailable("too many sessions")
      }
      try await store.keep(
        StoredSession(
          id: id, signingKey: caller.signingKey.bytes, encryptionKey: caller.encryptionKey.bytes,
          wrappedKey: wrapped, expires: expires))
    } catch let error as APIError {
      throw error
    } catch {
      throw unavailable("walletd cannot open a session now; try again in a moment", error)
    }
    lock.withLock { kept += 1 }
    remember(id, Known(caller: caller, key: sessionKey, expires: expires))
    return SessionTable.response(id: id, sealed: sealed, expires: expires, daemonKey: daemonKey)
  }

  func authenticate(
    session id: String, counter: UInt64, mac: [UInt8], method: String, path: String, body: [UInt8],
    at now: Int64
  ) async throws(APIError) -> Caller {
    guard let session = try await lookUp(id) else {
      throw .unauthenticated("unknown session; open a new one")
    }
    try SessionTable.check(
      key: session.key, expires: session.expires, mac: mac, method: method, path: path,
      counter: counter, body: body, at: now)
    guard counter > 0, let stored = Int64(exactly: counter) else {
      throw .unauthenticated("this request was already received (replay)")
    }
    let use: CounterUse
    do { use = try await store.use(counter: stored, of: id, at: now) } catch {
      throw unavailable("walletd cannot check this request now; try again in a moment", error)
    }
    switch use {
    case .fresh: return session.caller
    case .used: throw .unauthenticated("this request was already received (replay)")
    case .unknownSession:
      lock.withLock { known[id] = nil }
      throw .unauthenticated("unknown session; open a new one")
    }
  }

  private func useNonce(of handshake: SessionTable.Handshake, at now: Int64) throws(APIError) {
    lock.lock()
    defer { lock.unlock() }
    try nonces.use(handshake, at: now)
  }

  /// From the cache, or read and unwrapped; a row that does not unwrap is no session.
  private func lookUp(_ id: String) async throws(APIError) -> Known? {
    if let cached = lock.withLock({ known[id] }) { return cached }
    let row: StoredSession?
    do { row = try await store.session(id) } catch {
      throw unavailable("walletd cannot check this request now; try again in a moment", error)
    }
    guard let row, let signing = try? SigningPublicKey(row.signingKey),
      let encryption = try? AgreementPublicKey(row.encryptionKey),
      let box = try? XChaCha20Poly1305.SealedMessage(combined: row.wrappedKey)
    else { return nil }
    let caller = Caller(signingKey: signing, encryptionKey: encryption)
    guard
      var bytes = try? XChaCha20Poly1305.open(
        box, using: wrapping,
        authenticating: Self.boundData(id: id, caller: caller, expires: row.expires))
    else { return nil }
    defer { wipe(&bytes) }
    guard let key = try? SymmetricKey(copying: bytes) else { return nil }
    let session = Known(caller: caller, key: key, expires: row.expires)
    remember(id, session)
    return session
  }

  private func remember(_ id: String, _ session: Known) {
    lock.withLock {
      if known.count >= Self.cached { known = [:] }
      known[id] = session
    }
  }

  /// The client's answer for a database that failed; the operator's log line
  /// (the database's error names no value).
  private func unavailable(_ sentence: String, _ error: any Error) -> APIError {
    logger.error("the shared sessions could not be used", metadata: ["error": "\(error)"])
    return .unavailable(sentence)
  }

  /// At most once a minute, the expired sessions go (here and in the
  /// database), and the count of those left is read again: past
  /// `SessionTable.maximumSessions` (all walletd together), no session opens.
  private func sweep(at now: Int64) async throws {
    let due = lock.withLock {
      guard now >= nextSweep else { return false }
      nextSweep = now + 60
      known = known.filter { $0.value.expires > now }
      return true
    }
    if due {
      let left = try await store.forget(expiredBy: now)
      lock.withLock { kept = left }
    }
  }

  /// What the wrapped key is bound to: the label, the id, the caller's two keys, the end.
  static func boundData(id: String, caller: Caller, expires: Int64) -> [UInt8] {
    var data = label + Array(id.utf8) + [0]
    data += caller.signingKey.bytes + caller.encryptionKey.bytes
    withUnsafeBytes(of: UInt64(bitPattern: expires).bigEndian) { data += $0 }
    return data
  }
}
