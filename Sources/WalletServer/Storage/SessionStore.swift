/// The sessions several walletd share (`spec/api.md` §9.2): opened by one,
/// used on any. A session's key is kept wrapped under a key only walletd
/// holds; its used counters are kept until the session expires.
public protocol SessionStore: Sendable {
  func keep(_ session: StoredSession) async throws
  /// The session `id`, if it is kept.
  func session(_ id: String) async throws -> StoredSession?
  /// Marks `counter` of session `id` used.
  func use(counter: Int64, of id: String, at now: Int64) async throws -> CounterUse
  /// Forgets the sessions expired by `now`, with their counters; answers how many are left.
  func forget(expiredBy now: Int64) async throws -> Int
}

/// One session as kept: the caller's keys, the session key wrapped
/// (XChaCha20-Poly1305, bound to the rest of the row), its end.
public struct StoredSession: Sendable, Equatable {
  public let id: String
  public let signingKey: [UInt8]
  public let encryptionKey: [UInt8]
  public let wrappedKey: [UInt8]
  public let expires: Int64
}

public enum CounterUse: Sendable, Equatable {
  /// First use: the request goes on.
  case fresh
  /// Used before: a replay.
  case used
  /// No such session (expired and forgotten, or the server's sessions were lost).
  case unknownSession
}
