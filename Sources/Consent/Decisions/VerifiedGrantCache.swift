import Foundation
import PSPCrypto

/// Grants whose signature, chain and template verified, so that a later read
/// of the same token skips those checks (`spec/api.md` §7.17 step 4). Statuses
/// and times are not its business: the read decision checks them every time.
///
/// Bounded: at most `capacity` grants; when full, the least recently used one
/// goes. It keeps a grant's claims and a BLAKE2b-256 of its token, not the
/// token (half the memory): a lookup hits only for the very token that
/// verified, byte for byte up to BLAKE2b's collision resistance.
public final class VerifiedGrantCache: @unchecked Sendable {
  public let capacity: Int
  private let lock = NSLock()
  private var slots: [StatementID: Int] = [:]
  private var entries: [Entry] = []
  /// Most and least recently used slots; -1 when empty.
  private var newest = -1
  private var oldest = -1
  private var generationValue = 0

  private struct Entry {
    var digest: [UInt8]
    var claims: GrantClaims
    var issuedAt: Int64
    var notBefore: Int64
    var expires: Int64
    var newer = -1
    var older = -1
  }

  /// - Parameter capacity: grants kept at most; 0 keeps none.
  public init(capacity: Int) {
    self.capacity = max(0, capacity)
  }

  public var count: Int { lock.withLock { slots.count } }

  /// Changes at every `removeAll()`. Read it before verifying and pass it to
  /// `insert`: a grant verified under rules that changed meanwhile is not kept.
  public var generation: Int { lock.withLock { generationValue } }

  /// The grant `id` if `token` is the token it verified from; it becomes the
  /// most recently used.
  public func grant(_ id: StatementID, token: String) -> Grant? {
    guard let digest = Self.digest(token) else { return nil }
    return lock.withLock {
      guard let slot = slots[id], entries[slot].digest == digest else { return nil }
      moveToNewest(slot)
      let entry = entries[slot]
      return Grant(
        claims: entry.claims, token: token, issuedAt: entry.issuedAt, notBefore: entry.notBefore,
        expires: entry.expires)
    }
  }

  /// Keeps `grant`, which the caller has just verified, unless the cache was
  /// emptied since `generation` was read.
  public func insert(_ grant: Grant, generation: Int) {
    guard capacity > 0, let digest = Self.digest(grant.token) else { return }
    let entry = Entry(
      digest: digest, claims: grant.claims, issuedAt: grant.issuedAt,
      notBefore: grant.notBefore, expires: grant.expires)
    lock.withLock {
      guard generation == generationValue else { return }
      if let slot = slots[grant.id] {
        entries[slot].digest = entry.digest
        entries[slot].claims = entry.claims
        entries[slot].issuedAt = entry.issuedAt
        entries[slot].notBefore = entry.notBefore
        entries[slot].expires = entry.expires
        moveToNewest(slot)
        return
      }
      let slot: Int
      if entries.count < capacity {
        slot = entries.count
        entries.append(entry)
      } else {
        // Full: the least recently used slot is reused.
        slot = oldest
        slots[entries[slot].claims.jti] = nil
        unlink(slot)
        entries[slot] = entry
      }
      slots[grant.id] = slot
      linkAsNewest(slot)
    }
  }

  /// Forgets every grant (the registry changed: templates or keys may have).
  public func removeAll() {
    lock.withLock {
      slots = [:]
      entries = []
      newest = -1
      oldest = -1
      generationValue += 1
    }
  }

  /// nil if libsodium failed: then nothing is looked up or kept (never a
  /// shared empty digest that every token would match).
  private static func digest(_ token: String) -> [UInt8]? {
    try? BLAKE2b.hash([Array(token.utf8)])
  }

  private func moveToNewest(_ slot: Int) {
    guard slot != newest else { return }
    unlink(slot)
    linkAsNewest(slot)
  }

  private func unlink(_ slot: Int) {
    let (newer, older) = (entries[slot].newer, entries[slot].older)
    if newer >= 0 { entries[newer].older = older } else { newest = older }
    if older >= 0 { entries[older].newer = newer } else { oldest = newer }
    entries[slot].newer = -1
    entries[slot].older = -1
  }

  private func linkAsNewest(_ slot: Int) {
    entries[slot].older = newest
    entries[slot].newer = -1
    if newest >= 0 { entries[newest].newer = slot }
    newest = slot
    if oldest < 0 { oldest = slot }
  }
}
