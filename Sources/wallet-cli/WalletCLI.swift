import ArgumentParser
import PSPCrypto

@main
struct WalletCLI: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wallet-cli",
    abstract: "The PSP from the terminal: citizen, trustee, administration, operator.",
    version: PSPVersion.current,
    subcommands: [Demo.self]
  )
}
