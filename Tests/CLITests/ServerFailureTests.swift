import Foundation
import Testing

@testable import WalletCLIKit

@Suite("walletd unreachable")
struct ServerFailureTests {
  /// Nothing listens on port 1: a plain message naming the address, exit 1,
  /// and no wallet recorded as open.
  @Test func anUnreachableServerIsSaidPlainly() async throws {
    let folder = TemporaryFolder()
    let cli = CLIHarness(home: folder.path)
    try await cli.ok(["identity", "create", "--kind", "citizen", "--name", "maria"])
    let result = await cli.run(["wallet", "open", "--accept", "--server", "http://127.0.0.1:1"])
    #expect(result.code == 1)
    #expect(result.err == Messages.unreachable("http://127.0.0.1:1").rendered(in: .french) + "\n")
    let state = try HomeState.read(Home(explicit: nil, environment: ["PSP_HOME": folder.path]))
    #expect(state["maria"].wallet == nil)
  }

  @Test func theServerComesFromTheEnvironment() async throws {
    let folder = TemporaryFolder()
    var cli = CLIHarness(home: folder.path)
    cli.environment["PSP_SERVER"] = "http://127.0.0.1:1"
    try await cli.ok(["identity", "create", "--kind", "administration", "--name", "fns"])
    let result = await cli.run(["admin", "grants"])
    #expect(result.code == 1)
    #expect(
      result.err.hasPrefix("wallet-cli: walletd ne répond pas à l'adresse http://127.0.0.1:1."))
  }
}
