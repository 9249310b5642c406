import Foundation
import PSPWallet
import PostgresNIO
import Testing

@testable import WalletServer

/// walletd's statements prepared once per connection: what is sent, and on a
/// real server that the answers stay the same, that a rolled-back transaction
/// keeps them, and that a new connection prepares again.
@Suite("PostgreSQL prepared statements")
struct PostgresPreparedTests {
  static let logger = PostgresTestDatabase.logger

  @Test func aStatementIsPreparedOnceThenExecuted() throws {
    var prepared = PostgresPrepared()
    let sql = "SELECT token FROM grants WHERE id = $1 AND wallet = $2"
    let first = try #require(prepared.plan(sql, [.text("g"), .blob([1])]))
    let prepare = try #require(first.prepare)
    #expect(prepare.hasPrefix("PREPARE \(first.name) (text, bytea) AS SELECT token"))
    #expect(first.execute == "EXECUTE \(first.name)(E'g', E'\\\\x01')")
    // Not remembered until it was prepared: the same plan again.
    #expect(prepared.plan(sql, [.text("h"), .blob([2])])?.prepare != nil)
    prepared.prepared(first)
    let second = try #require(prepared.plan(sql, [.text("h"), .blob([2])]))
    #expect(second.prepare == nil && second.execute == "EXECUTE \(first.name)(E'h', E'\\\\x02')")
    // Other types are another statement.
    let integers = try #require(prepared.plan(sql, [.integer(1), .blob([2])]))
    #expect(integers.prepare != nil && integers.name != first.name)
    prepared.forgetAll()
    #expect(prepared.plan(sql, [.text("h"), .blob([2])])?.prepare != nil)
  }

  /// Values are written into EXECUTE as string constants: a quote doubled,
  /// nothing else changed; what cannot be written so is not prepared.
  @Test func valuesBecomeLiterals() {
    #expect(
      PostgresPrepared.literals([.integer(-9_223_372_036_854_775_808), .null, .blob([0, 255])])
        == ["'-9223372036854775808'", "NULL", "E'\\\\x00ff'"])
    #expect(PostgresPrepared.literals([.text("l'œil \\ ''")]) == ["E'l''œil \\\\ '''''"])
    // A quote joined to a mark in one Character is still a quote, doubled.
    #expect(PostgresPrepared.escapedConstant("'\u{301}") == "E'''\u{301}'")
    #expect(PostgresPrepared.escapedConstant("\u{600}'") == "E'\u{600}'''")
    #expect(PostgresPrepared.escapedConstant("'\u{200D}x") == "E'''\u{200D}x'")
    #expect(PostgresPrepared.literals([.text("a\u{0}b")]) == nil)
    let long = [UInt8](repeating: 7, count: PostgresPrepared.maximumLiteral / 2)
    #expect(PostgresPrepared.literals([.blob(long)]) == nil)
    #expect(PostgresPrepared().plan("SELECT $1", [.blob(long)]) == nil)
  }

  @Test func whatIsNotPreparedRunsAsItIs() {
    var prepared = PostgresPrepared(limit: 1)
    #expect(prepared.plan("BEGIN", []) == nil)
    #expect(prepared.plan("SET LOCAL statement_timeout = 0", []) == nil)
    // A NULL's type is unknown: not prepared on a first use with one.
    #expect(prepared.plan("SELECT $1", [.null]) == nil)
    let one = prepared.plan("  select 1", [])
    #expect(one?.execute.hasPrefix("EXECUTE psp_") == true)
    prepared.prepared(one!)
    #expect(prepared.plan("SELECT 2", []) == nil, "past the limit")
    #expect(prepared.plan("  select 1", [])?.prepare == nil)
  }

  @Test(.enabled(if: PostgresTestDatabase.isAvailable, PostgresTestDatabase.reason))
  func aWritersConnectionPreparesOnceAndAgainAfterALoss() async throws {
    try await PostgresTestDatabase.withFreshSchema { location in
      try await PostgresTestDatabase.withConnection(location) { admin in
        for sql in [
          "CREATE SCHEMA \(location.quotedSchema)",
          "CREATE TABLE \(location.quotedSchema).t (n bigint, s text, b bytea)",
        ] {
          _ = try await admin.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger).collect()
        }
      }
      let connection = PostgresBlockingConnection(
        location: location, logger: PostgresTestDatabase.logger)
      defer { connection.close() }
      let insert = "INSERT INTO t (n, s, b) VALUES ($1, $2, $3) RETURNING n, s, b"
      let values: [SQLValue] = [.integer(7), .text("sept"), .blob([0, 7])]
      #expect(try connection.rows(insert, values) == [values])
      // In a transaction rolled back: still prepared afterwards.
      try connection.rows("BEGIN", [])
      #expect(try connection.rows(insert, [.null, .text("x"), .blob([])]).count == 1)
      #expect(try connection.rows(insert, [.integer(8), .text("huit"), .blob([8])]).count == 1)
      try connection.rows("ROLLBACK", [])
      let select = "SELECT n, s, b FROM t WHERE n = $1"
      #expect(try connection.rows(select, [.integer(7)]) == [values])
      #expect(try connection.rows(select, [.integer(8)]).isEmpty)
      // Hostile text and bytes come back as they went in, and do nothing else.
      for (number, text) in [
        "'); DROP TABLE t; --", "\\'; SELECT 1; --", "E'\\x27'", "$1 $$ $q$", "ü'😀'\\",
        "'\u{301}); DROP TABLE t; --", "\u{600}' || current_user || '", "'\u{200D}\\'",
      ].enumerated() {
        // The same with the server's standard_conforming_strings off.
        for offset in [100, 200] {
          if offset == 200 { try connection.rows("SET standard_conforming_strings = off", []) }
          let hostile: [SQLValue] = [
            .integer(Int64(offset + number)), .text(text),
            .blob(Array(text.utf8) + [0, 39, 92]),
          ]
          #expect(try connection.rows(insert, hostile) == [hostile])
          #expect(try connection.rows(select, [.integer(Int64(offset + number))]) == [hostile])
          if offset == 200 { try connection.rows("SET standard_conforming_strings = on", []) }
        }
      }
      #expect(try connection.rows("SELECT count(*) FROM t", []) == [[.integer(17)]])
      let mine = "SELECT statement FROM pg_prepared_statements ORDER BY prepare_time"
      let before = try connection.rows(mine, []).map { "\($0)" }
      #expect(before.count == 4, "\(before)")
      #expect(before.contains { $0.contains("INSERT INTO t") })

      // The server ends the connection: the next statement reconnects and
      // prepares again (a statement of the old connection is not assumed).
      let pid = try connection.rows("SELECT pg_backend_pid()", [])
      try await PostgresTestDatabase.withConnection(location) { admin in
        guard case .integer(let number) = pid.first?.first else { return }
        _ = try await admin.query(
          "SELECT pg_terminate_backend(\(Int32(number)))", logger: Self.logger
        ).collect()
      }
      var after: [[SQLValue]] = []
      for _ in 0..<50 {
        if let rows = try? connection.rows(select, [.integer(7)]) {
          after = rows
          break
        }
        try await Task.sleep(for: .milliseconds(100))
      }
      #expect(after == [values])
      #expect(try connection.rows(mine, []).count == 2)
    }
  }

  @Test(.enabled(if: PostgresTestDatabase.isAvailable, PostgresTestDatabase.reason))
  func theReadPoolPreparesOnItsConnections() async throws {
    try await PostgresTestDatabase.withFreshSchema { location in
      try await PostgresTestDatabase.withConnection(location) { admin in
        _ = try await admin.query(
          PostgresQuery(unsafeSQL: "CREATE SCHEMA \(location.quotedSchema)"), logger: Self.logger
        ).collect()
      }
      let reads = PostgresReadClient(
        location: location, connections: 1, logger: PostgresTestDatabase.logger)
      let sql = "SELECT $1::bigint + 1, $2 || 'b', length($3)"
      for number in 0..<3 {
        let row = try await reads.rows(sql, [.integer(Int64(number)), .text("a"), .blob([1, 2])])
        #expect(row == [[.integer(Int64(number) + 1), .text("ab"), .integer(2)]])
      }
      let prepared = try await reads.rows(
        "SELECT statement FROM pg_prepared_statements WHERE statement LIKE $1", [.text("%length%")])
      #expect(prepared.count == 1)
      await reads.stop()
    }
  }
}
