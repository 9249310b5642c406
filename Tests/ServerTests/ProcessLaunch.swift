import Foundation

/// Starts the tests' processes one at a time. Two CI runs crashed in
/// Foundation's `Process.run()` (a memcpy from a bad pointer). The likely cause
/// is swift-corelibs-foundation's over-read of `d_name` in
/// `findMaximumOpenFromProcSelfFD()` (fixed upstream in PR #5472, not in Swift
/// 6.3.1), which depends on this process's open descriptors, not on other
/// starts; this lock does not prevent it. The way out is to start the tests'
/// programs with `posix_spawn` directly.
enum ProcessLaunch {
  private static let lock = NSLock()

  static func run(_ process: Process) throws {
    try lock.withLock { try process.run() }
  }

  /// `system(3)` under the same lock (it waits for the command to end).
  static func system(_ command: String) -> Int32 {
    lock.withLock { Glibc.system(command) }
  }
}
