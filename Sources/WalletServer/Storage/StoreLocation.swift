/// Where walletd keeps its data: a SQLite directory, or a PostgreSQL database shared by
/// several walletd.
///
/// Written `sqlite:DIR` (or a bare directory), or
/// `postgres://user[:password]@host[:port][,host2[:port2]...]/database?schema=NAME`.
/// Its `description` never shows the password.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
  /// The directory that holds `walletd.sqlite`.
  case sqlite(directory: String)
  /// A PostgreSQL database and the schema that holds walletd's tables.
  case postgres(PostgresLocation)

  /// The environment variable a password may come from, so that it never sits in `argv`.
  public static let passwordVariable = "PSP_DATABASE_PASSWORD"

  /// Parses a location. A `postgres://` location without a password takes the one in
  /// `PSP_DATABASE_PASSWORD`, if `environment` has it.
  public init(parsing text: String, environment: [String: String] = [:]) throws(StoreLocationError)
  {
    if text.isEmpty { throw .empty }
    for scheme in ["postgres://", "postgresql://"] where text.hasPrefix(scheme) {
      let rest = String(text.dropFirst(scheme.count))
      self = .postgres(
        try PostgresLocation(parsing: rest, password: environment[Self.passwordVariable]))
      return
    }
    if text.hasPrefix("sqlite:") {
      let directory = String(text.dropFirst("sqlite:".count))
      if directory.isEmpty { throw .noDirectory }
      self = .sqlite(directory: directory)
      return
    }
    if text.contains("://") { throw .unknownKind }
    self = .sqlite(directory: text)
  }

  public var description: String {
    switch self {
    case .sqlite(let directory): "sqlite:\(directory)"
    case .postgres(let location): location.description
    }
  }
}

/// Why a store location was refused. The messages never repeat a password.
public enum StoreLocationError: Error, Equatable, Sendable, CustomStringConvertible {
  case empty
  case unknownKind
  case noDirectory
  case noUser
  case noHost
  case badHost
  case badPort
  case noDatabase
  case badEscape
  case badParameter
  /// The parameter's name, unless it could be a misplaced password.
  case unknownParameter(String?)
  case repeatedParameter(String)
  case badSSLMode
  case badSchema

  public var description: String {
    switch self {
    case .empty: "no store location was given"
    case .unknownKind: "a store location is sqlite:DIR or postgres://user@host/database"
    case .noDirectory: "sqlite: must be followed by a directory"
    case .noUser: "a postgres:// location must name a user, as in postgres://user@host/database"
    case .noHost: "a postgres:// location must name a host"
    case .badHost: "a host name may hold only letters, digits, dots, dashes and _"
    case .badPort: "a port must be a number from 1 to 65535"
    case .noDatabase:
      "a postgres:// location must name a database, as in postgres://user@host/database"
    case .badEscape: "the location has a broken %-escape"
    case .badParameter: "each parameter of the location must be NAME=VALUE"
    case .unknownParameter(let name):
      "\(name.map { "the parameter \($0)" } ?? "a parameter") is not known: "
        + "only schema and sslmode=disable are accepted"
    case .repeatedParameter(let name): "the parameter \(name) is given twice"
    case .badSSLMode: "only sslmode=disable is supported"
    case .badSchema:
      "a schema name must be lowercase letters, digits and _, start with a letter or _, "
        + "63 characters at most, and not start with pg_"
    }
  }
}
