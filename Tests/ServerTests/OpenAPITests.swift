import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `spec/openapi.yaml` is the source of truth: walletd serves exactly it, and
/// every route walletd answers is in it.
@Suite("OpenAPI document")
struct OpenAPITests {
  static let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("spec/openapi.yaml")

  @Test func walletdServesTheSpec() async throws {
    let h = try await ServerHarness.start(fill: false)
    defer { Task { await h.stop() } }
    let (data, _) = try await URLSession.shared.data(from: URL(string: h.url + "/openapi.yaml")!)
    #expect(data == (try Data(contentsOf: Self.spec)))
  }

  @Test func everyRouteIsDescribed() throws {
    let spec = try String(contentsOf: Self.spec, encoding: .utf8)
    let routes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/WalletServer/HTTP/WalletRoutes.swift")
    let source = try String(contentsOf: routes, encoding: .utf8)
    let pattern = try NSRegularExpression(pattern: #"router\.(get|post)\("([^"]+)"\)"#)
    let matches = pattern.matches(in: source, range: NSRange(source.startIndex..., in: source))
    #expect(matches.count >= 25)
    for match in matches {
      let path = String(source[Range(match.range(at: 2), in: source)!])
      // Hummingbird's ":wallet" is OpenAPI's "{wallet}".
      let openAPIPath = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
        .joined(separator: "/")
      #expect(spec.contains("  /" + openAPIPath + ":"), "\(path) is not in spec/openapi.yaml")
    }
  }
}
