import Foundation
import NIOPosix
import PSPConsent
import PSPWallet
import WalletClient
import WalletServer

/// Administration reads with walletd on SQLite and on PostgreSQL, side by
/// side in one run, against the bare hello route, under the same load
/// generator and concurrency. PostgreSQL's server runs on this machine: its
/// CPU shows in "others' CPU".
enum StoresBenchmark {
  struct Options {
    var database: String
    var connections = [1, 16, 64]
    var seconds = 10.0
    var warmup = 1.0
    /// Wallets read in the second set of rows, one per connection in turn.
    var wallets = 32
  }

  /// A fresh schema on the server `url` names.
  static func freshSchema(_ url: String) throws -> String {
    guard case .postgres(let base) = try StoreLocation(parsing: url) else {
      throw BenchError.setup("--database must be a postgres:// location")
    }
    let name = "bench_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    return try base.with(schema: name).description
  }

  struct Row {
    let result: LoadResult
    let batches: Int
    let writes: Int
  }

  /// Where the load goes: walletd itself, or nginx in front of several.
  struct Target {
    let url: String
    let port: Int
  }

  /// One walletd (or several behind `target`), its reads at each
  /// concurrency: of one wallet, then of `wallets` wallets (connection i
  /// reads wallet i mod `wallets`).
  static func reads(
    _ bench: BenchDaemon, _ options: Options, target: Target? = nil,
    group: MultiThreadedEventLoopGroup
  )
    async throws -> (one: [Row], many: [Row])
  {
    let target = target ?? Target(url: bench.baseURL, port: bench.daemon.port)
    var bodies: [[UInt8]] = []
    let administration = AdministrationClient(transport: bench.transport(bench.administration))
    for _ in 0..<options.wallets {
      let (citizen, grant) = try await bench.citizenWithGrant()
      let opened = try await administration.read(
        wallet: citizen.walletID, grant: grant.id, purpose: BenchDaemon.purpose)
      guard opened.values.count == 5 else {
        throw BenchError.setup("the read opened \(opened.values.count) fields, not 5")
      }
      bodies.append(
        try readBody(wallet: citizen.walletID, grant: grant.id, purpose: BenchDaemon.purpose))
    }
    let one = try await rows(bench, options, bodies: [bodies[0]], target: target, group: group)
    let many = try await rows(bench, options, bodies: bodies, target: target, group: group)
    return (one, many)
  }

  static func rows(
    _ bench: BenchDaemon, _ options: Options, bodies: [[UInt8]], target: Target,
    group: MultiThreadedEventLoopGroup
  ) async throws -> [Row] {
    var rows: [Row] = []
    for connections in options.connections {
      var plans: [RequestPlan] = []
      for index in 0..<connections {
        let session = try await SessionHandshake.open(target.url, identity: bench.administration)
        plans.append(
          RequestPlan(
            method: .POST, path: "/v1/reads", bodies: [bodies[index % bodies.count]],
            session: session))
      }
      let before = bench.groupCommit()
      let result = try await LoadGenerator.run(
        host: "127.0.0.1", port: target.port, plans: plans, warmup: options.warmup,
        duration: options.seconds, group: group)
      let after = bench.groupCommit()
      rows.append(
        Row(
          result: result, batches: after.batches - before.batches,
          writes: after.writes - before.writes))
    }
    return rows
  }

  static func run(_ options: Options) async throws {
    print("## stores: administration reads, walletd on SQLite and on PostgreSQL")
    print("")
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let sqlite = try await BenchDaemon.start()
    let onSQLite = try await reads(sqlite, options, group: group)
    await sqlite.stop()
    let postgres = try await BenchDaemon.start(database: try freshSchema(options.database))
    let onPostgres = try await reads(postgres, options, group: group)
    await postgres.stop()
    // Two walletd (in this process) on one schema, behind nginx.
    let pair = try await BenchDaemon.start(database: try freshSchema(options.database))
    let second = try await pair.another()
    let balancer = try Balancer.start(upstreams: [pair.daemon.port, second.port])
    let onPair: (one: [Row], many: [Row])
    do {
      onPair = try await reads(
        pair, options, target: Target(url: balancer.url, port: balancer.port), group: group)
    } catch {
      balancer.stop()
      throw error
    }
    balancer.stop()
    await pair.stop()
    let hello = try await HelloServer.start(echoBytes: 64)
    var table = MarkdownTable(
      "wallets", "connections", "SQLite reads/s", "p99 ms", "walletd CPU", "others' CPU",
      "PostgreSQL reads/s",
      "p99 ms", "walletd CPU", "others' CPU (postgres)", "commits/s", "PostgreSQL ÷ SQLite",
      "2 walletd + nginx reads/s", "p99 ms", "walletd CPU", "others' CPU (postgres, nginx)",
      "2 ÷ 1", "hello/s", "non-2xx")
    var hellos: [LoadResult] = []
    for connections in options.connections {
      hellos.append(
        try await LoadGenerator.run(
          host: "127.0.0.1", port: hello.port,
          plans: Array(repeating: RequestPlan(path: "/hello"), count: connections),
          warmup: options.warmup, duration: options.seconds, group: group))
    }
    for (wallets, sqliteRows, postgresRows, pairRows) in [
      (1, onSQLite.one, onPostgres.one, onPair.one),
      (options.wallets, onSQLite.many, onPostgres.many, onPair.many),
    ] {
      for (index, connections) in options.connections.enumerated() {
        let helloResult = hellos[index]
        let (s, p, d) = (
          sqliteRows[index].result, postgresRows[index].result, pairRows[index].result
        )
        table.add(
          "\(wallets)", "\(connections)", format(s.requestsPerSecond, 0), format(s.p99, 2),
          format(s.cores, 2),
          format(s.othersCores, 2), format(p.requestsPerSecond, 0), format(p.p99, 2),
          format(p.cores, 2), format(p.othersCores, 2),
          format(Double(postgresRows[index].batches) / p.seconds, 0),
          format(p.requestsPerSecond / s.requestsPerSecond, 2),
          format(d.requestsPerSecond, 0), format(d.p99, 2), format(d.cores, 2),
          format(d.othersCores, 2), format(d.requestsPerSecond / p.requestsPerSecond, 2),
          format(helloResult.requestsPerSecond, 0),
          "\(s.failed + p.failed + d.failed + helloResult.failed)")
      }
    }
    try await group.shutdownGracefully()
    await hello.stop()
    print(
      "Each read is authenticated, decided, and logged durably before the answer: on SQLite "
        + "through the group commit (one fsync per batch), on PostgreSQL in a transaction "
        + "with the other reads of its wallet queued meanwhile (the wallet's row lock, then "
        + "each read's checks and entry, one COMMIT; PostgreSQL groups the flushes) on one of "
        + "16 writer connections, its context read before in one statement through the "
        + "client pool. "
        + "\(format(options.warmup, 0)) s warm-up then \(format(options.seconds, 0)) s per row. "
        + "walletd CPU = this process (walletd and the load generator) ÷ wall time; "
        + "others' CPU = the machine's other processes meanwhile (on PostgreSQL rows: mostly "
        + "the postgres server). \"2 walletd + nginx\": two walletd in this process on one "
        + "schema, the load through nginx (deploy/nginx.conf, round robin); \"2 ÷ 1\" against "
        + "one walletd on PostgreSQL."
    )
    print("")
    table.print()
  }
}
