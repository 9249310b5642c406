import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import PSPCrypto
import WalletAPI

/// What one connection sends: a closed loop (the next request leaves when the
/// previous answer has fully arrived) over one keep-alive HTTP/1.1 connection.
/// With a session, each request carries walletd's three authentication headers
/// with a counter that only grows, exactly as `Transport` sends them.
struct RequestPlan: Sendable {
  var method: HTTPMethod = .GET
  var path: String
  /// One body is picked at random for each request (several wallets).
  var bodies: [[UInt8]] = []
  var session: (id: String, key: SymmetricKey)? = nil
}

struct LoadResult: Sendable {
  let connections: Int
  let seconds: Double
  let completed: Int
  let failed: Int
  let latencies: Samples
  /// Bytes of answer bodies received, warm-up included, and their count.
  let bodyBytes: Int
  let answers: Int
  /// CPU time this whole process (server and load generator) used per second
  /// of the run, warm-up included: 2.0 means both cores were busy.
  let cores: Double
  /// CPU the machine's other processes used meanwhile (a shared machine).
  let othersCores: Double

  var requestsPerSecond: Double { Double(completed) / seconds }
  var p50: Double { latencies.median }
  var p99: Double { latencies.percentile(99) }
  var averageBodyBytes: Int { answers > 0 ? bodyBytes / answers : 0 }
}

/// A load generator in this process: N connections from one event-loop
/// thread, each in a closed loop, for a warm-up then a measured window. Only
/// answers that complete inside the window count; a latency runs from the
/// first byte written to the last byte read.
enum LoadGenerator {
  static func run(
    host: String, port: Int, plans: [RequestPlan], warmup: Double, duration: Double,
    group: EventLoopGroup
  ) async throws -> LoadResult {
    var channels: [(Channel, EventLoopFuture<ConnectionResult>)] = []
    for plan in plans {
      let loop = group.next()
      let promise = loop.makePromise(of: ConnectionResult.self)
      let hostHeader = "\(host):\(port)"
      let channel = try await ClientBootstrap(group: loop)
        .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHTTPClientHandlers()
            try channel.pipeline.syncOperations.addHandler(
              ClosedLoopHandler(plan: plan, host: hostHeader, done: promise))
          }
        }
        .connect(host: host, port: port).get()
      channels.append((channel, promise.futureResult))
    }
    let cpuBefore = ProcessCPU.seconds()
    let machineBefore = MachineCPU.busySeconds()
    let start = monotonicNanoseconds()
    let window = StartLoad(
      from: start + UInt64(warmup * 1e9), until: start + UInt64((warmup + duration) * 1e9))
    for (channel, _) in channels { channel.pipeline.fireUserInboundEventTriggered(window) }
    var latencies: [Double] = []
    var completed = 0
    var failed = 0
    var bodyBytes = 0
    var answers = 0
    for (_, future) in channels {
      let result = try await future.get()
      completed += result.latencies.count
      failed += result.failed
      bodyBytes += result.bodyBytes
      answers += result.answers
      latencies += result.latencies.map { Double($0) / 1e6 }
    }
    let wall = Double(monotonicNanoseconds() - start) / 1e9
    let own = ProcessCPU.seconds() - cpuBefore
    let machine = MachineCPU.busySeconds() - machineBefore
    return LoadResult(
      connections: plans.count, seconds: duration, completed: completed, failed: failed,
      latencies: Samples(latencies), bodyBytes: bodyBytes, answers: answers, cores: own / wall, othersCores: max(0, machine - own) / wall)
  }
}

struct StartLoad: Sendable {
  let from: UInt64
  let until: UInt64
}

struct ConnectionResult: Sendable {
  /// Nanoseconds, one per successful answer inside the window.
  let latencies: [UInt64]
  /// Answers that were not 2xx, over the whole run (warm-up included).
  let failed: Int
  let bodyBytes: Int
  let answers: Int
}

enum LoadError: Error {
  case connectionLost
}

final class ClosedLoopHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPClientResponsePart
  typealias OutboundOut = HTTPClientRequestPart

  private let plan: RequestPlan
  private let host: String
  private let done: EventLoopPromise<ConnectionResult>
  private var window = StartLoad(from: 0, until: 0)
  private var counter: UInt64 = 0
  private var sentAt: UInt64 = 0
  private var status: UInt = 0
  private var latencies: [UInt64] = []
  private var failed = 0
  private var bodyBytes = 0
  private var answers = 0
  private var finished = false
  // A cheap generator (xorshift) to pick the body: no system call per request.
  private var state: UInt64 = UInt64.random(in: 1...UInt64.max)

  init(plan: RequestPlan, host: String, done: EventLoopPromise<ConnectionResult>) {
    self.plan = plan
    self.host = host
    self.done = done
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    guard let start = event as? StartLoad else {
      context.fireUserInboundEventTriggered(event)
      return
    }
    window = start
    latencies.reserveCapacity(1 << 14)
    send(context)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head): status = head.status.code
    case .body(let buffer): bodyBytes += buffer.readableBytes
    case .end:
      let now = monotonicNanoseconds()
      answers += 1
      if !(200..<300).contains(status) {
        failed += 1
      } else if now >= window.from && now <= window.until {
        latencies.append(now - sentAt)
      }
      if now < window.until {
        send(context)
      } else {
        finished = true
        done.succeed(
          ConnectionResult(latencies: latencies, failed: failed, bodyBytes: bodyBytes, answers: answers))
        context.close(promise: nil)
      }
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    if !finished { done.fail(LoadError.connectionLost) }
    finished = true
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if !finished { done.fail(error) }
    finished = true
    context.close(promise: nil)
  }

  private func send(_ context: ChannelHandlerContext) {
    counter += 1
    var body: [UInt8] = []
    if !plan.bodies.isEmpty {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      body = plan.bodies[Int(state % UInt64(plan.bodies.count))]
    }
    var head = HTTPRequestHead(version: .http1_1, method: plan.method, uri: plan.path)
    head.headers.add(name: "Host", value: host)
    if plan.method == .POST {
      head.headers.add(name: "Content-Type", value: "application/json")
      head.headers.add(name: "Content-Length", value: String(body.count))
    }
    if let (id, key) = plan.session {
      let mac = RequestAuthentication.mac(
        key: key, method: plan.method.rawValue, path: plan.path, counter: counter, body: body)
      head.headers.add(name: RequestAuthentication.sessionHeader, value: id)
      head.headers.add(name: RequestAuthentication.counterHeader, value: String(counter))
      head.headers.add(name: RequestAuthentication.macHeader, value: Encoding.base64URL(mac))
    }
    sentAt = monotonicNanoseconds()
    context.write(wrapOutboundOut(.head(head)), promise: nil)
    if !body.isEmpty {
      context.write(
        wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))),
        promise: nil)
    }
    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
  }
}
