import ArgumentParser
import Foundation
import Logging
import PSPCrypto
import WitnessServer

/// `psp-witness`: parses the settings and wires the witness; the logic is in
/// WitnessServer and PSPTransparency.
@main
struct PSPWitnessCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "psp-witness",
    abstract:
      "A transparency log witness (c2sp.org/tlog-witness): cosigns checkpoints that only grow.",
    discussion: """
      Serves POST /psp-v1/add-epoch, POST /add-checkpoint and
      GET /<sha256 hex of origin>/checkpoint. The logs are PSP heads logs, which grow only by
      epochs whose every wallet move the witness checks; --plain-logs witnesses plain
      tlog-witness logs instead. Its Ed25519 key is made on first start in DIR/witness.key
      (mode 0600); its state is DIR/witness.sqlite.
      Stops gracefully on SIGTERM or SIGINT.

      Example:
        psp-witness --data-dir /var/lib/psp-witness --listen 127.0.0.1:8490 \\
          --name witness.example.lu/w1 \\
          --log 'example.lu/log=example.lu/log+1a2b3c4d+AeR...'
      """,
    version: PSPVersion.current)

  @Option(help: "The data directory (witness.key and witness.sqlite).")
  var dataDir: String

  @Option(help: "HOST:PORT to listen on.")
  var listen: String = "127.0.0.1:8490"

  @Option(help: "The witness's key name, e.g. witness.example.lu/w1 (no spaces, no '+').")
  var name: String

  @Option(
    help: ArgumentHelp(
      "A log to witness: its origin, '=', its Ed25519 note vkey (repeatable).",
      valueName: "origin=vkey"))
  var log: [String] = []

  @Flag(help: "Witness plain tlog-witness logs (any consistent growth), not PSP heads logs.")
  var plainLogs = false

  @Flag(help: "Print the witness's cosignature vkey (making the key if needed) and exit.")
  var printVkey = false

  func validate() throws {
    if !printVkey && log.isEmpty { throw ValidationError("give at least one --log ORIGIN=VKEY") }
  }

  func run() async throws {
    // No core dumps: a crash must not write the witness key to disk.
    _ = MemoryHygiene.disableCoreDumps()
    let settings = WitnessConfiguration(
      dataDir: dataDir, listen: listen, name: name, logs: log, headsLogs: !plainLogs)
    if printVkey {
      print(try WitnessDaemon.vkey(settings))
      return
    }
    var logger = Logger(label: "psp-witness")
    logger.logLevel = .info
    let witness = try await WitnessDaemon.start(settings, logger: logger, handleSignals: true)
    print("psp-witness \(PSPVersion.current) listening on \(witness.baseURL)")
    print("vkey \(witness.vkey)")
    try await witness.wait()
  }
}
