import Foundation
import Hummingbird
import Logging
import PSPWallet
import ServiceLifecycle

/// `wallet-cli app`'s local web server: on 127.0.0.1 only, for the one person
/// who started it (`AppSession`), every request checked by `AppGuard`, every
/// page made here with the same client library and words as the CLI.
final class AppServer: Sendable {
  let port: Int
  let session: AppSession
  private let group: ServiceGroup
  private let task: Task<Void, any Error>

  private init(port: Int, session: AppSession, group: ServiceGroup, task: Task<Void, any Error>) {
    self.port = port
    self.session = session
    self.group = group
    self.task = task
  }

  /// The address to open, with the one-time token (printed once, first line).
  func address() async -> String {
    "http://127.0.0.1:\(port)/?token=\(await session.token ?? "")"
  }

  /// `stopOnSignals`: Ctrl-C and SIGTERM stop the server gracefully (so that
  /// the demo world is removed); tests stop it with `stop()`.
  static func start(_ context: AppContext, port: Int = 0, stopOnSignals: Bool = false)
    async throws -> AppServer
  {
    let session = AppSession()
    let bound = AsyncStream<Int>.makeStream()
    let ports = PortBox()
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: AppGuard(session: session, port: { ports.value }))
    AppPages(context: context, session: session).register(on: router)
    var logger = Logger(label: "wallet-cli-app")
    logger.logLevel = .warning
    let app = Application(
      router: router,
      configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "psp-app"),
      onServerRunning: { channel in
        bound.continuation.yield(channel.localAddress?.port ?? port)
        bound.continuation.finish()
      },
      logger: logger)
    let group = ServiceGroup(
      configuration: .init(
        services: [app], gracefulShutdownSignals: stopOnSignals ? [.sigint, .sigterm] : [],
        logger: logger))
    let task = Task { try await group.run() }
    var iterator = bound.stream.makeAsyncIterator()
    guard let actual = await iterator.next() else {
      await group.triggerGracefulShutdown()
      throw Messages.appCannotListen
    }
    ports.value = actual
    return AppServer(port: actual, session: session, group: group, task: task)
  }

  func stop() async {
    await session.close()
    await group.triggerGracefulShutdown()
    _ = try? await task.value
  }

  /// Until the server stops (Ctrl-C).
  func wait() async throws { try await task.value }

  /// The bound port, known once the server listens (read by the guard).
  private final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port = 0
    var value: Int {
      get { lock.withLock { port } }
      set { lock.withLock { port = newValue } }
    }
  }
}

/// What the pages act with: the person's folder and identity, walletd's
/// address, the language of the pages.
/// (The option groups are parsed values, never changed after: `@unchecked`.)
struct AppContext: @unchecked Sendable {
  let home: HomeOptions
  let actor: ActorOptions
  let server: ServerOptions
  let language: Language
  let environment: [String: String]
  /// In the demo world only: the passphrase of every demo person, shown on
  /// the unlock page (they are made up, and their folder is thrown away).
  var demoPassphrase: String? = nil

  var invocation: Invocation { Invocation(app: language, environment: environment) }
}
