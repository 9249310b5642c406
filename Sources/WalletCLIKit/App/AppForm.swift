import Foundation

/// An `application/x-www-form-urlencoded` body (HTML 5, §4.10.21.7): `+` is a
/// space, `%XX` a byte; names and values as text. A malformed pair is left out.
struct AppForm {
  let values: [String: String]

  init(_ body: String) {
    var values: [String: String] = [:]
    for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = Self.decode(parts[0]) else { continue }
      values[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
    }
    self.values = values
  }

  subscript(_ name: String) -> String? { values[name] }

  private static func decode(_ text: Substring) -> String? {
    text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
  }
}
