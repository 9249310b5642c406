import Foundation
import CSpawn
import Glibc

/// A program started with `posix_spawn`, for the few places that start one
/// (wallet-cli's browser, the tests' walletd, witnesses, tools).
///
/// Not Foundation's `Process`: in swift-corelibs-foundation up to Swift 6.3,
/// `Process.run()` reads past each `/proc/self/fd` entry's name while it counts
/// the descriptors to close, and crashed two CI runs with a bad memcpy
/// (fixed upstream in swiftlang/swift-corelibs-foundation PR #5472).
///
/// The child keeps only descriptors 0, 1 and 2: every other descriptor of this
/// process (listening sockets, database connections, log files) is closed in
/// it, so a server started here never holds a port or file of its parent.
public final class ChildProcess: Sendable {
  /// Where the child's standard output goes.
  public enum Output: Sendable {
    /// /dev/null.
    case discard
    /// A pipe this process reads with `readOutput()`.
    case capture
  }

  public struct StartFailed: Error, CustomStringConvertible {
    public let program: String
    public let code: Int32
    public var description: String {
      "could not start \(program): " + String(cString: strerror(code))
    }
  }

  public let processIdentifier: pid_t
  private let output: FileHandle?
  private let state = Mutex()

  /// Starts `program` (a path; with no `/`, looked up in `PATH`) with these
  /// arguments. `environment` nil: this process's environment. Standard input
  /// is /dev/null.
  public static func start(
    _ program: String, _ arguments: [String], environment: [String: String]? = nil,
    output: Output = .discard
  ) throws -> ChildProcess {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    var pipe: (read: Int32, write: Int32)?
    switch output {
    case .discard:
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    case .capture:
      var ends: [Int32] = [0, 0]
      guard pipe2(&ends, O_CLOEXEC) == 0 else { throw StartFailed(program: program, code: errno) }
      pipe = (ends[0], ends[1])
      posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addclosefrom_np(&actions, 3)
    // Signals as a fresh program expects them: none blocked, none ignored
    // (this process ignores SIGPIPE, and an ignored signal stays ignored
    // across exec).
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var signals = sigset_t()
    sigemptyset(&signals)
    posix_spawnattr_setsigmask(&attributes, &signals)
    sigfillset(&signals)
    posix_spawnattr_setsigdefault(&attributes, &signals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let pairs = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    let envp = pairs.map { strdup($0) } + [nil]
    defer { envp.forEach { free($0) } }

    var pid: pid_t = 0
    let code = posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
    if let pipe { close(pipe.write) }
    guard code == 0 else {
      if let pipe { close(pipe.read) }
      throw StartFailed(program: program, code: code)
    }
    return ChildProcess(
      processIdentifier: pid,
      output: pipe.map { FileHandle(fileDescriptor: $0.read, closeOnDealloc: true) })
  }

  private init(processIdentifier: pid_t, output: FileHandle?) {
    self.processIdentifier = processIdentifier
    self.output = output
  }

  /// SIGTERM, unless the child has been waited for (its pid may be reused).
  public func terminate() { signal(SIGTERM) }

  /// SIGKILL, unless the child has been waited for.
  public func kill() { signal(SIGKILL) }

  private func signal(_ number: Int32) {
    state.withLock { status in
      if status == nil { _ = Glibc.kill(processIdentifier, number) }
    }
  }

  /// Everything the child wrote to its standard output, up to its end
  /// (`Output.capture` only; otherwise empty).
  public func readOutput() -> Data {
    output?.readDataToEndOfFile() ?? Data()
  }

  /// Blocks until the child ends; its exit status, or 128 + the signal that
  /// ended it. The wait itself holds no lock (`waitid` with `WNOWAIT` leaves
  /// the child a zombie, so its pid is not reused); the child is reaped under
  /// the lock, which `terminate()` and `kill()` also take.
  @discardableResult
  public func waitUntilExit() -> Int32 {
    if let status = terminationStatus { return status }
    var info = siginfo_t()
    while waitid(P_PID, id_t(processIdentifier), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {
    }
    return state.withLock { status in
      if let status { return status }
      var raw: Int32 = 0
      while waitpid(processIdentifier, &raw, 0) == -1 && errno == EINTR {}
      let ended = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
      status = ended
      return ended
    }
  }

  /// Whether the child has ended (it is not reaped: `waitUntilExit()` still
  /// returns its status).
  public var hasExited: Bool {
    if terminationStatus != nil { return true }
    var info = siginfo_t()
    return waitid(P_PID, id_t(processIdentifier), &info, WEXITED | WNOHANG | WNOWAIT) == 0
      && info._sifields._sigchld.si_pid == processIdentifier
  }

  /// The exit status once `waitUntilExit()` has returned.
  public var terminationStatus: Int32? { state.withLock { $0 } }

  /// A lock over the exit status (nil while the child has not been waited for).
  private final class Mutex: @unchecked Sendable {
    private let lock = NSLock()
    private var status: Int32?

    func withLock<T>(_ body: (inout Int32?) -> T) -> T {
      lock.lock()
      defer { lock.unlock() }
      return body(&status)
    }
  }
}
