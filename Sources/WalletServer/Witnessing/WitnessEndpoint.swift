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

  init(timeout: TimeInterval = 5) {
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
  /// stops mid-round). The request ends by itself, within the timeout.
  private func send(_ request: URLRequest) async -> WitnessAnswer? {
    let session = session
    return await Task {
      guard let (data, response) = try? await session.data(for: request),
        let http = response as? HTTPURLResponse
      else { return nil }
      return WitnessAnswer(status: http.statusCode, body: [UInt8](data))
    }.value
  }
}
