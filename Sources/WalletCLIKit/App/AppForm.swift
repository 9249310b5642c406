import Foundation

/// The fields of a form sent as `application/x-www-form-urlencoded`. A name
/// given several times (checkboxes) keeps every value, in order.
struct AppForm {
  let pairs: [(name: String, value: String)]

  init(_ body: String) {
    var pairs: [(String, String)] = []
    for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = Self.decode(parts[0]) else { continue }
      pairs.append((name, parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""))
    }
    self.pairs = pairs
  }

  /// The last value given for `name`.
  subscript(_ name: String) -> String? { pairs.last { $0.name == name }?.value }

  /// Every value given for `name` (ticked checkboxes), in order.
  func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

  private static func decode(_ text: Substring) -> String? {
    text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
  }
}
