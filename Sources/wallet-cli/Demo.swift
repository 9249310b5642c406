import ArgumentParser
import PSPCrypto

/// The newcomer's first command. Until the daemon and the client exist (issues
/// walletd and wallet-cli), it says so plainly and shows the build works.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Play the whole PSP story on a local daemon (not yet available).")

  func run() throws {
    print("wallet-cli \(PSPVersion.current): built with libsodium.")
    print("The demo story needs walletd and the client; they are not built yet.")
  }
}
