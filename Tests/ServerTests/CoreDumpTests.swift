import Foundation
import Testing

/// Memory hygiene: both executables refuse to write core dumps (a crash must
/// not put keys, passphrases or session keys on disk). Checked on the running
/// process's limits, read from /proc.
@Suite("Core dumps")
struct CoreDumpTests {
  @Test(arguments: ["walletd", "wallet-cli"])
  func coreDumpsAreDisabled(_ name: String) async throws {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      Issue.record("\(name) is not built next to the tests")
      return
    }
    let directory = TestDirectory()
    let process = Process()
    process.executableURL = binary
    // walletd keeps running; wallet-cli runs its demo, long enough to be observed.
    process.arguments = name == "walletd" ? ["--data-dir", directory.path, "--listen", "127.0.0.1:0"] : ["demo"]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    var line: Substring? = nil
    for _ in 0..<50 {
      try await Task.sleep(for: .milliseconds(20))
      if let limits = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/limits", encoding: .utf8),
        let found = limits.split(separator: "\n").first(where: { $0.hasPrefix("Max core file size") })
      {
        line = found
        if found.split(separator: " ", omittingEmptySubsequences: true).dropFirst(5).first == "0" { break }
      }
    }
    let fields = try #require(line).split(separator: " ", omittingEmptySubsequences: true)
    // "Max core file size  <soft> <hard> bytes": the hard limit too, so that
    // nothing in the process can raise it again (the inherited hard limit is
    // usually unlimited even where the soft one is 0).
    #expect(fields.dropFirst(4).first == "0", "\(line ?? "")")
    #expect(fields.dropFirst(5).first == "0", "\(line ?? "")")
  }
}
