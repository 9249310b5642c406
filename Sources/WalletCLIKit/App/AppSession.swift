import Foundation
import PSPCrypto
import PSPWallet

/// The one person the app serves, and what makes a request theirs: the
/// one-time token printed in the address (exchanged once for the session
/// cookie), the session cookie, and the anti-forgery token every form carries.
/// The keystore is unlocked here, in this process, never in the page, and
/// locked again after `idleLimit` seconds without a request.
actor AppSession {
  private var oneTimeToken: String?
  let cookie: String
  let csrf: String
  let idleLimit: Int64
  /// The printed address works once, and only this long after the start.
  let tokenLimit: Int64
  private let started = Int64(Date().timeIntervalSince1970)
  private var acting: Acting?
  private var lastSeen: Int64 = 0
  /// Locks when the person has been idle for `idleLimit`, request or not.
  private var watcher: Task<Void, Never>?

  init(idleLimit: Int64 = 15 * 60, tokenLimit: Int64 = 10 * 60) {
    oneTimeToken = Self.random()
    cookie = Self.random()
    csrf = Self.random()
    self.idleLimit = idleLimit
    self.tokenLimit = tokenLimit
  }

  /// 32 random bytes, base64url: nothing to guess.
  static func random() -> String { Encoding.base64URL(randomBytes(32)) }

  /// The token of the address printed once; nil once it was used.
  var token: String? { oneTimeToken }

  /// The address's token, taken once: a second use (a copied address) is refused.
  func redeem(_ token: String, now: Int64) -> Bool {
    guard let expected = oneTimeToken, now - started <= tokenLimit,
      Self.equal(token, expected)
    else { return false }
    oneTimeToken = nil
    return true
  }

  func isSession(_ value: String?) -> Bool {
    guard let value else { return false }
    return Self.equal(value, cookie)
  }

  func isForm(_ value: String?) -> Bool {
    guard let value else { return false }
    return Self.equal(value, csrf)
  }

  /// The identity unlocked, if it is, and not idle for too long (then locked).
  func unlocked(now: Int64) -> Acting? {
    if acting != nil, now - lastSeen > idleLimit { acting = nil }
    if acting != nil { lastSeen = now }
    return acting
  }

  func unlock(_ acting: Acting, now: Int64) {
    self.acting = acting
    lastSeen = now
    guard watcher == nil else { return }
    watcher = Task { [weak self] in
      while let self, let left = await self.idleLeft() {
        try? await Task.sleep(for: .seconds(left))
      }
    }
  }

  /// Seconds until the idle lock; nil once locked (the keys dropped now if
  /// the time has passed).
  private func idleLeft() -> Double? {
    let left = lastSeen + idleLimit - Int64(Date().timeIntervalSince1970)
    if acting == nil || left < 0 {
      acting = nil
      watcher = nil
      return nil
    }
    return Double(left) + 0.25
  }

  /// Whether an identity is unlocked (without counting as activity).
  var isUnlocked: Bool { acting != nil }

  func lock() { acting = nil }

  /// Drops the keys and stops watching (the server stops).
  func close() {
    acting = nil
    watcher?.cancel()
    watcher = nil
  }

  /// Constant-time comparison of two texts of public length.
  static func equal(_ a: String, _ b: String) -> Bool {
    let (x, y) = (Array(a.utf8), Array(b.utf8))
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
  }
}
