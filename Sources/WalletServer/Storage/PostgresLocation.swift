import Foundation

/// A PostgreSQL database walletd shares with other walletd: its user, its hosts (a primary
/// and its standbys, in the order walletd tries them: `PostgresPrimary`), the database and
/// the schema that holds walletd's tables.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
  /// One server of the host list.
  public struct Host: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let port: Int

    public var description: String { name.contains(":") ? "[\(name)]:\(port)" : "\(name):\(port)" }
  }

  public let user: String
  /// Never shown: `description` writes `***` in its place.
  public let password: String?
  /// At least one.
  public let hosts: [Host]
  public let database: String
  /// Matches `[a-z_][a-z0-9_]{0,62}` and does not start with `pg_`, so that it can be
  /// quoted into SQL as it is.
  public let schema: String

  /// The same database, another schema (the tests give each test its own).
  public func with(schema: String) throws(StoreLocationError) -> PostgresLocation {
    try PostgresLocation(
      user: user, password: password, hosts: hosts, database: database,
      schema: Self.checkedSchema(schema))
  }

  /// The schema as a quoted SQL identifier. Safe because the name was checked.
  public var quotedSchema: String { "\"\(schema)\"" }

  public var description: String {
    let secret = password == nil ? "" : ":***"
    let hostList = hosts.map(\.description).joined(separator: ",")
    return "postgres://\(user)\(secret)@\(hostList)/\(database)?schema=\(schema)"
  }

  init(user: String, password: String?, hosts: [Host], database: String, schema: String) {
    self.user = user
    self.password = password
    self.hosts = hosts
    self.database = database
    self.schema = schema
  }

  /// Parses what follows `postgres://`.
  init(parsing text: String, password environmentPassword: String?) throws(StoreLocationError) {
    // The last @ ends the user part, so that an unescaped @ in a password still works.
    guard let at = text.lastIndex(of: "@") else { throw .noUser }
    let userPart = text[..<at]
    let afterUser = text[text.index(after: at)...]
    let (user, password) = try Self.parseUser(userPart)

    let queryStart = afterUser.firstIndex(of: "?")
    let hostAndPath = afterUser[..<(queryStart ?? afterUser.endIndex)]
    guard let slash = hostAndPath.firstIndex(of: "/") else {
      throw hostAndPath.isEmpty ? .noHost : .noDatabase
    }
    let hosts = try hostAndPath[..<slash].split(separator: ",", omittingEmptySubsequences: false)
      .map { (text) throws(StoreLocationError) in try Self.parseHost(text) }
    let database = try Self.decoded(hostAndPath[hostAndPath.index(after: slash)...])
    if database.isEmpty || database.contains("/") { throw .noDatabase }

    let secret = password ?? environmentPassword
    var schema = "public"
    if let queryStart {
      schema = try Self.parseParameters(
        afterUser[afterUser.index(after: queryStart)...], secret: secret)
    }
    self.init(user: user, password: secret, hosts: hosts, database: database, schema: schema)
  }

  private static func parseUser(_ text: Substring) throws(StoreLocationError) -> (String, String?) {
    let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let user = try decoded(parts[0])
    if user.isEmpty { throw .noUser }
    let password = parts.count == 2 ? try decoded(parts[1]) : nil
    return (user, password?.isEmpty == true ? nil : password)
  }

  private static func parseHost(_ text: Substring) throws(StoreLocationError) -> Host {
    var name: Substring
    var portText: Substring?
    if text.hasPrefix("[") {
      // An IPv6 address, bracketed so that its colons are not taken for a port.
      guard let close = text.firstIndex(of: "]") else { throw .badHost }
      name = text[text.index(after: text.startIndex)..<close]
      let rest = text[text.index(after: close)...]
      if !rest.isEmpty {
        guard rest.hasPrefix(":") else { throw .badHost }
        portText = rest.dropFirst()
      }
      if name.isEmpty || !name.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) {
        throw .badHost
      }
    } else {
      let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      name = parts[0]
      portText = parts.count == 2 ? parts[1] : nil
      if name.isEmpty { throw .noHost }
      let allowed = name.allSatisfy {
        $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_")
      }
      if !allowed { throw .badHost }
    }
    var port = 5432
    if let portText {
      guard portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
        let number = Int(portText), (1...65535).contains(number)
      else { throw .badPort }
      port = number
    }
    return Host(name: String(name), port: port)
  }

  /// Reads `schema=NAME` and `sslmode=disable`; refuses anything else.
  private static func parseParameters(_ text: Substring, secret: String?)
    throws(StoreLocationError) -> String
  {
    var schema: String?
    var sslMode: String?
    for pair in text.split(separator: "&", omittingEmptySubsequences: false) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty else { throw .badParameter }
      let name = String(parts[0])
      let value = try decoded(parts[1])
      switch name {
      case "schema":
        if schema != nil { throw .repeatedParameter(name) }
        schema = try checkedSchema(value)
      case "sslmode":
        if sslMode != nil { throw .repeatedParameter(name) }
        if value != "disable" { throw .badSSLMode }
        sslMode = value
      default:
        // The name only, never the value, and not even the name if it could be a
        // misplaced password.
        let plain = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        let secretInside = secret.map { !$0.isEmpty && name.contains($0) } ?? false
        throw .unknownParameter(plain && !secretInside && name.count <= 40 ? name : nil)
      }
    }
    return schema ?? "public"
  }

  /// `[a-z_][a-z0-9_]{0,62}`, not `pg_…` (PostgreSQL reserves those).
  static func checkedSchema(_ name: String) throws(StoreLocationError) -> String {
    let scalars = Array(name.unicodeScalars)
    guard let first = scalars.first, scalars.count <= 63 else { throw .badSchema }
    func lowerOrUnderscore(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || c == "_" }
    guard lowerOrUnderscore(first),
      scalars.allSatisfy({ lowerOrUnderscore($0) || ("0"..."9").contains($0) }),
      !name.hasPrefix("pg_")
    else { throw .badSchema }
    return name
  }

  private static func decoded(_ text: Substring) throws(StoreLocationError) -> String {
    guard let value = String(text).removingPercentEncoding else { throw .badEscape }
    return value
  }
}
