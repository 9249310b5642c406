import ArgumentParser
import PSPCrypto

@main
struct WalletDaemon: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walletd",
    abstract: "The PSP daemon (not yet serving: see the walletd issue).",
    version: PSPVersion.current
  )

  func run() throws {
    print("walletd \(PSPVersion.current)")
  }
}
