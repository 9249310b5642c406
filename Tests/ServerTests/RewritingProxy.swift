import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The platform that lies, played by a test: an HTTP proxy on loopback between
/// the real clients and the real walletd. Every request goes to walletd as it
/// came (method, path and query, headers with the session and MAC, body), so
/// walletd authenticates the client as usual; on the way back a test may
/// rewrite the answer of some requests — status and body bytes — as a platform
/// that controls walletd's output would. Nothing else is changed.
final class RewritingProxy: @unchecked Sendable {
  /// An answer as walletd gave it, or as the test rewrites it.
  struct Answer: Sendable {
    var status: Int
    var body: [UInt8]
  }
  typealias Rewrite = @Sendable (Answer) throws -> Answer

  /// The proxy's address: what clients are pointed at.
  let url: String
  private let state: State
  private let task: Task<Void, any Error>
  private let group: ServiceGroup

  private init(url: String, state: State, task: Task<Void, any Error>, group: ServiceGroup) {
    self.url = url
    self.state = state
    self.task = task
    self.group = group
  }

  /// Starts a proxy to `upstream` (walletd's base URL) on a free loopback port.
  static func start(upstream: String) async throws -> RewritingProxy {
    try await start(upstreams: [upstream])
  }

  /// A balancer in turn: each request goes to the next of `upstreams` (several
  /// walletd on one database), whatever session it belongs to.
  static func start(upstreams: [String]) async throws -> RewritingProxy {
    let state = State(upstreams: upstreams)
    let bound = AsyncStream<Int>.makeStream()
    var logger = Logger(label: "rewriting-proxy")
    logger.logLevel = .critical
    let app = Application(
      responder: CallbackResponder<BasicRequestContext> { request, _ in
        await state.forward(request)
      },
      configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "proxy"),
      onServerRunning: { channel in
        bound.continuation.yield(channel.localAddress?.port ?? 0)
        bound.continuation.finish()
      },
      logger: logger)
    // Stopped gracefully, never by cancelling the serving task: a connection
    // accepted but not yet served when the task is cancelled traps in NIO
    // (apple/swift-nio#3481).
    let group = ServiceGroup(
      configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
    let task = Task { try await group.run() }
    var iterator = bound.stream.makeAsyncIterator()
    guard let port = await iterator.next(), port != 0 else {
      await group.triggerGracefulShutdown()
      throw ProxyError.notListening
    }
    return RewritingProxy(url: "http://127.0.0.1:\(port)", state: state, task: task, group: group)
  }

  /// Stops listening: a graceful shutdown of the server's service group.
  func stop() async {
    await group.triggerGracefulShutdown()
    _ = try? await task.value
    state.session.invalidateAndCancel()
  }

  /// From now on, answers to `method` on a path starting with `pathPrefix`
  /// (the query left out) go through `rewrite`. A later rule for the same
  /// method and prefix replaces the earlier one.
  func rewrite(_ method: String, _ pathPrefix: String, _ rewrite: @escaping Rewrite) {
    state.lock.withLock {
      state.rules.removeAll { $0.method == method && $0.prefix == pathPrefix }
      state.rules.append(.init(method: method, prefix: pathPrefix, rewrite: rewrite))
    }
  }

  /// Forwards every answer unchanged again.
  func stopRewriting() { state.lock.withLock { state.rules.removeAll() } }

  /// How many answers a rule rewrote so far: a test checks it grew, so that
  /// each forgery it counts was really served to the client.
  var rewritten: Int { state.lock.withLock { state.rewritten } }

  /// Failures of rewrite closures (a forgery that could not be built): the
  /// client then got a 502, not the forgery.
  var rewriteFailures: [String] { state.lock.withLock { state.failures } }

  /// How many requests each upstream was given, in the order given at start.
  var served: [Int] { state.lock.withLock { state.served } }

  /// walletd's last answer (before any rewrite) to `method` on exactly `path`
  /// (query left out): how a test keeps an old answer to serve later.
  func lastAnswer(_ method: String, _ path: String) -> Answer? {
    state.lock.withLock { state.answers["\(method) \(path)"] }
  }

  enum ProxyError: Error { case notListening }

  /// What the responder closure shares with the proxy object.
  private final class State: @unchecked Sendable {
    struct Rule {
      let method: String
      let prefix: String
      let rewrite: Rewrite
    }

    let upstreams: [String]
    let session: URLSession
    var served: [Int]
    let lock = NSLock()
    var rules: [Rule] = []
    var rewritten = 0
    var failures: [String] = []
    var answers: [String: Answer] = [:]

    /// Headers of one hop only, or that URLSession sets itself.
    static let hopByHop: Set<String> = [
      "host", "content-length", "connection", "keep-alive", "transfer-encoding", "te", "upgrade",
      "expect", "proxy-connection", "accept-encoding",
    ]

    init(upstreams: [String]) {
      self.upstreams = upstreams.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
      served = upstreams.map { _ in 0 }
      let configuration = URLSessionConfiguration.ephemeral
      configuration.timeoutIntervalForRequest = 30
      configuration.httpMaximumConnectionsPerHost = 64
      session = URLSession(configuration: configuration)
    }

    func forward(_ request: Request) async -> Response {
      var request = request
      let body: [UInt8]
      do {
        body = Array(try await request.collectBody(upTo: 64 << 20).readableBytesView)
      } catch {
        return Response(status: .contentTooLarge)
      }
      let method = request.method.rawValue
      let path = request.uri.path
      let upstream = lock.withLock {
        let turn = served.reduce(0, +) % upstreams.count
        served[turn] += 1
        return upstreams[turn]
      }
      guard let url = URL(string: upstream + request.uri.string) else {
        return Response(status: .badRequest)
      }
      var outgoing = URLRequest(url: url)
      outgoing.httpMethod = method
      for field in request.headers where !Self.hopByHop.contains(field.name.canonicalName) {
        outgoing.addValue(field.value, forHTTPHeaderField: field.name.rawName)
      }
      if !body.isEmpty || method == "POST" { outgoing.httpBody = Data(body) }

      var answer: Answer
      var contentType: String?
      do {
        let (data, response) = try await session.data(for: outgoing)
        guard let http = response as? HTTPURLResponse else { return Response(status: .badGateway) }
        answer = Answer(status: http.statusCode, body: Array(data))
        for (name, value) in http.allHeaderFields {
          if let name = name as? String, name.lowercased() == "content-type" {
            contentType = value as? String
          }
        }
      } catch {
        return Response(status: .badGateway)
      }

      let rule = lock.withLock {
        answers["\(method) \(path)"] = answer
        return rules.last { $0.method == method && path.hasPrefix($0.prefix) }
      }
      if let rule {
        do {
          answer = try rule.rewrite(answer)
          lock.withLock { rewritten += 1 }
        } catch {
          lock.withLock { failures.append("\(method) \(path): \(error)") }
          return Response(status: .badGateway)
        }
      }
      var headers = HTTPFields()
      if let contentType { headers[.contentType] = contentType }
      return Response(
        status: .init(code: answer.status), headers: headers,
        body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
  }
}
