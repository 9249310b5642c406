import Foundation
import NIOPosix
import PSPConsent
import PSPWallet
import WalletClient

/// Administration reads under a durable 5-field grant — authenticated over a
/// session, decided, and durably logged through the group commit before the
/// answer — against a bare Hummingbird hello route, both hammered by the same
/// load generator with the same concurrency in the same run.
enum ReadsBenchmark {
  struct Options {
    var connections = [1, 16, 64]
    var seconds = 10.0
    var warmup = 1.0
  }

  static func run(_ options: Options) async throws {
    print("## reads: administration reads vs a bare Hummingbird hello")
    print("")
    let bench = try await BenchDaemon.start()
    let (citizen, grant) = try await bench.citizenWithGrant()

    // The real client first: the read must succeed and open exactly the 5
    // granted fields, or the load below would measure refusals.
    let administration = AdministrationClient(transport: bench.transport(bench.administration))
    let opened = try await administration.read(
      wallet: citizen.walletID, grant: grant.id, purpose: BenchDaemon.purpose)
    guard opened.values.count == 5 else {
      throw BenchError.setup("the read opened \(opened.values.count) fields, not 5")
    }
    let client = try await millisecondsPerCall(200) {
      _ = try await administration.read(
        wallet: citizen.walletID, grant: grant.id, purpose: BenchDaemon.purpose)
    }

    let body = try readBody(wallet: citizen.walletID, grant: grant.id, purpose: BenchDaemon.purpose)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    // One short run to learn how long a read's answer is, for the echo route.
    let probe = try await LoadGenerator.run(
      host: bench.daemon.host, port: bench.daemon.port,
      plans: [
        RequestPlan(
          method: .POST, path: "/v1/reads", bodies: [body],
          session: try await SessionHandshake.open(bench.baseURL, identity: bench.administration))
      ], warmup: 0, duration: 0.3, group: group)
    let hello = try await HelloServer.start(echoBytes: probe.averageBodyBytes)
    var table = MarkdownTable(
      "connections", "reads/s", "read p50 ms", "read p99 ms", "CPU (cores)", "hello/s",
      "hello p50 ms",
      "hello p99 ms", "CPU (cores)", "echo/s", "echo p99 ms", "reads/hello", "reads/echo",
      "avg commit batch", "others' CPU", "non-2xx")
    var last: (reads: LoadResult, hello: LoadResult)? = nil
    for connections in options.connections {
      var plans: [RequestPlan] = []
      for _ in 0..<connections {
        let session = try await SessionHandshake.open(bench.baseURL, identity: bench.administration)
        plans.append(
          RequestPlan(method: .POST, path: "/v1/reads", bodies: [body], session: session))
      }
      let before = bench.groupCommit()
      let reads = try await LoadGenerator.run(
        host: bench.daemon.host, port: bench.daemon.port, plans: plans, warmup: options.warmup,
        duration: options.seconds, group: group)
      let after = bench.groupCommit()
      let helloResult = try await LoadGenerator.run(
        host: "127.0.0.1", port: hello.port,
        plans: Array(repeating: RequestPlan(path: "/hello"), count: connections),
        warmup: options.warmup, duration: options.seconds, group: group)
      let echo = try await LoadGenerator.run(
        host: "127.0.0.1", port: hello.port,
        plans: Array(repeating: RequestPlan(method: .POST, path: "/echo", bodies: [body]), count: connections),
        warmup: options.warmup, duration: options.seconds, group: group)
      let batches = after.batches - before.batches
      let writes = after.writes - before.writes
      table.add(
        "\(connections)", format(reads.requestsPerSecond, 0), format(reads.p50, 2),
        format(reads.p99, 2), format(reads.cores, 2),
        format(helloResult.requestsPerSecond, 0), format(helloResult.p50, 2),
        format(helloResult.p99, 2),
        format(helloResult.cores, 2), format(echo.requestsPerSecond, 0), format(echo.p99, 2),
        format(reads.requestsPerSecond / helloResult.requestsPerSecond, 2),
        format(reads.requestsPerSecond / echo.requestsPerSecond, 2),
        batches > 0 ? format(Double(writes) / Double(batches), 1) : "–",
        "\(format(reads.othersCores, 2)) / \(format(helloResult.othersCores, 2))",
        "\(reads.failed + helloResult.failed + echo.failed)")
      last = (reads, helloResult)
    }
    try await group.shutdownGracefully()
    await hello.stop()
    let totals = bench.groupCommit()
    await bench.stop()

    print(
      "Load generator: psp-bench's own (SwiftNIO HTTP/1.1, keep-alive, closed loop, one event-loop thread, in this process), "
        + "\(format(options.warmup, 0)) s warm-up then \(format(options.seconds, 0)) s measured per row; "
        + "reads carry walletd's session MAC headers, computed per request. "
        + "echo = the hello server's POST /echo: the read's request body in, a fixed \(probe.averageBodyBytes)-byte JSON answer out (as long as a read's answer), nothing else. "
        + "avg commit batch = group-commit writes ÷ batches over the row's reads. "
        + "CPU (cores) = CPU time of this whole process (walletd or hello server, and the load generator) ÷ wall time of the row; "
        + "others' CPU = cores the machine's other processes used meanwhile (reads row / hello row)."
    )
    print("")
    table.print()
    if let (reads, helloResult) = last {
      let ratio = reads.requestsPerSecond / helloResult.requestsPerSecond
      print(
        "At \(reads.connections) connections: reads/hello = \(format(ratio, 2)) (target ≥ 0.5: \(ratio >= 0.5 ? "met" : "not met")); "
          + "read p99 = \(format(reads.p99, 2)) ms (target < 10 ms: \(reads.p99 < 10 ? "met" : "not met"))."
      )
      print("")
    }
    print(
      "Group commit over the whole run: \(totals.batches) batches, \(totals.writes) writes, "
        + "average \(format(Double(totals.writes) / Double(max(totals.batches, 1)), 1)) writes per fsync."
    )
    print("")
    print(
      "The real client, `AdministrationClient.read` (URLSession, then opening the 5 fields), 200 reads one after another: "
        + "p50 \(format(client.median, 2)) ms, p99 \(format(client.percentile(99), 2)) ms.")
    print("")
  }
}
