import Foundation
import PSPCrypto
import Testing

@testable import WalletCLIKit

/// What one in-process run of wallet-cli printed, and its exit code.
struct CLIRun {
  let code: Int32
  let out: String
  let err: String
}

/// Runs wallet-cli in-process: the command line is parsed and run by
/// `WalletCLI.execute`, with a console that captures standard output and
/// standard error, lines to answer questions with, no terminal (so a missing
/// passphrase is a failure, not a prompt), and its own environment.
struct CLIHarness: Sendable {
  var environment: [String: String]

  init(
    home: String, passphrase: String? = "correct horse battery", language: String = "fr_LU.UTF-8"
  ) {
    environment = ["PSP_HOME": home, "PSP_FAST_KDF": "1", "LANG": language]
    if let passphrase { environment["PSP_PASSPHRASE"] = passphrase }
  }

  func run(_ arguments: [String], input: [String] = []) async -> CLIRun {
    let capture = Capture(input: input)
    let console = Console(
      out: { capture.append(out: $0) }, err: { capture.append(err: $0) },
      readLine: { capture.nextLine() },
      readSecret: { _ in nil })
    let code = await Console.$current.withValue(console) {
      await CLIEnvironment.$values.withValue(environment) { await WalletCLI.execute(arguments) }
    }
    return CLIRun(code: code, out: capture.out, err: capture.err)
  }

  /// Runs and requires success, returning standard output.
  @discardableResult
  func ok(
    _ arguments: [String], input: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) async throws
    -> String
  {
    let result = await run(arguments, input: input)
    try #require(
      result.code == 0, "\(arguments.joined(separator: " ")) → \(result.code): \(result.err)",
      sourceLocation: sourceLocation)
    return result.out
  }

  /// Runs with --json and decodes standard output.
  func json<T: Decodable>(
    _ arguments: [String], as: T.Type, sourceLocation: SourceLocation = #_sourceLocation
  )
    async throws -> T
  {
    let out = try await ok(arguments + ["--json"], sourceLocation: sourceLocation)
    return try JSONDecoder().decode(T.self, from: Data(out.utf8))
  }
}

private final class Capture: @unchecked Sendable {
  private let lock = NSLock()
  private var outText = ""
  private var errText = ""
  private var input: [String]

  init(input: [String]) { self.input = input }

  func append(out text: String) { lock.withLock { outText += text } }
  func append(err text: String) { lock.withLock { errText += text } }
  func nextLine() -> String? { lock.withLock { input.isEmpty ? nil : input.removeFirst() } }
  var out: String { lock.withLock { outText } }
  var err: String { lock.withLock { errText } }
}

/// A fresh folder under the system temp dir, removed afterwards.
final class TemporaryFolder: @unchecked Sendable {
  let path: String
  init() {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent("psp-cli-\(UUID().uuidString)")
      .path
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}
