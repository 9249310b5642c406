import Foundation
import PSPWallet
import Testing
import WalletClient

@testable import WalletServer

/// The bytes walletd's data takes (the benchmarks' bytes per wallet), on the
/// engine of this pass: more once wallets are added.
@Suite("walletd's data size")
struct StoreSizeTests {
  @Test func growsWithWallets() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let before = try await h.daemon.service.bytesStored()
    #expect(before > 0)
    for _ in 0..<20 {
      let citizen = try await CitizenClient.openWallet(
        h.transport(Identity(kind: .citizen)),
        acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: h.now))
      try await citizen.set(
        [("surname", try FieldCatalogue.standard["surname"]!.validate("Ferreira"))], at: h.now)
    }
    // SQLite counts pages in the file: fold the write-ahead log in first.
    if !TestStore.onPostgres {
      _ = try h.database().query("PRAGMA wal_checkpoint(TRUNCATE)")
    }
    #expect(try await h.daemon.service.bytesStored() > before)
  }
}
