import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit

/// A form sent as `multipart/form-data` (a file chosen in the page), read
/// with MultipartKit: each part's name, file name, declared type and bytes.
struct AppUpload {
  struct Part {
    let name: String
    let filename: String?
    let contentType: String?
    let bytes: [UInt8]
  }

  let parts: [Part]

  subscript(_ name: String) -> String? {
    parts.last { $0.name == name && $0.filename == nil }.map {
      String(decoding: $0.bytes, as: UTF8.self)
    }
  }

  func file(_ name: String) -> Part? { parts.last { $0.name == name && $0.filename != nil } }

  /// The body of `request`, at most `limit` bytes; nil when it is not a
  /// well-formed multipart form (then nothing is done).
  static func read(_ request: Request, limit: Int) async -> AppUpload? {
    guard let type = request.headers[.contentType],
      type.lowercased().hasPrefix("multipart/form-data"),
      let boundary = boundary(of: type)
    else { return nil }
    var request = request
    guard let buffer = try? await request.collectBody(upTo: limit) else { return nil }
    let parser = MultipartParser(boundary: boundary)
    var parts: [Part] = []
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    parser.onHeader = { headers.append(($0, $1)) }
    parser.onBody = { chunk in body += chunk.readableBytesView }
    parser.onPartComplete = {
      let disposition = headers.last { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
      if let name = parameter("name", in: disposition) {
        parts.append(
          Part(
            name: name, filename: parameter("filename", in: disposition),
            contentType: headers.last { $0.0.lowercased() == "content-type" }?.1, bytes: body))
      }
      headers = []
      body = []
    }
    do { try parser.execute(buffer) } catch { return nil }
    return AppUpload(parts: parts)
  }

  static func boundary(of contentType: String) -> String? {
    parameter("boundary", in: contentType)
  }

  /// `name="value"` or `name=value` in a header's parameters.
  static func parameter(_ name: String, in header: String) -> String? {
    for item in header.split(separator: ";").dropFirst() {
      let pair = item.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard pair.count == 2, pair[0].lowercased() == name else { continue }
      var value = pair[1]
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
        value = String(value.dropFirst().dropLast())
      }
      return value
    }
    return nil
  }
}
