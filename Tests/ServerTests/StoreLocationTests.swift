import Testing

@testable import WalletServer

/// Where walletd keeps its data, as written on the command line or in the config file:
/// good forms, then wrong, truncated and hostile ones, each refused with its sentence.
@Suite("store location")
struct StoreLocationTests {
  @Test func sqliteForms() throws {
    #expect(try StoreLocation(parsing: "sqlite:/var/lib/psp") == .sqlite(directory: "/var/lib/psp"))
    #expect(try StoreLocation(parsing: "/var/lib/psp") == .sqlite(directory: "/var/lib/psp"))
    #expect(try StoreLocation(parsing: "psp-data") == .sqlite(directory: "psp-data"))
    #expect(try StoreLocation(parsing: "sqlite:/d").description == "sqlite:/d")
  }

  @Test func hostNamesOfContainers() throws {
    let parsed = try StoreLocation(parsing: "postgres://psp@pg_primary-1.local:5433/w")
    guard case .postgres(let location) = parsed else { Issue.record("not postgres"); return }
    #expect(location.hosts == [.init(name: "pg_primary-1.local", port: 5433)])
  }

  @Test func postgresDefaults() throws {
    guard case .postgres(let location) = try StoreLocation(parsing: "postgres://psp@db/wallets")
    else { Issue.record("not postgres"); return }
    #expect(location.user == "psp")
    #expect(location.password == nil)
    #expect(location.hosts == [.init(name: "db", port: 5432)])
    #expect(location.database == "wallets")
    #expect(location.schema == "public")
    #expect(location.description == "postgres://psp@db:5432/wallets?schema=public")
  }

  @Test func postgresFull() throws {
    let text =
      "postgresql://psp:s3cr%40t@10.0.0.1:5433,db2,[::1]:6000/wallets?schema=psp_a&sslmode=disable"
    guard case .postgres(let location) = try StoreLocation(parsing: text)
    else { Issue.record("not postgres"); return }
    #expect(location.password == "s3cr@t")
    #expect(
      location.hosts == [
        .init(name: "10.0.0.1", port: 5433), .init(name: "db2", port: 5432),
        .init(name: "::1", port: 6000),
      ])
    #expect(location.schema == "psp_a")
    #expect(
      location.description
        == "postgres://psp:***@10.0.0.1:5433,db2:5432,[::1]:6000/wallets?schema=psp_a")
  }

  @Test func passwordFromTheEnvironment() throws {
    let environment = [StoreLocation.passwordVariable: "from-env"]
    let parsed = try StoreLocation(parsing: "postgres://psp@db/w", environment: environment)
    guard case .postgres(let location) = parsed else { Issue.record("not postgres"); return }
    #expect(location.password == "from-env")
    #expect(!parsed.description.contains("from-env"))
    #expect(parsed.description.contains("psp:***@"))
    // One written in the location wins.
    let written = try StoreLocation(parsing: "postgres://psp:inline@db/w", environment: environment)
    guard case .postgres(let other) = written else { Issue.record("not postgres"); return }
    #expect(other.password == "inline")
  }

  @Test(arguments: [
    ("", StoreLocationError.empty),
    ("sqlite:", .noDirectory),
    ("mysql://psp@db/w", .unknownKind),
    ("postgres://", .noUser),
    ("postgres://db/w", .noUser),
    ("postgres://@db/w", .noUser),
    ("postgres://:pw@db/w", .noUser),
    ("postgres://psp@", .noHost),
    ("postgres://psp@/w", .noHost),
    ("postgres://psp@db,/w", .noHost),
    ("postgres://psp@:5432/w", .noHost),
    ("postgres://psp@db", .noDatabase),
    ("postgres://psp@db/", .noDatabase),
    ("postgres://psp@db/w/x", .noDatabase),
    ("postgres://psp@db:0/w", .badPort),
    ("postgres://psp@db:70000/w", .badPort),
    ("postgres://psp@db:abc/w", .badPort),
    ("postgres://psp@db:/w", .badPort),
    ("postgres://psp@db:-1/w", .badPort),
    ("postgres://psp@db:99999999999999999999/w", .badPort),
    ("postgres://psp@d b/w", .badHost),
    ("postgres://psp@db;drop/w", .badHost),
    ("postgres://psp@[::1/w", .badHost),
    ("postgres://psp@[zz]:5432/w", .badHost),
    ("postgres://psp@db/w%zz", .badEscape),
    ("postgres://psp@db/w?", .badParameter),
    ("postgres://psp@db/w?schema", .badParameter),
    ("postgres://psp@db/w?=x", .badParameter),
    ("postgres://psp@db/w?schema=a&schema=b", .repeatedParameter("schema")),
    ("postgres://psp@db/w?sslmode=require", .badSSLMode),
    ("postgres://psp@db/w?pool=4", .unknownParameter("pool")),
    ("postgres://psp@db/w?schema=", .badSchema),
    ("postgres://psp@db/w?schema=Psp", .badSchema),
    ("postgres://psp@db/w?schema=9psp", .badSchema),
    ("postgres://psp@db/w?schema=a%22b", .badSchema),
    ("postgres://psp@db/w?schema=a%20b", .badSchema),
    ("postgres://psp@db/w?schema=a%27b", .badSchema),
    ("postgres://psp@db/w?schema=a;drop", .badSchema),
    ("postgres://psp@db/w?schema=pg_catalog", .badSchema),
    ("postgres://psp@db/w?schema=\(String(repeating: "a", count: 64))", .badSchema),
    ("postgres://psp@db/w?schema=é", .badSchema),
  ])
  func refused(text: String, error: StoreLocationError) {
    #expect(throws: error) { try StoreLocation(parsing: text) }
  }

  @Test func longestSchemaName() throws {
    let name = "_" + String(repeating: "z9", count: 31)
    #expect(name.count == 63)
    guard
      case .postgres(let location) = try StoreLocation(parsing: "postgres://u@h/d?schema=\(name)")
    else { Issue.record("not postgres"); return }
    #expect(location.schema == name)
    #expect(location.quotedSchema == "\"\(name)\"")
    #expect(throws: StoreLocationError.badSchema) { try location.with(schema: "x y") }
  }

  /// A password never comes back in a message, wherever it was misplaced.
  @Test(arguments: [
    "postgres://psp:hunter2@db:hunter2/w",
    "postgres://psp:hunter2@db/w?hunter2=1",
    "postgres://psp:hunter2@db/w?password=hunter2",
    "postgres://psp:hunter2@db/w?schema=hunter2%20",
    "postgres://psp:hunter2@/w",
    "postgres://psp:hunter2@db",
    "postgres://hunter2",
  ])
  func messagesNeverShowThePassword(text: String) {
    do {
      _ = try StoreLocation(parsing: text)
      Issue.record("accepted")
    } catch {
      #expect(!error.description.contains("hunter2"))
      #expect(!error.description.isEmpty && error.description.count < 160)
    }
  }
}
