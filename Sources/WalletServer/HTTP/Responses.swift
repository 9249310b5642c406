import Foundation
import Hummingbird
import WalletAPI

/// JSON and problem responses. Problem documents (RFC 9457) carry a code and a
/// short text: never a value, a key or a token.
enum Responses {
  static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  static func problem(_ error: APIError) -> Response {
    let status = HTTPResponse.Status(code: error.status)
    let problem = Problem(
      type: "urn:psp:problem:\(error.code)", title: status.reasonPhrase, status: error.status, detail: error.detail)
    var response = json(problem, status: status)
    response.headers[.contentType] = "application/problem+json"
    if case .tooManyRequests = error { response.headers[.retryAfter] = "60" }
    return response
  }

  static func text(_ text: String, contentType: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = contentType
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}

/// An empty JSON object, for operations that only succeed or fail.
struct Done: Codable, Sendable {
  let ok: Bool
  init() { ok = true }
}
