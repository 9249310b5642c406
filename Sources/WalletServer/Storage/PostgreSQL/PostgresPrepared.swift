import PSPCrypto
import Synchronization

/// The statements one connection has prepared. walletd sends the same few
/// dozen statements again and again, and PostgreSQL parsed and planned each
/// one anew (about half of its CPU under load, measured with `perf`). So a
/// statement is prepared once per connection with SQL `PREPARE`, its
/// parameters' types declared from the values of its first use, and then
/// run with `EXECUTE`, whose own parsing is a line.
///
/// PostgreSQL takes no bound value (`$n`) in an `EXECUTE`, so its values are
/// written in it as constants, cast by PostgreSQL to the type declared:
/// integers in decimal between quotes, texts and bytes as escape string
/// constants (`E'…'`, `escapedConstant`: their meaning does not depend on
/// `standard_conforming_strings`). What a constant cannot carry runs
/// unprepared with its values bound, as before: a text holding U+0000, or
/// values longer than `maximumLiteral` bytes in all.
///
/// Not prepared either: what is not a SELECT, INSERT, UPDATE, DELETE or WITH
/// (transaction control, settings), a first use with a NULL value (its type
/// is unknown), and anything once a connection has `limit` statements.
/// A prepared statement outlives a rolled-back transaction (PostgreSQL's
/// `PREPARE` is not transactional) and dies with its connection: a new
/// connection starts with `forgetAll()`.
struct PostgresPrepared {
  /// What to send for one statement: `prepare` first when it is not yet
  /// prepared on this connection, then `execute` with the same values.
  struct Plan: Equatable {
    let prepare: String?
    let execute: String
    let key: String
    let name: String
  }

  private var names: [String: String] = [:]
  let limit: Int
  static let maximumLiteral = 16 * 1024

  init(limit: Int = 500) { self.limit = limit }

  /// Names unique in this process, so that a name is never reused on a
  /// connection, even after `forget`.
  private static let counter = Atomic<Int>(0)

  /// How to run `sql` with `parameters` here, or nil: as it is.
  func plan(_ sql: String, _ parameters: [SQLValue]) -> Plan? {
    guard Self.preparable(sql), let literals = Self.literals(parameters) else { return nil }
    let key = Self.types(parameters).joined(separator: ",") + "\u{0}" + sql
    let arguments = parameters.isEmpty ? "" : "(" + literals.joined(separator: ", ") + ")"
    if let name = names[key] {
      return Plan(prepare: nil, execute: "EXECUTE \(name)\(arguments)", key: key, name: name)
    }
    guard names.count < limit, !parameters.contains(.null) else { return nil }
    let name = "psp_\(Self.counter.add(1, ordering: .relaxed).newValue)"
    let declared =
      parameters.isEmpty ? "" : " (" + Self.types(parameters).joined(separator: ", ") + ")"
    return Plan(
      prepare: "PREPARE \(name)\(declared) AS \(sql)", execute: "EXECUTE \(name)\(arguments)",
      key: key, name: name)
  }

  /// `plan`'s statement was prepared.
  mutating func prepared(_ plan: Plan) { names[plan.key] = plan.name }

  /// The connection is new, or lost its statements.
  mutating func forgetAll() { names = [:] }

  /// A NULL is a type of its own in the key: a use with a NULL where the
  /// prepared statement had a value runs unprepared.
  private static func types(_ parameters: [SQLValue]) -> [String] {
    parameters.map {
      switch $0 {
      case .integer: "bigint"
      case .text: "text"
      case .blob: "bytea"
      case .null: "null"
      }
    }
  }

  /// The values as SQL literals, or nil when one cannot be written so.
  static func literals(_ parameters: [SQLValue]) -> [String]? {
    var literals: [String] = []
    var length = 0
    for value in parameters {
      let literal: String
      switch value {
      case .integer(let integer): literal = "'\(integer)'"
      case .text(let text):
        guard let escaped = escapedConstant(text) else { return nil }
        literal = escaped
      case .blob(let bytes):
        literal = "E'\\\\x" + Encoding.hex(bytes) + "'"
      case .null: literal = "NULL"
      }
      length += literal.utf8.count
      guard length <= maximumLiteral else { return nil }
      literals.append(literal)
    }
    return literals
  }

  /// `text` as an escape string constant, `E'…'`: each `\` and `'` doubled,
  /// byte by byte in UTF-8 (where 0x27 and 0x5C are never part of another
  /// character), so that neither a character that joins a quote to a mark
  /// nor the server's `standard_conforming_strings` changes what it says.
  /// Nil for a text holding U+0000, which PostgreSQL's text cannot hold.
  static func escapedConstant(_ text: String) -> String? {
    var bytes: [UInt8] = Array("E'".utf8)
    bytes.reserveCapacity(text.utf8.count + 3)
    for byte in text.utf8 {
      switch byte {
      case 0: return nil
      case UInt8(ascii: "'"), UInt8(ascii: "\\"): bytes += [byte, byte]
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "'"))
    return String(decoding: bytes, as: UTF8.self)
  }

  static func preparable(_ sql: String) -> Bool {
    let head = sql.drop { $0.isWhitespace }.prefix(7).uppercased()
    return ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains { head.hasPrefix($0) }
  }
}
