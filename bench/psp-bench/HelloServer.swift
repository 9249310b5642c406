import Hummingbird
import Logging
import ServiceLifecycle

/// The floor to compare walletd with: a bare Hummingbird application, same
/// framework, same process, same loopback, that answers GET /hello with "ok"
/// and does nothing else — no authentication, no database, no log. Its
/// POST /echo has the shape of a read without its work: it collects the JSON
/// body, then answers with a fixed JSON body as long as a read's answer, so
/// the cost of moving a read's bytes through HTTP can be told apart from the
/// cost of the read itself.
final class HelloServer: Sendable {
  let port: Int
  private let group: ServiceGroup
  private let task: Task<Void, any Error>

  private init(port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
    self.port = port
    self.group = group
    self.task = task
  }

  static func start(echoBytes: Int = 2) async throws -> HelloServer {
    let router = Router()
    router.get("/hello") { _, _ in "ok" }
    let answer = ByteBuffer(bytes: Array("\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: max(0, echoBytes - 2)) + Array("\"".utf8))
    router.post("/echo") { request, _ in
      _ = try await request.body.collect(upTo: 1 << 20)
      return Response(
        status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: answer))
    }
    var logger = Logger(label: "hello")
    logger.logLevel = .error
    let bound = AsyncStream<Int>.makeStream()
    let app = Application(
      router: router,
      configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "hello"),
      onServerRunning: { channel in
        bound.continuation.yield(channel.localAddress?.port ?? 0)
        bound.continuation.finish()
      }, logger: logger)
    let group = ServiceGroup(
      configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
    let task = Task { try await group.run() }
    var iterator = bound.stream.makeAsyncIterator()
    guard let port = await iterator.next(), port != 0 else {
      task.cancel()
      throw BenchError.setup("the hello server could not listen")
    }
    return HelloServer(port: port, group: group, task: task)
  }

  func stop() async {
    await group.triggerGracefulShutdown()
    _ = try? await task.value
  }
}
