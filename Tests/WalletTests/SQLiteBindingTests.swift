import Foundation
import PSPWallet
import Testing

/// `$n` names the n-th value wherever it appears in the statement, as in
/// PostgreSQL: walletd writes its SQL once for both engines.
@Suite("SQLite: parameters")
struct SQLiteBindingTests {
  @Test func dollarNumbersNameValuesByPosition() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("psp-binding-\(UUID().uuidString).sqlite").path
    defer {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    let database = try SQLiteDatabase(path: path)
    let row = try #require(
      try database.query("SELECT $2, $1, $2", [.text("a"), .integer(7)]).first)
    #expect(row == [.integer(7), .text("a"), .integer(7)])
    let plain = try #require(try database.query("SELECT ?, ?", [.text("a"), .integer(7)]).first)
    #expect(plain == [.text("a"), .integer(7)])
  }
}
