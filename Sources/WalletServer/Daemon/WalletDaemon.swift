import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import NIOCore
import PSPConsent
import ServiceLifecycle

/// A running walletd: the service, its HTTP server, and a handle to stop it
/// gracefully (in-flight requests finish; queued writes commit). Used by the
/// `walletd` executable, by `wallet-cli demo` and by the integration tests.
public final class WalletDaemon: @unchecked Sendable {
  public let service: WalletService
  public let port: Int
  public let host: String
  private let group: ServiceGroup
  private let task: Task<Void, any Error>

  public let scheme: String
  public var baseURL: String { "\(scheme)://\(host):\(port)" }

  /// Starts walletd and returns once it listens. Port 0 picks a free port.
  public static func start(
    _ configuration: DaemonConfiguration, logger: Logger = Logger(label: "walletd"),
    metrics: @escaping @Sendable () -> String = { "" }, handleSignals: Bool = false,
    clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
  ) async throws -> WalletDaemon {
    // Settings are checked before anything is created or started.
    let server: HTTPServerBuilder
    switch (configuration.tlsCertificate, configuration.tlsKey) {
    case (let certificate?, let key?):
      let chain = try NIOSSLCertificate.fromPEMFile(certificate).map {
        NIOSSLCertificateSource.certificate($0)
      }
      let tls = TLSConfiguration.makeServerConfiguration(
        certificateChain: chain,
        privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
      server = try .tls(.http1(), tlsConfiguration: tls)
    case (nil, nil):
      server = .http1()
    default:
      throw APIError.badRequest("TLS needs both tlsCertificate and tlsKey")
    }
    try FileManager.default.createDirectory(
      atPath: configuration.dataDir, withIntermediateDirectories: true)
    chmod(configuration.dataDir, 0o700)
    let daemonKey = try DaemonKey.loadOrCreate(in: configuration.dataDir)
    guard let week = WorkingDayCalendar.WorkingWeek(rawValue: configuration.workingWeek) else {
      throw APIError.badRequest("workingWeek must be monday-to-saturday or monday-to-friday")
    }
    let (operatorKey, registrars) = (
      try configuration.operatorPublicKey(), try configuration.registrarPublicKeys()
    )
    let (grantCacheSize, witnessing) = (
      try configuration.grantCacheCapacity(), try configuration.witnessing()
    )
    let store = try await openStore(configuration, logger: logger)
    let service: WalletService
    do {
      service = try await WalletService(
        store: store, daemonKey: daemonKey, operatorKey: operatorKey, registrars: registrars,
        calendar: WorkingDayCalendar(week: week), grantCacheSize: grantCacheSize,
        witnessing: witnessing, logger: logger, clock: clock)
    } catch {
      await store.stop()
      throw error
    }
    let routes = WalletRoutes(
      service: service,
      limiter: FailureLimiter(budgetPerMinute: configuration.authFailuresPerMinute),
      metrics: metrics)
    let (host, port) = try configuration.hostAndPort()
    let bound = AsyncStream<Int>.makeStream()
    let app = Application(
      router: routes.router(),
      server: server,
      configuration: .init(address: .hostname(host, port: port), serverName: "walletd"),
      onServerRunning: { channel in
        bound.continuation.yield(channel.localAddress?.port ?? port)
        bound.continuation.finish()
      },
      logger: logger)
    let group = ServiceGroup(
      configuration: .init(
        services: [app], gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
        logger: logger))
    let task = Task {
      do { try await group.run() } catch {
        // Not listening (the address is taken): `start` must not wait for it.
        bound.continuation.finish()
        await service.stop()
        throw error
      }
      bound.continuation.finish()
      await service.stop()
    }
    var iterator = bound.stream.makeAsyncIterator()
    guard let actual = await iterator.next() else {
      // Stopped (its store closed) before saying why.
      let cause: String
      if case .failure(let error) = await task.result { cause = ": \(error)" } else { cause = "" }
      throw APIError.unavailable("walletd could not listen on \(configuration.listen)\(cause)")
    }
    service.startWitnessing()
    return WalletDaemon(
      service: service, scheme: configuration.tlsCertificate == nil ? "http" : "https", host: host,
      port: actual,
      group: group, task: task)
  }

  /// The store the configuration names, opened and migrated.
  static func openStore(_ configuration: DaemonConfiguration, logger: Logger) async throws
    -> SQLServerStore
  {
    switch try configuration.storeLocation(environment: ProcessInfo.processInfo.environment) {
    case .sqlite(let directory):
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      chmod(directory, 0o700)
      return try SQLServerStore.sqlite(path: directory + "/walletd.sqlite")
    case .postgres(let location):
      let connections = try configuration.connectionCount()
      do {
        return try await SQLServerStore.postgres(
          location: location, connections: connections, logger: logger)
      } catch {
        throw APIError.unavailable(PostgresFailure.sentence(for: error, location: location))
      }
    }
  }

  private init(
    service: WalletService, scheme: String, host: String, port: Int, group: ServiceGroup,
    task: Task<Void, any Error>
  ) {
    self.service = service
    self.scheme = scheme
    self.host = host
    self.port = port
    self.group = group
    self.task = task
  }

  /// Stops accepting, lets in-flight requests finish, then returns.
  public func stop() async {
    await group.triggerGracefulShutdown()
    _ = try? await task.value
  }

  /// Waits until walletd stops (a signal, or `stop()`).
  public func wait() async throws { try await task.value }
}
