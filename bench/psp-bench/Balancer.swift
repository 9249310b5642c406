import Foundation

/// nginx in front of walletd on loopback ports (`scripts/nginx-balancer.sh`,
/// from `deploy/nginx.conf`), in a directory of its own.
struct Balancer {
  let directory: String
  let port: Int
  var url: String { "http://127.0.0.1:\(port)" }

  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scripts/nginx-balancer.sh").path

  static func start(upstreams: [Int]) throws -> Balancer {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("psp-bench-nginx-\(UUID().uuidString)").path
    let port = Int.random(in: 20_000..<32_000)
    let ports = upstreams.map(String.init).joined(separator: " ")
    guard system("bash '\(script)' start '\(directory)' \(port) \(ports) >/dev/null") == 0 else {
      throw BenchError.setup("nginx did not start (apt-get install nginx-light)")
    }
    return Balancer(directory: directory, port: port)
  }

  func stop() {
    _ = system("bash '\(Self.script)' stop '\(directory)'")
    try? FileManager.default.removeItem(atPath: directory)
  }
}
