import Foundation
import Hummingbird
import Logging
import PSPCrypto
import PSPTransparency
import ServiceLifecycle

/// A running witness: its HTTP server on `host:port` and a handle to stop it
/// gracefully. Used by `psp-witness` and, in-process, by the tests.
public final class WitnessDaemon: Sendable {
  public let host: String
  public let port: Int
  /// The witness's cosignature vkey (type 0x04), for the policies that pin it.
  public let vkey: String
  public let store: WitnessStore
  private let group: ServiceGroup
  private let task: Task<Void, any Error>

  public var baseURL: String { "http://\(host):\(port)" }

  /// Makes the data dir, key and database if needed, and returns once the
  /// server listens. Settings are checked before anything is created.
  public static func start(
    _ configuration: WitnessConfiguration, logger: Logger = Logger(label: "psp-witness"),
    handleSignals: Bool = false,
    clock: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }
  ) async throws -> WitnessDaemon {
    let (host, port) = try configuration.hostAndPort()
    let logs = try configuration.parsedLogs()
    let key = try prepare(configuration)
    let core = try WitnessCore(
      cosigner: CosignatureV1Signer(name: configuration.name, key: key), logs: logs,
      headsLogs: configuration.headsLogs)
    let store = try WitnessStore(path: configuration.dataDir + "/witness.sqlite")
    try store.claim(name: configuration.name)
    let bound = AsyncStream<Int>.makeStream()
    let app = Application(
      router: WitnessRoutes(core: core, store: store, clock: clock).router(),
      configuration: .init(address: .hostname(host, port: port), serverName: "psp-witness"),
      onServerRunning: { channel in
        bound.continuation.yield(channel.localAddress?.port ?? port)
        bound.continuation.finish()
      },
      logger: logger)
    let group = ServiceGroup(
      configuration: .init(
        services: [app], gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
        logger: logger))
    let task = Task { try await group.run() }
    var iterator = bound.stream.makeAsyncIterator()
    guard let actual = await iterator.next() else {
      task.cancel()
      throw WitnessServerError.configuration("cannot listen on \(configuration.listen)")
    }
    return WitnessDaemon(
      host: host, port: actual, vkey: core.cosigner.vkey, store: store, group: group, task: task)
  }

  /// The witness's key (made on first use) and its vkey under `name`, without
  /// starting anything: `psp-witness --print-vkey`.
  public static func vkey(_ configuration: WitnessConfiguration) throws -> String {
    try CosignatureV1Signer(name: configuration.name, key: prepare(configuration)).vkey
  }

  /// The data dir (mode 0700) and the key in it.
  private static func prepare(_ configuration: WitnessConfiguration) throws -> SigningKey {
    guard NoteKeyID.isValidName(configuration.name) else {
      throw WitnessServerError.configuration("the name must be non-empty, without spaces or '+'")
    }
    try FileManager.default.createDirectory(
      atPath: configuration.dataDir, withIntermediateDirectories: true)
    chmod(configuration.dataDir, 0o700)
    return try WitnessKey.loadOrCreate(in: configuration.dataDir)
  }

  private init(
    host: String, port: Int, vkey: String, store: WitnessStore, group: ServiceGroup,
    task: Task<Void, any Error>
  ) {
    self.host = host
    self.port = port
    self.vkey = vkey
    self.store = store
    self.group = group
    self.task = task
  }

  /// Stops accepting, lets in-flight requests finish, then returns.
  public func stop() async {
    await group.triggerGracefulShutdown()
    _ = try? await task.value
  }

  /// Waits until the witness stops (a signal, or `stop()`).
  public func wait() async throws { try await task.value }
}
