import Foundation
import Testing

/// Debian's nginx in front of several walletd on loopback, from
/// `deploy/nginx.conf` (`scripts/nginx-balancer.sh`): round robin, a dead
/// walletd skipped, a request that walletd may have received never sent to
/// another (nginx's default for POST).
struct Nginx {
  static let binary = "/usr/sbin/nginx"
  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: binary) }
  static let reason: Comment = "nginx is not installed here (apt-get install nginx-light)"
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scripts/nginx-balancer.sh").path

  let directory: String
  let port: Int
  var url: String { "http://127.0.0.1:\(port)" }

  /// nginx on a free port in front of walletd on `upstreams` (ports on 127.0.0.1).
  static func start(in directory: String, upstreams: [Int]) throws -> Nginx {
    let port = CrashTests.freePort()
    let ports = upstreams.map(String.init).joined(separator: " ")
    let status = system(
      "bash '\(script)' start '\(directory)' \(port) \(ports) >/dev/null")
    guard status == 0 else { throw NginxError.notStarted(status) }
    return Nginx(directory: directory, port: port)
  }

  func stop() { _ = system("bash '\(Self.script)' stop '\(directory)'") }

  enum NginxError: Error { case notStarted(Int32) }
}
