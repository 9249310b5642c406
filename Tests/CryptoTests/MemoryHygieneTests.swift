import PSPCrypto
import Testing

/// walletd and wallet-cli call `MemoryHygiene.disableCoreDumps()` first thing;
/// this checks what the call does, in this (test) process.
@Suite("Memory hygiene")
struct MemoryHygieneTests {
  @Test func coreDumpsAreDisabled() {
    #expect(MemoryHygiene.disableCoreDumps())
    #expect(!MemoryHygiene.coreDumpsPossible)
  }
}
