import NIOCore
import PSPWallet
import PostgresNIO

/// walletd's four kinds of values, to and from PostgreSQL: bytes as `bytea`,
/// integers as `bigint`, text as `text`.
enum PostgresValues {
  /// The statement with its values bound; `$n` is the n-th value, as on SQLite.
  static func query(_ sql: String, _ parameters: [SQLValue]) -> PostgresQuery {
    var binds = PostgresBindings(capacity: parameters.count)
    for value in parameters {
      switch value {
      case .integer(let integer): binds.append(integer)
      case .text(let text): binds.append(text)
      case .blob(let bytes): binds.append(PostgresBytes(bytes))
      case .null: binds.appendNull()
      }
    }
    return PostgresQuery(unsafeSQL: sql, binds: binds)
  }

  /// A row's cells; a type walletd never stores is an error.
  static func row(_ row: PostgresRow) throws -> [SQLValue] {
    try row.map { cell in
      guard cell.bytes != nil, cell.dataType != .void else { return .null }
      switch cell.dataType {
      case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
      case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
      case .bytea: return .blob(try cell.decode(PostgresBytes.self).bytes)
      case .text, .varchar, .name, .bpchar: return .text(try cell.decode(String.self))
      default: throw WalletError.storage("read a value of type \(cell.dataType)")
      }
    }
  }
}
