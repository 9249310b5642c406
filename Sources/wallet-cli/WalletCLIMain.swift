import Foundation
import WalletCLIKit

/// The executable: everything else is in WalletCLIKit, where tests reach it.
@main
enum WalletCLIMain {
  static func main() async {
    CLILogging.bootstrap()
    exit(await WalletCLI.execute(Array(CommandLine.arguments.dropFirst())))
  }
}
