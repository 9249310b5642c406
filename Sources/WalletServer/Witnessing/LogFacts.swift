import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet

/// What walletd's own log says, kept in memory (`spec/log.md` §7): the
/// one-shot statements used and the statements revoked, per wallet, read from
/// the log entries themselves (at start, from the whole log; then from each
/// epoch's new entries). A decision consults them beside the tables, so that
/// deleting a consumption or revocation row revives nothing: the log, which
/// the witnesses stop anyone from trimming, still holds it. Also the wallets
/// whose stored log no longer extends their witnessed head (damaged): their
/// writes are refused until the database is restored.
public final class LogFacts: @unchecked Sendable {
  private let lock = NSLock()
  private var used: [WalletID: Set<StatementID>] = [:]
  private var revoked: [WalletID: Set<StatementID>] = [:]
  private var damaged: [WalletID: String] = [:]

  public init() {}

  /// Reads one entry's bytes. Only allowed uses and revocations count; the
  /// action is the first member of the canonical bytes, so other entries are
  /// passed over without decoding.
  func learn(_ bytes: [UInt8]) {
    guard Self.mayMatter(bytes), let entry = try? AccessLogEntry.decode(canonical: bytes),
      entry.outcome == .allowed
    else { return }
    lock.lock()
    defer { lock.unlock() }
    switch entry.action {
    case .fieldsRead:
      if let grant = entry.grant { used[entry.wallet, default: []].insert(grant) }
    case .procurationUsed:
      if let procuration = entry.procuration { used[entry.wallet, default: []].insert(procuration) }
    case .grantRevoked:
      if let grant = entry.grant { revoked[entry.wallet, default: []].insert(grant) }
    case .procurationRevoked:
      if let procuration = entry.procuration {
        revoked[entry.wallet, default: []].insert(procuration)
      }
    default: return
    }
  }

  private static let prefixes: [[UInt8]] = [
    LogAction.fieldsRead, .procurationUsed, .grantRevoked, .procurationRevoked,
  ].map { Array("{\"action\":\"\($0.rawValue)\"".utf8) }

  static func mayMatter(_ bytes: [UInt8]) -> Bool {
    prefixes.contains { bytes.starts(with: $0) }
  }

  /// Whether the log holds a use of `statement` (a read under a grant, a use of a procuration).
  public func isUsed(_ statement: StatementID, wallet: WalletID) -> Bool {
    lock.withLock { used[wallet]?.contains(statement) ?? false }
  }

  public func isRevoked(_ statement: StatementID, wallet: WalletID) -> Bool {
    lock.withLock { revoked[wallet]?.contains(statement) ?? false }
  }

  /// Adds what the log says to a wallet's consent state: its revocations, and
  /// the uses of its one-shot procurations (a one-shot grant's use is checked
  /// where it is read, `isUsed`; a durable statement used is not consumed).
  func complete(_ state: inout ConsentState, wallet: WalletID) {
    lock.lock()
    defer { lock.unlock() }
    for id in used[wallet] ?? [] {
      guard let token = state.procurations[id],
        let message = try? PasetoV4Public.unverifiedMessage(of: token),
        let claims = try? JSONDecoder().decode(ProcurationClaims.self, from: Data(message)),
        claims.kind == .oneShot
      else { continue }
      state.consumed.insert(id)
    }
    if let ids = revoked[wallet] {
      state.revoked.formUnion(ids)
      state.paused.subtract(ids)
    }
  }

  func markDamaged(_ wallet: WalletID, why: String) { lock.withLock { damaged[wallet] = why } }

  public func damage(of wallet: WalletID) -> String? { lock.withLock { damaged[wallet] } }

  public var damagedCount: Int { lock.withLock { damaged.count } }
}
