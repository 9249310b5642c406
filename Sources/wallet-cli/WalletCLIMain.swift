import Foundation
import PSPCrypto
import WalletCLIKit

/// The executable: everything else is in WalletCLIKit, where tests reach it.
@main
enum WalletCLIMain {
  static func main() async {
    // No core dumps: a crash must not write keys or passphrases to disk.
    MemoryHygiene.disableCoreDumps()
    CLILogging.bootstrap()
    exit(await WalletCLI.execute(Array(CommandLine.arguments.dropFirst())))
  }
}
