import Logging
import PSPWallet
import PostgresNIO

@testable import WalletServer

/// A schema as the parity test compares it across engines: tables, columns with their type
/// and nullability, primary keys in key order, foreign keys, UNIQUE columns and named
/// indexes. Types are written in PostgreSQL's words (SQLite's BLOB is `bytea`, INTEGER
/// `bigint`, TEXT `text`).
struct SchemaCatalog: Equatable {
  /// table → column → "bigint", "bytea not null", …
  var columns: [String: [String: String]] = [:]
  var primaryKeys: [String: [String]] = [:]
  /// "table.column -> table.column"
  var foreignKeys: Set<String> = []
  /// "table.column"
  var uniques: Set<String> = []
  var indexes: Set<String> = []

  /// The same catalog without some columns (PostgreSQL's stand-ins for SQLite's rowid).
  func removing(_ removed: [(table: String, column: String)]) -> SchemaCatalog {
    var catalog = self
    for (table, column) in removed { catalog.columns[table]?[column] = nil }
    return catalog
  }

  /// Without `tables`, their keys and indexes.
  func removing(tables: Set<String>) -> SchemaCatalog {
    var catalog = self
    for table in tables {
      catalog.columns[table] = nil
      catalog.primaryKeys[table] = nil
    }
    catalog.foreignKeys = catalog.foreignKeys.filter { key in
      !tables.contains(String(key.prefix { $0 != "." }))
    }
    return catalog
  }

  /// The catalog of a PostgreSQL schema.
  static func of(_ connection: PostgresConnection, schema: String, logger: Logger) async throws
    -> SchemaCatalog
  {
    var catalog = SchemaCatalog()
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
      try await connection.query(query, logger: logger).collect()
    }
    for row in try await rows(
      """
      SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable::text
      FROM information_schema.columns c
      JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = \(schema) AND t.table_type = 'BASE TABLE'
      """)
    {
      let (table, column, type, nullable) = try row.decode((String, String, String, String).self)
      catalog.columns[table, default: [:]][column] = type + (nullable == "NO" ? " not null" : "")
    }
    for row in try await rows(
      """
      SELECT cl.relname::text, a.attname::text, c.contype::text, fcl.relname::text, fa.attname::text
      FROM pg_constraint c
      JOIN pg_class cl ON cl.oid = c.conrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, fcol, i)
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
      LEFT JOIN pg_class fcl ON fcl.oid = c.confrelid
      LEFT JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fcol
      WHERE n.nspname = \(schema) AND c.contype IN ('p', 'f', 'u')
      ORDER BY cl.relname, c.conname, k.i
      """)
    {
      let (table, column, kind, target, targetColumn) = try row.decode(
        (String, String, String, String?, String?).self)
      switch kind {
      case "p": catalog.primaryKeys[table, default: []].append(column)
      case "f":
        catalog.foreignKeys.insert("\(table).\(column) -> \(target ?? "?").\(targetColumn ?? "?")")
      default: catalog.uniques.insert("\(table).\(column)")
      }
    }
    // Named indexes only: not those PostgreSQL makes for a primary key or a UNIQUE.
    for row in try await rows(
      """
      SELECT i.relname::text FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_namespace n ON n.oid = i.relnamespace
      WHERE n.nspname = \(schema)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      """)
    {
      catalog.indexes.insert(try row.decode(String.self))
    }
    return catalog
  }

  /// The catalog of a SQLite database. A primary-key column counts as NOT NULL, as on
  /// PostgreSQL (SQLite would let a TEXT key be NULL; walletd never writes one).
  static func of(_ database: SQLiteDatabase) throws -> SchemaCatalog {
    let types = ["BLOB": "bytea", "INTEGER": "bigint", "TEXT": "text"]
    var catalog = SchemaCatalog()
    let tables = try database.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).compactMap { $0[0].text }
    for table in tables {
      var keyed: [(Int64, String)] = []
      for column in try database.query(
        "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", [.text(table)])
      {
        guard let name = column[0].text, let type = column[1].text,
          let notNull = column[2].integer, let pk = column[3].integer
        else { continue }
        let nullability = notNull == 1 || pk > 0 ? " not null" : ""
        catalog.columns[table, default: [:]][name] = (types[type] ?? "?\(type)") + nullability
        if pk > 0 { keyed.append((pk, name)) }
      }
      catalog.primaryKeys[table] = keyed.sorted { $0.0 < $1.0 }.map(\.1)
      for key in try database.query(
        "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?)", [.text(table)])
      {
        catalog.foreignKeys.insert(
          "\(table).\(key[0].text ?? "?") -> \(key[1].text ?? "?").\(key[2].text ?? "?")")
      }
      for index in try database.query(
        "SELECT name FROM pragma_index_list(?) WHERE origin = 'u'", [.text(table)])
      {
        for column in try database.query(
          "SELECT name FROM pragma_index_info(?)", [.text(index[0].text ?? "")])
        {
          catalog.uniques.insert("\(table).\(column[0].text ?? "?")")
        }
      }
    }
    catalog.indexes = Set(
      try database.query(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'"
      ).compactMap { $0[0].text })
    return catalog
  }
}
