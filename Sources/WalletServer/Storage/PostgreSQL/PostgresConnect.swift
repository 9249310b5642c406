import Logging
import PostgresNIO

/// Opens connections to the database a `PostgresLocation` names, with the session settings
/// every walletd connection has.
public enum PostgresConnect {
  /// The settings sent in the startup message, so that they hold from the first statement
  /// and survive no `RESET`: the schema to use, a name that `pg_stat_activity` shows, and
  /// bounds that turn a hung lock, statement or forgotten transaction into an error
  /// instead of a stuck walletd. `standard_conforming_strings` is PostgreSQL's
  /// default, set all the same (`PostgresPrepared`'s constants do not depend on it).
  public static func startupParameters(for location: PostgresLocation) -> [(String, String)] {
    [
      ("search_path", location.quotedSchema),
      ("standard_conforming_strings", "on"),
      ("application_name", "walletd"),
      ("lock_timeout", "5s"),
      ("statement_timeout", "15s"),
      ("idle_in_transaction_session_timeout", "30s"),
    ]
  }

  /// A connection configuration for one host of the location, without TLS (the location
  /// accepts only `sslmode=disable`).
  public static func configuration(for location: PostgresLocation, host: PostgresLocation.Host)
    -> PostgresConnection.Configuration
  {
    var configuration = PostgresConnection.Configuration(
      host: host.name, port: host.port, username: location.user, password: location.password,
      database: location.database, tls: .disable)
    configuration.options.additionalStartupParameters = startupParameters(for: location)
    return configuration
  }

  /// One connection to the primary among the location's hosts (`PostgresPrimary`); the
  /// caller closes it.
  public static func connect(to location: PostgresLocation, logger: Logger) async throws
    -> PostgresConnection
  {
    try await PostgresPrimary.of(location).connect(logger: logger).0
  }
}
