import Foundation
import Hummingbird
import WalletAPI

/// JSON and problem responses. Problem documents (RFC 9457) carry a code and a
/// short text: never a value, a key or a token.
enum Responses {
  static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return json(bytes: Array((try? encoder.encode(value)) ?? Data("{}".utf8)), status: status)
  }

  /// JSON already written to bytes (`ReadAnswerJSON`).
  static func json(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  static func problem(_ error: APIError) -> Response {
    let status = HTTPResponse.Status(code: error.status)
    let problem = Problem(
      type: "urn:psp:problem:\(error.code)", title: title(error.status), status: error.status, detail: error.detail)
    var response = json(problem, status: status)
    response.headers[.contentType] = "application/problem+json"
    if case .tooManyRequests = error { response.headers[.retryAfter] = "60" }
    return response
  }

  static func title(_ status: Int) -> String {
    switch status {
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 409: "Conflict"
    case 413: "Content Too Large"
    case 415: "Unsupported Media Type"
    case 429: "Too Many Requests"
    case 503: "Service Unavailable"
    default: "Error"
    }
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
