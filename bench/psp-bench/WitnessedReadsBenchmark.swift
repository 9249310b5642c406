import Foundation
import NIOPosix
import PSPConsent
import PSPWallet
import WalletClient

/// The cost of receipts: the same administration read as `reads`, with 0, 1
/// and 3 witnesses (in this process, on loopback), each read waiting for the
/// epoch that holds its entry to be cosigned by every witness, against the
/// bare hello route — all in one run, with the same load generator.
enum WitnessedReadsBenchmark {
  struct Options {
    var witnesses = [0, 1, 3]
    var connections = 64
    var seconds = 10.0
    var warmup = 1.0
    var epochInterval = 0
  }

  static func run(_ options: Options) async throws {
    print("## witnessed: administration reads with receipts, 0 / 1 / 3 witnesses")
    print("")
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let hello = try await HelloServer.start(echoBytes: 64)
    let helloResult = try await LoadGenerator.run(
      host: "127.0.0.1", port: hello.port,
      plans: Array(repeating: RequestPlan(path: "/hello"), count: options.connections),
      warmup: options.warmup, duration: options.seconds, group: group)
    await hello.stop()
    var table = MarkdownTable(
      "witnesses", "reads/s", "read p50 ms", "read p99 ms", "reads/hello", "vs 0 witnesses",
      "epochs/s",
      "entries per epoch", "client read p50 ms", "non-2xx")
    var base: Double? = nil
    for count in options.witnesses {
      let bench = try await BenchDaemon.start(
        witnesses: count, epochInterval: options.epochInterval)
      let (citizen, grant) = try await bench.citizenWithGrant()
      // The real client verifies the receipt before it opens the 5 fields.
      let administration = AdministrationClient(transport: bench.transport(bench.administration))
      let opened = try await administration.read(
        wallet: citizen.walletID, grant: grant.id, purpose: BenchDaemon.purpose)
      guard opened.values.count == 5, !opened.receipt.isEmpty else {
        throw BenchError.setup("the read opened \(opened.values.count) fields")
      }
      let client = try await millisecondsPerCall(50) {
        _ = try await administration.read(
          wallet: citizen.walletID, grant: grant.id, purpose: BenchDaemon.purpose)
      }
      let body = try readBody(
        wallet: citizen.walletID, grant: grant.id, purpose: BenchDaemon.purpose)
      var plans: [RequestPlan] = []
      for _ in 0..<options.connections {
        let session = try await SessionHandshake.open(bench.baseURL, identity: bench.administration)
        plans.append(
          RequestPlan(method: .POST, path: "/v1/reads", bodies: [body], session: session))
      }
      let before = bench.epochs()
      let started = Date()
      let reads = try await LoadGenerator.run(
        host: bench.daemon.host, port: bench.daemon.port, plans: plans, warmup: options.warmup,
        duration: options.seconds, group: group)
      let elapsed = Date().timeIntervalSince(started)
      let after = bench.epochs()
      await bench.stop()
      let epochs = after.epochs - before.epochs
      if count == 0 { base = reads.requestsPerSecond }
      table.add(
        "\(count)", format(reads.requestsPerSecond, 0), format(reads.p50, 2), format(reads.p99, 2),
        format(reads.requestsPerSecond / helloResult.requestsPerSecond, 2),
        base.map { format($0 / reads.requestsPerSecond, 2) + "× slower" } ?? "–",
        format(Double(epochs) / elapsed, 0),
        epochs > 0 ? format(Double(after.entries - before.entries) / Double(epochs), 1) : "–",
        format(client.median, 2), "\(reads.failed)")
    }
    try await group.shutdownGracefully()
    print(
      "Hello: \(format(helloResult.requestsPerSecond, 0)) requests/s, p99 \(format(helloResult.p99, 2)) ms at "
        + "\(options.connections) connections. Reads: \(options.connections) connections, "
        + "\(format(options.warmup, 0)) s warm-up then \(format(options.seconds, 0)) s measured per row; "
        + "a read's answer waits for the epoch holding its entry to be cosigned by every witness (quorum = all); "
        + "epochs are made back to back (the next as soon as the previous is cosigned"
        + (options.epochInterval > 0 ? ", at least \(options.epochInterval) ms apart" : "")
        + "). Witnesses run in this process (2 cores shared with walletd and the load generator): each does "
        + "an SQLite durable commit per epoch. client read = AdministrationClient.read (URLSession, receipt verified, 5 fields opened), 50 reads one after another."
    )
    print("")
    table.print()
  }
}
