import Foundation
import PSPCrypto
import WitnessServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A witness started in this process on a free loopback port, over a fresh
/// data dir, and a small HTTP client for it.
final class WitnessHarness: @unchecked Sendable {
  let directory: String
  let name: String
  let logs: [TestLog]
  /// Whether the logs are PSP heads logs; the plain tlog-witness tests use false.
  let headsLogs: Bool
  private(set) var daemon: WitnessDaemon

  static func start(
    logs: [TestLog], name: String = "witness.example.lu/w1", directory: String? = nil,
    headsLogs: Bool = false
  )
    async throws -> WitnessHarness
  {
    let directory =
      directory
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "psp-witness-\(UUID().uuidString)"
      ).path
    let daemon = try await WitnessDaemon.start(
      configuration(directory, name, logs, headsLogs: headsLogs))
    return WitnessHarness(
      directory: directory, name: name, logs: logs, headsLogs: headsLogs, daemon: daemon)
  }

  static func configuration(
    _ directory: String, _ name: String, _ logs: [TestLog], headsLogs: Bool = false
  ) -> WitnessConfiguration {
    WitnessConfiguration(
      dataDir: directory, listen: "127.0.0.1:0", name: name, logs: logs.map(\.logArgument),
      headsLogs: headsLogs)
  }

  private init(
    directory: String, name: String, logs: [TestLog], headsLogs: Bool, daemon: WitnessDaemon
  ) {
    self.directory = directory
    self.name = name
    self.logs = logs
    self.headsLogs = headsLogs
    self.daemon = daemon
  }

  /// Stops the witness and starts it again on the same data dir.
  func restart() async throws {
    await daemon.stop()
    daemon = try await WitnessDaemon.start(
      Self.configuration(directory, name, logs, headsLogs: headsLogs))
  }

  func stop() async {
    await daemon.stop()
    try? FileManager.default.removeItem(atPath: directory)
  }

  struct Answer {
    let status: Int
    let contentType: String?
    let body: [UInt8]
  }

  func post(_ path: String, _ body: [UInt8]) async throws -> Answer {
    var request = URLRequest(url: URL(string: daemon.baseURL + path)!, timeoutInterval: 10)
    request.httpMethod = "POST"
    request.httpBody = Data(body)
    return try await send(request)
  }

  func get(_ path: String) async throws -> Answer {
    try await send(URLRequest(url: URL(string: daemon.baseURL + path)!, timeoutInterval: 10))
  }

  func addCheckpoint(_ body: [UInt8]) async throws -> Answer {
    try await post("/add-checkpoint", body)
  }

  func addEpoch(_ body: [UInt8]) async throws -> Answer {
    try await post("/psp-v1/add-epoch", body)
  }

  /// GET <origin hash>/checkpoint.
  func latest(_ origin: String) async throws -> Answer {
    try await get("/\(Encoding.hex(SHA256.hash(Array(origin.utf8))))/checkpoint")
  }

  private func send(_ request: URLRequest) async throws -> Answer {
    let session = URLSession(configuration: .ephemeral)
    defer { session.finishTasksAndInvalidate() }
    let (data, response) = try await session.data(for: request)
    let http = response as! HTTPURLResponse
    return Answer(
      status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type"),
      body: Array(data))
  }
}
