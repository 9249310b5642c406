import PSPConsent
import PSPWallet
import Testing

@testable import WalletServer

/// A wallet's log is appended to only under the lock its own transaction took
/// (`Storage/ServerStore.swift`): a token kept from another transaction, or an
/// entry of another wallet, is refused and nothing is written.
@Suite("Store: the wallet lock")
struct StoreLockTests {
  @Test func anAppendNeedsThisTransactionsLock() async throws {
    let directory = TestDirectory()
    let store = try SQLServerStore.sqlite(path: directory.path + "/walletd.sqlite")
    let (mine, other) = (WalletID(), WalletID())
    @Sendable func entry(_ wallet: WalletID) -> AccessLogEntry {
      AccessLogEntry(
        at: 1, wallet: wallet, actor: "k4.pid.x", role: .citizen, action: .walletOpened)
    }
    let kept = try await store.write(wallet: mine) { tx in try tx.lock(mine) }
    await #expect(throws: StoreError.notLocked) {
      try await store.write(wallet: mine) { tx in try tx.append(entry(mine), to: kept) }
    }
    await #expect(throws: StoreError.notLocked) {
      try await store.write(wallet: mine) { tx in try tx.append(entry(other), to: tx.lock(mine)) }
    }
    #expect(try await store.logPage(wallet: mine, start: 0, limit: 10).size == 0)
    #expect(try await store.logPage(wallet: other, start: 0, limit: 10).size == 0)
    let index = try await store.write(wallet: mine) { tx in try tx.append(entry(mine), to: tx.lock(mine)) }
    #expect(index == 0)
    #expect(try await store.logPage(wallet: mine, start: 0, limit: 10).size == 1)
    await store.stop()
  }
}
