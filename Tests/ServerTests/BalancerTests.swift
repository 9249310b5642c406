import Foundation
import PSPProcess
import PSPConsent
import PSPCrypto
import PSPTransparency
import PSPWallet
import Testing
import WalletAPI
import WalletClient
@testable import WalletServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Three walletd processes on one PostgreSQL schema behind nginx
/// (`deploy/nginx.conf`), with two witnesses. Under load — citizens' writes
/// and one-shot grants read twice at once, all through nginx — one walletd
/// is killed with SIGKILL each cycle (the one that leads, or another) and
/// started again. Checked: every write answered is there, no one-shot grant
/// is read twice, the log verifies and no size was cosigned with two roots.
@Suite(
  "walletd behind nginx",
  .enabled(if: PostgresTestDatabase.isAvailable, PostgresTestDatabase.reason),
  .enabled(if: Nginx.isAvailable, Nginx.reason),
  .enabled(if: !TestStore.onPostgres, TestStore.firstPassOnly))
struct BalancerTests {
  final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var failed = 0
    private(set) var reads = 0
    private(set) var doubleReads = 0
    func fail() { lock.withLock { failed += 1 } }
    func read(successes: Int) {
      lock.withLock {
        reads += successes
        if successes > 1 { doubleReads += 1 }
      }
    }
  }

  @Test func killingOneWalletdUnderLoadLosesNothing() async throws {
    guard let binary = CrashTests.walletdBinary(),
      let witnessBinary = CrashTests.binary("psp-witness")
    else {
      Issue.record("the walletd and psp-witness binaries are not built next to the tests")
      return
    }
    let directory = TestDirectory()
    var configuration = DaemonConfiguration()
    configuration.dataDir = directory.path
    configuration.database = try TestStore.freshPostgres()
    let logVkey = try ServerHarness.logVkey(dataDir: directory.path)
    var witnesses: [CrashTests.Witness] = []
    var witnessProcesses: [ChildProcess] = []
    for name in ["cnpd", "eos"] {
      let witness = try CrashTests.Witness.make(
        witnessBinary, name: "\(name).example.lu/witness",
        dataDir: directory.path + "/witness-" + name)
      witnesses.append(witness)
      witnessProcesses.append(try await witness.launch(witnessBinary, logVkey: logVkey))
    }
    let policy = try WitnessPolicy(log: logVkey, witnesses: witnesses.map(\.vkey), quorum: 2)
    let seen = CrashTests.SeenCheckpoints()
    let operatorIdentity = Identity(kind: .operator)
    let registrar = Identity(kind: .registrar)
    let fnsID = Identity(kind: .administration)
    let maria = Identity(kind: .citizen)
    let operatorKey = Paserk.encode(operatorIdentity.signingKey.publicKey)
    let registrarKey = Paserk.encode(registrar.signingKey.publicKey)
    // Three walletd, one data dir (one walletd.key), one schema.
    let ports = (0..<3).map { _ in CrashTests.freePort() }
    var processes: [ChildProcess] = []
    // Also when the test stops on an error: no walletd or witness outlives it.
    defer {
      for process in processes + witnessProcesses {
        process.kill()
        process.waitUntilExit()
      }
    }
    for port in ports {
      processes.append(
        try await CrashTests.launch(
          binary, dataDir: directory.path, port: port, operatorKey: operatorKey,
          registrarKey: registrarKey, witnesses: witnesses, database: configuration.database))
    }
    let nginx = try Nginx.start(in: directory.path + "/nginx", upstreams: ports)
    defer { nginx.stop() }
    let trusts = [maria, fnsID, operatorIdentity].map { _ in
      ClientTrust(registrars: [registrar.signingKey.publicKey], witnesses: policy)
    }
    func transport(_ identity: Identity) -> Transport {
      let index = identity.kind == .citizen ? 0 : identity.kind == .administration ? 1 : 2
      return Transport(baseURL: nginx.url, identity: identity, trust: trusts[index])
    }
    let now = Int64(Date().timeIntervalSince1970)
    let fns = try Administration(
      id: AdministrationID(rawValue: "fns")!, name: "FNS", kind: .fns,
      signingKey: fnsID.signingKey.publicKey, encryptionKey: fnsID.encryptionKey.publicKey,
      purposes: ["allocation-vie-chere"],
      contact: AdministrationContact(service: "AVC", phone: "+352 2000 0000"))
    try await OperatorClient(transport: transport(operatorIdentity)).register(
      certificate: AdministrationCertificate.issue(fns, by: registrar, at: now - 60, days: 30))
    let opened = try await CitizenClient.openWallet(
      transport(maria),
      acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: now))
    let wallet = opened.walletID
    try await opened.set(
      [("surname", try FieldCatalogue.standard["surname"]!.validate("Ferreira"))], at: now)
    // The registration reaches the other walletd within a second.
    try await Task.sleep(for: .seconds(2))
    var checkpoint = try await opened.verifyLog(since: nil).checkpoint
    let acknowledged = CrashTests.Acknowledged()
    let counts = Counts()
    var grants: [StatementID] = []
    let fields: [FieldID] = ["rent_amount", "household_income", "monthly_expenses"]
    var violations: [String] = []
    let cycles = 3

    for cycle in 0..<cycles {
      let stop = Locked(false)
      let citizen = try await CitizenClient.connect(transport(maria), wallet: wallet)
      let administration = AdministrationClient(transport: transport(fnsID))
      var made: [Grant] = []
      for _ in 0..<6 {
        made.append(
          try await citizen.grant(
            to: "fns", purpose: "allocation-vie-chere", kind: .oneShot, days: 2, at: now))
      }
      let cycleGrants = made
      grants += cycleGrants.map(\.id)
      let load = Task {
        await withTaskGroup(of: Void.self) { group in
          for field in fields {
            group.addTask {
              var step = 0
              while !stop.value {
                step += 1
                do {
                  let writer = try await CitizenClient.connect(transport(maria), wallet: wallet)
                  let value = try FieldCatalogue.standard[field]!.validate("\(100 + step),00")
                  try await writer.set([(field, value)], at: now)
                  if let version = try? await writer.records(history: field).last?.version {
                    acknowledged.record(field, version)
                  }
                } catch {
                  counts.fail()
                  try? await Task.sleep(for: .milliseconds(50))
                }
              }
            }
          }
          // Each one-shot grant read twice at once, in turn during the cycle.
          group.addTask {
            for grant in cycleGrants {
              let successes = await withTaskGroup(of: Bool.self) { pair in
                for _ in 0..<2 {
                  pair.addTask {
                    (try? await administration.read(
                      wallet: wallet, grant: grant.id, purpose: "allocation-vie-chere")) != nil
                  }
                }
                return await pair.reduce(0) { $0 + ($1 ? 1 : 0) }
              }
              counts.read(successes: successes)
              try? await Task.sleep(for: .milliseconds(200))
            }
          }
        }
      }
      // The kill once writes flow, at a random moment.
      let answered = acknowledged.count
      for _ in 0..<1000 where acknowledged.count == answered {
        try await Task.sleep(for: .milliseconds(10))
      }
      try await Task.sleep(for: .milliseconds(Int.random(in: 50...400)))
      let victim = cycle % processes.count
      processes[victim].kill()
      processes[victim].waitUntilExit()
      // Load goes on through the two left: some writes answered after the kill.
      let atKill = acknowledged.count
      for _ in 0..<2000 where acknowledged.count < atKill + 10 {
        try await Task.sleep(for: .milliseconds(10))
      }
      if acknowledged.count < atKill + 10 {
        violations.append("cycle \(cycle): the two walletd left answered too few writes")
      }
      stop.value = true
      await load.value
      processes[victim] = try await CrashTests.launch(
        binary, dataDir: directory.path, port: ports[victim], operatorKey: operatorKey,
        registrarKey: registrarKey, witnesses: witnesses, database: configuration.database)

      let after = try await CitizenClient.connect(transport(maria), wallet: wallet)
      for (field, version) in acknowledged.all {
        let history = try await after.history(field)
        if !history.contains(where: { $0.record.version == version }) {
          violations.append("cycle \(cycle): \(field) v\(version) answered but lost")
        }
      }
      let verification = try await after.verifyLog(since: checkpoint)
      if !verification.intact {
        violations.append("cycle \(cycle): log \(verification.problem ?? "")")
      }
      seen.note(verification.checkpoint)
      checkpoint = verification.checkpoint
    }
    // No one-shot grant read twice: at most one allowed read of each in the log.
    let log = try await CitizenClient.connect(transport(maria), wallet: wallet).log()
    for grant in grants {
      let allowed = log.filter {
        $0.action == .fieldsRead && $0.outcome == .allowed && $0.grant == grant
      }.count
      if allowed > 1 { violations.append("grant read \(allowed) times") }
    }
    violations += seen.forks
    if counts.doubleReads > 0 { violations.append("\(counts.doubleReads) grants answered twice") }
    print(
      "behind nginx: \(cycles) cycles, one of 3 walletd killed each, \(acknowledged.count) writes answered, "
        + "0 of them lost unless listed: \(violations.count) violations; \(counts.reads) one-shot reads "
        + "answered of \(grants.count) grants, \(counts.doubleReads) twice; \(counts.failed) writes failed "
        + "(not answered) around the kills")
    #expect(violations.isEmpty, "\(violations)")
    #expect(acknowledged.count >= cycles * 10)
    // What a kill may cost: the requests in flight on the walletd killed, a
    // few per cycle — not a stall of the others (receipts that never come).
    #expect(counts.failed <= cycles * 8, "\(counts.failed) writes failed")
    #expect(counts.reads >= grants.count - cycles, "\(counts.reads) of \(grants.count) reads")
    for process in processes {
      process.terminate()
      process.waitUntilExit()
    }
    for process in witnessProcesses {
      process.terminate()
      process.waitUntilExit()
    }
  }
}
