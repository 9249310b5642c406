import Foundation
import PSPCrypto

/// Where wallet-cli writes and reads: standard output for results, standard
/// error for messages and prompts, a line reader for confirmations, and a
/// secret reader for passphrases. Commands never touch the process's streams
/// directly, so tests run them in-process and capture what they say.
public struct Console: Sendable {
  /// Writes text to standard output (results). The text carries its own newline.
  public var out: @Sendable (String) -> Void
  /// Writes text to standard error (messages, prompts, warnings).
  public var err: @Sendable (String) -> Void
  /// Reads one line typed by the person (a confirmation); nil at end of input.
  public var readLine: @Sendable () -> String?
  /// Reads a secret without echo after showing the prompt; nil when there is
  /// no terminal to ask on.
  public var readSecret: @Sendable (String) -> SecureBytes?

  public init(
    out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
    readLine: @escaping @Sendable () -> String? = { nil },
    readSecret: @escaping @Sendable (String) -> SecureBytes? = { _ in nil }
  ) {
    self.out = out
    self.err = err
    self.readLine = readLine
    self.readSecret = readSecret
  }

  /// The process's own streams and terminal.
  public static let standard = Console(
    out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
    err: { text in FileHandle.standardError.write(Data(text.utf8)) },
    readLine: { Swift.readLine(strippingNewline: true) },
    readSecret: { prompt in TerminalSecret.read(prompt: prompt) })

  /// The console of the running command (task-local, so that tests running in
  /// parallel each have their own).
  @TaskLocal public static var current: Console = .standard

  /// One line of output.
  func line(_ text: String = "") { out(text + "\n") }
  /// One line on standard error.
  func note(_ text: String) { err(text + "\n") }
}

/// The environment variables the running command sees (task-local, so that
/// tests can set `PSP_PASSPHRASE` or `PSP_HOME` without touching the process).
public enum CLIEnvironment {
  @TaskLocal public static var values: [String: String] = ProcessInfo.processInfo.environment
}
