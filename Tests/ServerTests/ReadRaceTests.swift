import Foundation
import PSPConsent
import PSPWallet
import Testing
import WalletAPI
import WalletClient

@testable import WalletServer

/// A read decided before a change it depends on, and committed after it: the
/// change wins (api.md §7.17 step 7). walletd's test hook holds the read
/// between its decision and its write while the change is committed, so the
/// race is made to happen every time rather than hoped for.
@Suite("Reads racing a revocation, a pause or a closing")
struct ReadRaceTests {
  /// Paul, under a personalised procuration, grants the office the aide
  /// sociale fields for 30 days: the durable grant the office reads.
  func trusteeGrant(_ h: ServerHarness) async throws -> (Procuration, Grant) {
    let procuration = try await h.paulsPersonalisedProcuration([.grant], days: 60)
    let trustee = TrusteeClient(transport: h.transport(h.paul))
    let grant = try await trustee.grant(
      wallet: h.citizen.walletID, ownerKey: try await trustee.ownerKey(wallet: h.citizen.walletID),
      procuration: procuration, to: "office-social-redange", purpose: "aide-sociale",
      kind: .durable, days: 30,
      at: h.now)
    return (procuration, grant)
  }

  /// Starts a read of `grant` by the office, holds it once decided, runs
  /// `change`, then lets the read go on; returns its refusal code (nil: served).
  func readAcross(
    _ h: ServerHarness, grant: Grant, change: () async throws -> Void
  ) async throws -> String? {
    let gate = Gate()
    h.daemon.service.readDecided = { await gate.hold() }
    defer { h.daemon.service.readDecided = nil }
    let office = h.office
    let wallet = h.citizen.walletID
    let purpose = grant.claims.purpose
    let read = Task { () -> String? in
      do {
        _ = try await office.read(wallet: wallet, grant: grant.id, purpose: purpose)
        return nil
      } catch let error as ClientError {
        return error.code ?? error.description
      }
    }
    await gate.waitUntilHeld()
    try await change()
    await gate.release()
    return try await read.value
  }

  /// The entries of reads under `grant`, allowed and refused, after the first
  /// entry of `action`.
  func readsAfter(_ action: LogAction, in log: [AccessLogEntry], grant: Grant) throws
    -> [AccessLogEntry]
  {
    let index = try #require(log.firstIndex { $0.action == action })
    return log[index...].filter { $0.action == .fieldsRead && $0.grant == grant.id }
  }

  @Test func theProcurationOfItsGrantRevokedMeanwhile() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let (procuration, grant) = try await trusteeGrant(h)
    _ = try await h.office.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "aide-sociale")
    let refusal = try await readAcross(h, grant: grant) {
      try await h.citizen.revoke(procuration: procuration.id, at: h.now)
    }
    #expect(refusal == ConsentRefusal.procurationRevoked.code)
    let after = try readsAfter(.procurationRevoked, in: try await h.citizen.log(), grant: grant)
    #expect(after.count == 1)
    #expect(after.first?.outcome == .refused)
  }

  @Test func itsGrantPausedOrRevokedMeanwhile() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let grant = try await h.citizen.grant(
      to: "office-social-redange", purpose: "aide-sociale", kind: .durable, days: 30, at: h.now)
    let paused = try await readAcross(h, grant: grant) {
      try await h.citizen.change(grant, .pause, at: h.now)
    }
    #expect(paused == ConsentRefusal.paused.code)
    try await h.citizen.change(grant, .resume, at: h.now)
    _ = try await h.office.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "aide-sociale")
    let revoked = try await readAcross(h, grant: grant) {
      try await h.citizen.change(grant, .revoke, at: h.now)
    }
    #expect(revoked == ConsentRefusal.revoked.code)
    let after = try readsAfter(.grantRevoked, in: try await h.citizen.log(), grant: grant)
    #expect(after.map(\.outcome) == [.refused])
  }

  @Test func theWalletClosedMeanwhile() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let (_, grant) = try await trusteeGrant(h)
    let refusal = try await readAcross(h, grant: grant) { try await h.citizen.close(at: h.now) }
    #expect(refusal == "conflict")
    // Closing is the log's last word: the held read wrote nothing after it.
    let log = try await h.citizen.log()
    #expect(log.last?.action == .walletClosed)
    #expect(try readsAfter(.walletClosed, in: log, grant: grant).isEmpty)
  }
}

/// Holds the first caller of `hold()` until `release()`; later callers pass.
actor Gate {
  private var held: CheckedContinuation<Void, Never>?
  private var waiting: CheckedContinuation<Void, Never>?
  private var used = false

  func hold() async {
    guard !used else { return }
    used = true
    waiting?.resume()
    waiting = nil
    await withCheckedContinuation { held = $0 }
  }

  func waitUntilHeld() async {
    guard !used else { return }
    await withCheckedContinuation { waiting = $0 }
  }

  func release() {
    held?.resume()
    held = nil
  }
}
