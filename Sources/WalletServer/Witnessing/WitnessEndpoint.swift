import Foundation
import PSPTransparency

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One witness walletd asks for cosignatures: its address and its
/// cosignature key (`url vkey` in the settings, `spec/api.md` §"Running walletd").
public struct WitnessEndpoint: Sendable {
  public let url: String
  public let verifier: CosignatureV1Verifier

  public init(url: String, vkey: String) throws(APIError) {
    guard url.hasPrefix("http://") || url.hasPrefix("https://"), URL(string: url) != nil else {
      throw .badRequest("a witness address must be an http or https URL")
    }
    do { verifier = try CosignatureV1Verifier(vkey: vkey) } catch {
      throw .badRequest("a witness key must be a cosignature/v1 vkey: \(error.description)")
    }
    self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
  }

  /// `"URL VKEY"`, as in the config file and `PSP_WITNESSES` (comma-separated).
  public init(setting: String) throws(APIError) {
    let parts = setting.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2 else { throw .badRequest("a witness is 'URL VKEY'") }
    try self.init(url: String(parts[0]), vkey: String(parts[1]))
  }
}

/// What a witness answered.
struct WitnessAnswer: Sendable {
  let status: Int
  let body: [UInt8]
}

/// Posts to witnesses (one shared URLSession; a short timeout, so that a dead
/// witness delays a round by seconds, not minutes).
final class WitnessPoster: Sendable {
  private let session: URLSession
  /// How long a request may take, whatever URLSession does.
  private let deadline: Duration

  init(timeout: TimeInterval = 5) {
    deadline = .seconds(timeout + 2)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.httpMaximumConnectionsPerHost = 4
    session = URLSession(configuration: configuration)
  }

  func get(_ url: String) async -> WitnessAnswer? {
    guard let target = URL(string: url) else { return nil }
    return await send(URLRequest(url: target))
  }

  func post(_ url: String, _ body: [UInt8]) async -> WitnessAnswer? {
    guard let target = URL(string: url) else { return nil }
    var request = URLRequest(url: target)
    request.httpMethod = "POST"
    request.httpBody = Data(body)
    return await send(request)
  }

  /// In a task of its own, which the caller's cancellation does not reach:
  /// swift-corelibs-foundation can deadlock when a task awaiting
  /// `URLSession.data` is cancelled as the answer arrives (seen when walletd
  /// stops mid-round). The answer is awaited until `deadline` at most: a
  /// request that URLSession never ends (seen under load) is given up, as a
  /// witness that did not answer, and left to end on its own.
  private func send(_ request: URLRequest) async -> WitnessAnswer? {
    let session = session
    let outcome = FirstOutcome<WitnessAnswer?>()
    let deadline = deadline
    return await withCheckedContinuation { continuation in
      outcome.waiting(continuation)
      Task {
        guard let (data, response) = try? await session.data(for: request),
          let http = response as? HTTPURLResponse
        else { return outcome.resume(nil) }
        outcome.resume(WitnessAnswer(status: http.statusCode, body: [UInt8](data)))
      }
      Task {
        try? await Task.sleep(for: deadline)
        outcome.resume(nil)
      }
    }
  }
}

/// A continuation resumed once, by whichever of its racers comes first.
final class FirstOutcome<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var continuation: CheckedContinuation<Value, Never>?

  func waiting(_ continuation: CheckedContinuation<Value, Never>) {
    lock.withLock { self.continuation = continuation }
  }

  func resume(_ value: Value) {
    lock.withLock {
      let first = continuation
      continuation = nil
      return first
    }?.resume(returning: value)
  }
}
