import PostgresNIO

/// One line a person can act on for an error met on PostgreSQL.
///
/// postgres-nio's `PSQLError` describes itself with a fixed placeholder whatever went wrong
/// (it fears leaking a query's values), and its debug description dumps the query and its
/// binds. This takes only the server's message and SQLSTATE (not its detail, which may
/// quote a row), or names the host that could not be reached; never the password.
public enum PostgresFailure {
  public static func sentence(for error: any Error, location: PostgresLocation) -> String {
    guard let error = error as? PSQLError else { return String(describing: error) }
    let host = location.hosts[0]
    switch error.code {
    case .server:
      let message = error.serverInfo?[.message] ?? "an error"
      let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
      return "PostgreSQL at \(host) refused: \(message)\(state)"
    case .connectionError:
      return "cannot reach PostgreSQL at \(host)"
    case .serverClosedConnection, .uncleanShutdown:
      return "PostgreSQL at \(host) closed the connection"
    case .authMechanismRequiresPassword:
      return "PostgreSQL at \(host) asks for a password: set \(StoreLocation.passwordVariable)"
    case .queryCancelled:
      return "a statement on PostgreSQL at \(host) was cancelled"
    default:
      return "PostgreSQL at \(host) failed (\(error.code))"
    }
  }
}
