import Logging
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing

@testable import WalletServer

/// A write's records and keys go in many rows a statement (64 at most each):
/// more than that is split, and a record out of turn stores nothing of its
/// write. On the engine under test.
@Suite("Store: many rows in one write")
struct StoreManyRowsTests {
  func store(_ directory: TestDirectory) async throws -> SQLServerStore {
    if TestStore.onPostgres,
      case .postgres(let location) = try StoreLocation(parsing: try TestStore.freshPostgres())
    {
      return try await SQLServerStore.postgres(
        location: location, connections: 2, logger: Logger(label: "psp.test.rows"))
    }
    return try SQLServerStore.sqlite(path: directory.path + "/walletd.sqlite")
  }

  func record(_ wallet: WalletID, _ field: FieldID, _ version: UInt64) -> FieldRecord {
    FieldRecord(
      wallet: wallet, field: field, version: version, circle: .moneyAndHousing, circleEpoch: 1,
      ciphertext: randomBytes(40), commitment: randomBytes(32), wrappedDataKey: randomBytes(72),
      createdAt: Int64(version))
  }

  @Test func seventyRecordsAndKeysInOneWrite() async throws {
    let directory = TestDirectory()
    let store = try await store(directory)
    let wallet = WalletID()
    let opened = WalletRecord(
      id: wallet, ownerSigningKey: "k4.public.x", ownerEncryptionKey: [1], consentReceipt: "r",
      createdAt: 1)
    try await store.write(wallet: wallet) { tx in
      _ = try tx.createWallet(opened, envelopes: [], keyStatements: ["a", "b"])
    }
    // 35 fields, two versions each in the same write: 70 rows.
    let fields = Array(FieldCatalogue.standard.fields.map(\.id).prefix(35))
    let records = fields.flatMap { [record(wallet, $0, 1), record(wallet, $0, 2)] }
    let grant = StatementID()
    let keys = records.map {
      GrantKey(grant: grant, field: $0.field, version: $0.version, sealedKey: randomBytes(80))
    }
    try await store.write(wallet: wallet) { tx in
      let locked = try tx.lock(wallet)
      try tx.appendAuthored(records, statement: StatementID(), token: "t", in: locked)
      try tx.insertGrant(grant, grantee: "fns", token: "g", at: 1, in: locked)
      try tx.insertGrantKeys(keys)
    }
    let latest = try await store.latestRecords(wallet: wallet)
    #expect(latest.count == 35 && latest.allSatisfy { $0.version == 2 })
    #expect(try await store.history(wallet: wallet, field: fields[34]).map(\.version) == [1, 2])
    #expect(try await store.history(wallet: wallet, field: fields[0]) == [records[0], records[1]])
    let context = try await store.readContext(wallet: wallet, grant: grant)
    #expect(context.granted.count == 35)
    #expect(context.granted.allSatisfy { $0.0.version == 2 && $0.1.sealedKey.count == 80 })
    #expect(try await store.keyStatements(wallet: wallet) == ["a", "b"])

    // A record that is not the next version of its field: nothing of that write.
    let skipped = [record(wallet, fields[0], 3), record(wallet, fields[1], 4)]
    await #expect(throws: WalletError.versionConflict(field: fields[1], expected: 3)) {
      try await store.write(wallet: wallet) { tx in
        try tx.appendAuthored(skipped, statement: StatementID(), token: "u", in: tx.lock(wallet))
      }
    }
    #expect(try await store.history(wallet: wallet, field: fields[0]).map(\.version) == [1, 2])
    await store.stop()
  }
}
