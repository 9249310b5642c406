import Foundation

/// A fresh data dir under the system temp dir, removed afterwards.
final class TestDirectory: @unchecked Sendable {
  let path: String
  init() {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("psp-server-\(UUID().uuidString)").path
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
}
