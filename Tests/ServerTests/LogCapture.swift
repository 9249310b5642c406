import Logging
import Synchronization

/// A swift-log handler that keeps every line walletd logs, at every level, so
/// a test can look for personal data in them.
final class LogCapture: Sendable {
  private let lines = Mutex<[String]>([])

  var text: String { lines.withLock { $0.joined(separator: "\n") } }
  var count: Int { lines.withLock { $0.count } }

  func logger(label: String = "walletd") -> Logger {
    var logger = Logger(label: label) { label in Handler(label: label, capture: self) }
    logger.logLevel = .trace
    return logger
  }

  fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

  private struct Handler: LogHandler {
    let label: String
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      let all = metadata.merging(event.metadata ?? [:]) { $1 }
      capture.append("\(event.level) \(label) \(event.message) \(all) \(event.error.map { "\($0)" } ?? "")")
    }
  }
}
