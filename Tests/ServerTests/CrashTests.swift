import Foundation
import PSPProcess
import PSPConsent
import PSPCrypto
import PSPWallet
import Synchronization
import Testing
import PSPTransparency
import WalletAPI
import WalletClient
import WalletServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Crash consistency: walletd and its two witnesses (the real binaries, each in
/// its own process) are killed with SIGKILL in the middle of writes — walletd
/// and one witness in turn each cycle — restarted, and checked: the database
/// is intact, every write that was answered is there, no one-shot grant is
/// consumed twice, the log is consistent with the last witnessed head, and no
/// checkpoint was ever cosigned at one size with two roots.
@Suite("Crash consistency")
struct CrashTests {
  static func walletdBinary() -> URL? { binary("walletd") }

  static func binary(_ name: String) -> URL? {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent(name),
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/" + name),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// A psp-witness process following walletd's log; returns once it listens.
  struct Witness {
    let name: String
    let dataDir: String
    let port: Int
    let vkey: String
    var url: String { "http://127.0.0.1:\(port)" }

    static func make(_ binary: URL, name: String, dataDir: String) throws -> Witness {
      let printer = try ChildProcess.start(
        binary.path, ["--data-dir", dataDir, "--name", name, "--print-vkey"], output: .capture)
      let printed = printer.readOutput()
      printer.waitUntilExit()
      let vkey = String(decoding: printed, as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      return Witness(name: name, dataDir: dataDir, port: CrashTests.freePort(), vkey: vkey)
    }

    func launch(_ binary: URL, logVkey: String) async throws -> ChildProcess {
      let process = try ChildProcess.start(
        binary.path,
        [
          "--data-dir", dataDir, "--name", name, "--listen", "127.0.0.1:\(port)",
          "--log", DaemonConfiguration.defaultLogOrigin + "=" + logVkey,
        ])
      for _ in 0..<100 {
        if process.hasExited { throw ClientError.unreachable("psp-witness ended at its start") }
        // Any answer means it listens (404: it has cosigned nothing for this hash).
        if (try? await URLSession.shared.data(from: URL(string: url + "/" + String(repeating: "0", count: 64) + "/checkpoint")!))
          != nil
        {
          return process
        }
        try await Task.sleep(for: .milliseconds(50))
      }
      process.terminate()
      throw ClientError.unreachable("psp-witness did not start")
    }
  }

  /// A port for a program a test starts, free now and never handed out twice
  /// here: 10000–13999, below Linux's ephemeral range (32768 and up) and apart
  /// from the in-process walletd's (14000–19999, `ServerHarness`) and
  /// scripts/pg-cluster.sh's (20000 and up). Not a port the kernel chose: the
  /// in-process walletd that bind port 0 (`ServerHarness.another()`) could
  /// take it between the choice and the program's start, or while it
  /// restarts on it, and answer in its place — another walletd with other
  /// sessions and wallets (a run failed so: "unknown session" behind nginx).
  static func freePort() -> Int {
    while true {
      let port = Int.random(in: 10_000..<14_000)
      guard Self.handedOut.withLock({ $0.insert(port).inserted }) else { continue }
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      defer { close(fd) }
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      address.sin_port = in_port_t(UInt16(port).bigEndian)
      let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      if bound == 0 { return port }
    }
  }
  private static let handedOut = Mutex<Set<Int>>([])

  static func launch(
    _ binary: URL, dataDir: String, port: Int, operatorKey: String, registrarKey: String,
    witnesses: [Witness] = [], database: String? = nil
  )
    async throws -> ChildProcess
  {
    let process = try ChildProcess.start(
      binary.path,
      [
        "--data-dir", dataDir, "--listen", "127.0.0.1:\(port)", "--operator-key", operatorKey,
        "--registrar-key",
        registrarKey,
      ] + witnesses.flatMap { ["--witness", "\($0.url) \($0.vkey)"] }
        + (database.map { ["--database", $0] } ?? []))
    for _ in 0..<100 {
      // Ended (its port taken?): whatever answers on the port is not it.
      if process.hasExited { throw ClientError.unreachable("walletd ended at its start") }
      if let (_, response) = try? await URLSession.shared.data(
        from: URL(string: "http://127.0.0.1:\(port)/readyz")!),
        (response as? HTTPURLResponse)?.statusCode == 200
      {
        return process
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    process.terminate()
    throw ClientError.unreachable("walletd did not start")
  }

  /// Checkpoints seen, by size.
  final class SeenCheckpoints: @unchecked Sendable {
    private let lock = NSLock()
    private var roots: [Int: [UInt8]] = [:]
    private var conflicts: [String] = []

    func note(_ checkpoint: TlogCheckpoint) {
      lock.withLock {
        if let known = roots[checkpoint.size], known != checkpoint.rootHash {
          conflicts.append("size \(checkpoint.size) cosigned with two roots")
        }
        roots[checkpoint.size] = checkpoint.rootHash
      }
    }

    /// The checkpoint of a receipt or head proof.
    func note(_ proof: String?) {
      guard let proof, let parsed = try? WalletLogProof.parse(Array(proof.utf8)),
        let checkpoint = try? TlogCheckpoint(text: parsed.proof.checkpoint.text)
      else { return }
      note(checkpoint)
    }

    var forks: [String] { lock.withLock { conflicts } }
    var count: Int { lock.withLock { roots.count } }
  }

  final class Acknowledged: @unchecked Sendable {
    private let lock = NSLock()
    private var versions: [FieldID: UInt64] = [:]
    private var answers = 0
    func record(_ field: FieldID, _ version: UInt64) {
      lock.withLock {
        versions[field] = max(versions[field] ?? 0, version)
        answers += 1
      }
    }
    var all: [FieldID: UInt64] { lock.withLock { versions } }
    /// Writes answered so far, over every cycle.
    var count: Int { lock.withLock { answers } }
  }

  @Test func killedMidWriteLosesNothingAnswered() async throws {
    guard let binary = Self.walletdBinary(), let witnessBinary = Self.binary("psp-witness") else {
      Issue.record("the walletd and psp-witness binaries are not built next to the tests")
      return
    }
    let directory = TestDirectory()
    // walletd's data: the SQLite file in the data dir, or a schema of its own.
    var configuration = DaemonConfiguration()
    configuration.dataDir = directory.path
    if TestStore.onPostgres { configuration.database = try TestStore.freshPostgres() }
    let logVkey = try ServerHarness.logVkey(dataDir: directory.path)
    var witnesses: [Witness] = []
    var witnessProcesses: [ChildProcess] = []
    for name in ["cnpd", "eos"] {
      let witness = try Witness.make(
        witnessBinary, name: "\(name).example.lu/witness", dataDir: directory.path + "/witness-" + name)
      witnesses.append(witness)
      witnessProcesses.append(try await witness.launch(witnessBinary, logVkey: logVkey))
    }
    let policy = try WitnessPolicy(log: logVkey, witnesses: witnesses.map(\.vkey), quorum: 2)
    // Every checkpoint seen cosigned, by size: two roots at one size would be a fork.
    let seen = SeenCheckpoints()
    let operatorIdentity = Identity(kind: .operator)
    let fnsID = Identity(kind: .administration)
    let maria = Identity(kind: .citizen)
    let operatorKey = Paserk.encode(operatorIdentity.signingKey.publicKey)
    let registrar = Identity(kind: .registrar)
    let registrarKey = Paserk.encode(registrar.signingKey.publicKey)
    // One trust per person's program, kept across walletd's crashes.
    let trusts = [maria, fnsID, operatorIdentity].map { _ in
      ClientTrust(registrars: [registrar.signingKey.publicKey], witnesses: policy)
    }
    func transport(_ url: String, _ identity: Identity) -> Transport {
      let index = identity.kind == .citizen ? 0 : identity.kind == .administration ? 1 : 2
      return Transport(baseURL: url, identity: identity, trust: trusts[index])
    }
    var port = Self.freePort()
    var process = try await Self.launch(
      binary, dataDir: directory.path, port: port, operatorKey: operatorKey,
      registrarKey: registrarKey, witnesses: witnesses, database: configuration.database)
    // Also when the test stops on an error: no walletd or witness outlives it.
    defer {
      for child in [process] + witnessProcesses {
        child.kill()
        child.waitUntilExit()
      }
    }
    var url = "http://127.0.0.1:\(port)"
    let now = Int64(Date().timeIntervalSince1970)
    let fns = try Administration(
      id: AdministrationID(rawValue: "fns")!, name: "FNS", kind: .fns,
      signingKey: fnsID.signingKey.publicKey,
      encryptionKey: fnsID.encryptionKey.publicKey, purposes: ["allocation-vie-chere"],
      contact: AdministrationContact(service: "AVC", phone: "+352 2000 0000"))
    try await OperatorClient(transport: transport(url, operatorIdentity)).register(
      certificate: AdministrationCertificate.issue(fns, by: registrar, at: now - 60, days: 30))
    let opened = try await CitizenClient.openWallet(
      transport(url, maria),
      acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: now))
    let wallet = opened.walletID
    try await opened.set(
      [("surname", try FieldCatalogue.standard["surname"]!.validate("Ferreira"))], at: now)
    var checkpoint = try await opened.verifyLog(since: nil).checkpoint
    let acknowledged = Acknowledged()
    var consumedGrants: [StatementID] = []
    let fields: [FieldID] = [
      "rent_amount", "household_income", "monthly_expenses", "debts_arrears",
    ]
    var cycles = 0
    var violations: [String] = []
    // 5 in the suite; PSP_CRASH_CYCLES=N runs a longer loop by hand.
    let planned =
      ProcessInfo.processInfo.environment["PSP_CRASH_CYCLES"].flatMap { Int($0) }.map { max(1, $0) }
      ?? 5

    for cycle in 0..<planned {
      let citizen = try await CitizenClient.connect(transport(url, maria), wallet: wallet)
      // A one-shot grant read (consumed) before the crash.
      let grant = try await citizen.grant(
        to: "fns", purpose: "allocation-vie-chere", kind: .oneShot, days: 2, at: now)
      let read = try await AdministrationClient(transport: transport(url, fnsID)).read(
        wallet: wallet, grant: grant.id, purpose: "allocation-vie-chere")
      seen.note(read.receipt)
      consumedGrants.append(grant.id)
      // Writers, each on its own field, recording what walletd answered.
      let writeURL = url
      let writers = Task {
        await withTaskGroup(of: Void.self) { group in
          for field in fields {
            group.addTask {
              guard
                let writer = try? await CitizenClient.connect(
                  transport(writeURL, maria), wallet: wallet)
              else { return }
              for step in 0..<10_000 {
                guard let value = try? FieldCatalogue.standard[field]!.validate("\(100 + step),00")
                else { return }
                do {
                  try await writer.set([(field, value)], at: now)
                  if let version = try? await writer.records(history: field).last?.version {
                    acknowledged.record(field, version)
                  }
                } catch { return }
              }
            }
          }
        }
      }
      // The kill comes at a random moment once writes are flowing (at least one
      // answered in this cycle, or 10 s): on a loaded machine a fixed delay
      // could kill walletd before any write, and the cycle would prove nothing.
      let answeredBefore = acknowledged.count
      for _ in 0..<1000 where acknowledged.count == answeredBefore {
        try await Task.sleep(for: .milliseconds(10))
      }
      // One witness dies too, in turn, before or after walletd.
      let victim = cycle % witnesses.count
      let witnessFirst = Bool.random()
      try await Task.sleep(for: .milliseconds(Int.random(in: 20...250)))
      if witnessFirst {
        witnessProcesses[victim].kill()
        witnessProcesses[victim].waitUntilExit()
        try await Task.sleep(for: .milliseconds(Int.random(in: 20...150)))
      }
      process.kill()
      process.waitUntilExit()
      if !witnessFirst {
        witnessProcesses[victim].kill()
        witnessProcesses[victim].waitUntilExit()
      }
      await writers.value
      cycles += 1
      witnessProcesses[victim] = try await witnesses[victim].launch(witnessBinary, logVkey: logVkey)

      // The database file, straight after the kill (on PostgreSQL walletd's
      // process dies, not the server: nothing to check but what follows).
      if !TestStore.onPostgres {
        let integrity = try SQLiteDatabase(path: directory.path + "/walletd.sqlite").query(
          "PRAGMA integrity_check")
        if integrity.first?[0].text != "ok" {
          violations.append("cycle \(cycle): integrity \(integrity)")
        }
      }

      port = Self.freePort()
      process = try await Self.launch(
        binary, dataDir: directory.path, port: port, operatorKey: operatorKey,
        registrarKey: registrarKey, witnesses: witnesses, database: configuration.database)
      url = "http://127.0.0.1:\(port)"
      let after = try await CitizenClient.connect(transport(url, maria), wallet: wallet)
      for (field, version) in acknowledged.all {
        let history = try await after.history(field)
        if !history.contains(where: { $0.record.version == version }) {
          violations.append("cycle \(cycle): \(field) v\(version) answered but lost")
        }
      }
      let fns = AdministrationClient(transport: transport(url, fnsID))
      for id in consumedGrants {
        let code = await refusalCode {
          _ = try await fns.read(wallet: wallet, grant: id, purpose: "allocation-vie-chere")
        }
        if code != "already-used" {
          violations.append("cycle \(cycle): grant read again (\(code ?? "ok"))")
        }
      }
      let verification = try await after.verifyLog(since: checkpoint)
      if !verification.intact {
        violations.append("cycle \(cycle): log \(verification.problem ?? "")")
      }
      seen.note(verification.checkpoint)
      checkpoint = verification.checkpoint
    }
    process.terminate()
    process.waitUntilExit()
    // Every epoch walletd stored and every checkpoint a witness holds agree
    // with one epoch tree: no size was cosigned with two roots.
    var tree = EpochTree()
    let database = try SideDatabase(configuration)
    for row in try database.query("SELECT map_root, cosigned FROM epochs ORDER BY idx") {
      tree.append(mapRoot: try #require(row[0].blob))
      if let bytes = row[1].blob {
        let note = try SignedNote.parse(bytes)
        let checkpoint = try TlogCheckpoint(text: note.text)
        seen.note(checkpoint)
        if checkpoint.rootHash != tree.root { violations.append("epoch \(tree.size): cosigned with another root") }
      }
    }
    for (index, witness) in witnesses.enumerated() {
      let hash = Encoding.hex(SHA256.hash(Array(DaemonConfiguration.defaultLogOrigin.utf8)))
      let (data, _) = try await URLSession.shared.data(from: URL(string: witness.url + "/\(hash)/checkpoint")!)
      let checkpoint = try TlogCheckpoint(text: try SignedNote.parse([UInt8](data)).text)
      seen.note(checkpoint)
      if checkpoint.size > tree.size || checkpoint.rootHash != tree.root(size: checkpoint.size) {
        violations.append("witness \(index) holds a checkpoint walletd never made")
      }
      witnessProcesses[index].terminate()
      witnessProcesses[index].waitUntilExit()
    }
    violations += seen.forks
    print(
      "crash consistency (\(TestStore.onPostgres ? "PostgreSQL" : "SQLite")): \(cycles) SIGKILL cycles of walletd and a witness, \(acknowledged.count) answered writes, "
        + "\(tree.size) epochs, \(seen.count) cosigned sizes seen, \(violations.count) violations"
    )
    #expect(cycles == planned)
    #expect(violations.isEmpty, "\(violations)")
    // At least one answered write per cycle (the kill waits for one).
    #expect(acknowledged.count >= cycles)
  }
}
