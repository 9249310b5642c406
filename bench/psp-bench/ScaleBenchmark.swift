import Foundation
import NIOPosix
import PSPConsent
import PSPWallet
import WalletAPI
import WalletClient
import WalletServer

/// The read of `reads` with many wallets in walletd: each request reads a
/// wallet drawn at random among all of them, so the database is touched all
/// over rather than one hot wallet. The population grows in steps (10³, then
/// 10⁴ …) in one walletd; at each step: bytes on disk per wallet, this
/// process's resident memory, and the read load.
enum ScaleBenchmark {
  struct Options {
    var sizes = [1_000, 10_000]
    var connections = 64
    var seconds = 10.0
    var warmup = 1.0
    var workers = 16
    /// A PostgreSQL server (a fresh schema on it); nil: walletd's SQLite file.
    var database: String?
  }

  static func run(_ options: Options) async throws {
    print(
      "## scale: the same read with many wallets of 20 fields, on "
        + (options.database == nil ? "SQLite" : "PostgreSQL"))
    print("")
    // A cache for every grant, so that "warm" means every grant verified once
    // (walletd's default keeps 100 000; see BENCHMARKS.md §4).
    let bench = try await BenchDaemon.start(
      grantCacheSize: options.sizes.max(),
      database: try options.database.map(StoresBenchmark.freshSchema))
    let rules = try await ClientRules.fetch(bench.transport(bench.administration))
    guard
      let administration = rules.registry.administration(
        id: AdministrationID(rawValue: BenchDaemon.administrationID)!)
    else { throw BenchError.setup("the office social is not registered") }
    let population = Population(
      service: bench.service, administration: administration, rules: rules,
      values: try CitizenFields.values())
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    var bodies: [[UInt8]] = []
    var table = MarkdownTable(
      "wallets", "grants", "fill (wallets/s)", "database", "bytes/wallet", "RSS", "reads/s",
      "p50 ms",
      "p99 ms", "CPU (cores)", "others' CPU", "non-2xx")
    for size in options.sizes where size > bodies.count {
      let added = size - bodies.count
      let before = try await bench.bytesStored()
      let start = monotonicNanoseconds()
      progress("filling \(added) wallets to \(size)")
      bodies += try await population.add(added, workers: options.workers)
      let fillSeconds = Double(monotonicNanoseconds() - start) / 1e9
      progress("filled in \(format(fillSeconds, 0)) s")
      let after = try await bench.bytesStored()
      // Twice: first as the fill left walletd (most grants never read, so
      // each read verifies its grant's signature), then after every wallet
      // has been read once (every grant verified and cached). Fresh sessions
      // for each pass: a load run's counters start again at 1.
      for pass in ["cold", "warm"] {
        if pass == "warm" {
          progress("reading every wallet once")
          try await readEveryWallet(bodies, bench: bench)
        }
        progress("\(pass) reads at \(size)")
        var plans: [RequestPlan] = []
        for _ in 0..<options.connections {
          let session = try await SessionHandshake.open(
            bench.baseURL, identity: bench.administration)
          plans.append(
            RequestPlan(method: .POST, path: "/v1/reads", bodies: bodies, session: session))
        }
        let reads = try await LoadGenerator.run(
          host: bench.daemon.host, port: bench.daemon.port, plans: plans, warmup: options.warmup,
          duration: options.seconds, group: group)
        let memory = ProcessMemory.resident()
        table.add(
          "\(size)", pass, pass == "cold" ? format(Double(added) / fillSeconds, 0) : "",
          "\(format(Double(after) / 1_048_576, 1)) MiB",
          pass == "cold" ? format(Double(after - before) / Double(added), 0) : "",
          "\(format(Double(memory.current) / 1024, 0)) MiB",
          format(reads.requestsPerSecond, 0), format(reads.p50, 2), format(reads.p99, 2),
          format(reads.cores, 2),
          format(reads.othersCores, 2), "\(reads.failed)")
      }
    }
    try await group.shutdownGracefully()
    await bench.stop()
    print(
      "\(options.connections) connections, \(format(options.warmup, 0)) s warm-up then \(format(options.seconds, 0)) s measured, "
        + "each request to a random wallet. Filled with \(options.workers) concurrent citizens through `WalletService` "
        + "(see Population.swift). bytes/wallet = growth of the database file (after a WAL checkpoint) while the step's wallets were added, ÷ their number; "
        + "database = the whole file after the fill, access-log entries of earlier steps' reads included. RSS is this process: walletd and the load generator. "
        + "CPU (cores) is this process's CPU time ÷ wall time; others' CPU what the machine's other processes used meanwhile. "
        + "grants: cold = as the fill left walletd (the grants of most wallets never read, so a read verifies its grant's signature); "
        + "warm = after every wallet was read once through `WalletService` (every grant verified and cached)."
    )
    print("")
    table.print()
  }

  /// Where the run is, on stderr (the table comes at the end, on stdout).
  static func progress(_ message: String) {
    FileHandle.standardError.write(Data("[\(Date())] scale: \(message)\n".utf8))
  }

  /// Reads every wallet once through `WalletService` (16 at a time), as the
  /// administration: each grant is then verified and in walletd's cache.
  static func readEveryWallet(_ bodies: [[UInt8]], bench: BenchDaemon) async throws {
    let identity = bench.administration.publicIdentity
    let caller = Caller(signingKey: identity.signingKey, encryptionKey: identity.encryptionKey)
    let requests = try bodies.map { try JSONDecoder().decode(ReadRequestBody.self, from: Data($0)) }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for worker in 0..<16 {
        group.addTask {
          for index in stride(from: worker, to: requests.count, by: 16) {
            _ = try await bench.service.read(requests[index], caller: caller)
          }
        }
      }
      try await group.waitForAll()
    }
  }
}
