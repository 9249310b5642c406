import Logging

/// wallet-cli talks to people, not to log collectors: the libraries' logs
/// (the demo's own walletd says "server started") are kept to warnings and
/// errors, on standard error. Called once, by the executable, before anything
/// logs; tests never call it (the logging system is process-wide).
public enum CLILogging {
  public static func bootstrap() {
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = .warning
      return handler
    }
  }
}
