import Foundation
import WalletCLIKit

/// The executable: everything else is in WalletCLIKit, where tests reach it.
@main
enum WalletCLIMain {
  static func main() async {
    // No core dumps: a crash must not write passphrases or keys to disk.
    var limit = rlimit(rlim_cur: 0, rlim_max: 0)
    setrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
    CLILogging.bootstrap()
    exit(await WalletCLI.execute(Array(CommandLine.arguments.dropFirst())))
  }
}
