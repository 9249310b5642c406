import Foundation
import PSPCrypto
import Testing

@testable import PSPWallet

/// The wallet on a real SQLite file: opening with consent, versions, history,
/// plaintext never at rest, export/import, close.
@Suite("Wallet on SQLite")
struct WalletOwnerTests {
  let directory = TemporaryDirectory()

  func makeStore(_ name: String = "wallets.sqlite") throws -> SQLiteWalletStore {
    try SQLiteWalletStore(path: directory.path(name))
  }

  @Test func openingNeedsExplicitConsentAndStoresNothingWithout() throws {
    let store = try makeStore()
    let id = WalletID()
    #expect(throws: WalletError.consentNotGiven) {
      try WalletOwner.open(identity: Identity(kind: .citizen), acceptance: nil, store: store, walletID: id)
    }
    let outdated = ConsentAcceptance(
      terms: ConsentTerms(version: "psp-consent/old", french: "x", english: "y", german: "z", portuguese: "w"), language: .french,
      acceptedAt: 1)
    #expect(throws: WalletError.consentNotGiven) {
      try WalletOwner.open(identity: Identity(kind: .citizen), acceptance: outdated, store: store, walletID: id)
    }
    #expect(throws: WalletError.unknownWallet) { try store.wallet(id) }
  }

  @Test func consentReceiptIsSignedByTheOwnerAndReadableLater() throws {
    let store = try makeStore()
    let identity = Identity(kind: .citizen)
    let owner = try WalletOwner.open(identity: identity, acceptance: acceptance, store: store)
    let receipt = try owner.consentReceipt()
    #expect(receipt.wallet == owner.walletID)
    #expect(receipt.owner == identity.publicIdentity.keyID)
    #expect(receipt.terms == ConsentTerms.current.version)
    #expect(receipt.termsDigest == ConsentTerms.current.digest)
    #expect(receipt.iat == Timestamp.rfc3339(acceptance.acceptedAt))
    // Under any other key, or for another wallet, the receipt does not verify.
    let token = try store.wallet(owner.walletID).consentReceipt
    #expect(throws: WalletError.consentReceiptInvalid) {
      try ConsentReceipt.verify(token, wallet: owner.walletID, ownerKey: SigningKey().publicKey)
    }
    #expect(throws: WalletError.consentReceiptInvalid) {
      try ConsentReceipt.verify(token, wallet: WalletID(), ownerKey: identity.signingKey.publicKey)
    }
    // A receipt forged by the platform (its own key, same claims) is refused on reopening.
    let forged = try SignedStatement.sign(receipt, type: ConsentReceipt.type, with: SigningKey())
    try store.database.query(
      "UPDATE wallets SET consent_receipt = ? WHERE id = ?", [.text(forged), .blob(owner.walletID.bytes)])
    #expect(throws: WalletError.consentReceiptInvalid) {
      try WalletOwner(walletID: owner.walletID, identity: identity, store: store)
    }
  }

  @Test func fieldsAreVersionedAndHistoryIsReadable() throws {
    let store = try makeStore()
    let identity = Identity(kind: .citizen)
    let owner = try WalletOwner.open(identity: identity, acceptance: acceptance, store: store)
    try owner.set("address", circle: .personal, plaintext: Array("1 rue A".utf8), at: 10)
    try owner.set("address", circle: .personal, plaintext: Array("2 rue B".utf8), at: 20)
    try owner.set("iban", circle: .moneyAndHousing, plaintext: Array("LU280019400644750000".utf8), at: 30)
    // Reopened from the file with the identity alone.
    let reopened = try WalletOwner(walletID: owner.walletID, identity: identity, store: makeStore())
    #expect(try reopened.read("address").plaintext == Array("2 rue B".utf8))
    #expect(try reopened.read("address").record.version == 2)
    #expect(try reopened.history("address").map { $0.plaintext } == [Array("1 rue A".utf8), Array("2 rue B".utf8)])
    #expect(try reopened.readAll().map { $0.record.field } == ["address", "iban"])
    #expect(throws: WalletError.unknownField("phone")) { try reopened.read("phone") }
    // Another identity cannot use this wallet.
    #expect(throws: WalletError.self) {
      try WalletOwner(walletID: owner.walletID, identity: Identity(kind: .citizen), store: store)
    }
  }

  @Test func aStaleVersionIsAConflictAndStoresNothing() throws {
    let store = try makeStore()
    let owner = try WalletOwner.open(identity: Identity(kind: .citizen), acceptance: acceptance, store: store)
    let first = try owner.set("phone", circle: .personal, plaintext: [1], at: 1).record
    #expect(throws: WalletError.versionConflict(field: "phone", expected: 2)) { try store.append(first) }
    #expect(try store.history(wallet: owner.walletID, field: "phone").count == 1)
  }

  /// Known values stored through the wallet never appear in the database file
  /// or its WAL, in any common encoding.
  @Test func noPlaintextAtRest() throws {
    let path = directory.path("at-rest.sqlite")
    let store = try SQLiteWalletStore(path: path)
    let owner = try WalletOwner.open(identity: Identity(kind: .citizen), acceptance: acceptance, store: store)
    let values = [
      "1893120105732", "Maria Dos Santos Ferreira", "LU280019400644750000", "12 rue de la Gare",
      "maria.ferreira@example.lu",
    ]
    for (index, value) in values.enumerated() {
      try owner.set(FieldID(rawValue: "field_\(index)")!, circle: .personal, plaintext: Array(value.utf8), at: 1)
    }
    for candidate in [path, path + "-wal"] {
      #expect(FileManager.default.fileExists(atPath: candidate))
      for value in values {
        #expect(!file(candidate, contains: Array(value.utf8)), "\(candidate)")
        #expect(!file(candidate, contains: Array(value.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(!file(candidate, contains: Array(Encoding.base64URL(Array(value.utf8)).utf8)))
      }
    }
  }

  @Test func exportThenImportGivesTheSameFields() throws {
    let identity = Identity(kind: .citizen)
    let owner = try WalletOwner.open(identity: identity, acceptance: acceptance, store: makeStore("a.sqlite"))
    try owner.set("surname", circle: .core, plaintext: Array("Ferreira".utf8), at: 1)
    try owner.set("rent_amount", circle: .moneyAndHousing, plaintext: Array("85000".utf8), at: 2)
    try owner.set("rent_amount", circle: .moneyAndHousing, plaintext: Array("90000".utf8), at: 3)
    let bundle = try owner.exportBundle()
    let json = try JSONEncoder().encode(bundle)
    #expect(!String(decoding: json, as: UTF8.self).contains("Ferreira"))
    // Someone else's identity cannot open it.
    #expect(throws: WalletError.self) {
      try WalletOwner.importBundle(bundle, identity: Identity(kind: .citizen), into: makeStore("x.sqlite"))
    }
    let decoded = try JSONDecoder().decode(WalletExport.self, from: json)
    let imported = try WalletOwner.importBundle(decoded, identity: identity, into: makeStore("b.sqlite"))
    let before = try owner.readAll().map { [$0.record.field.rawValue: $0.plaintext] }
    let after = try imported.readAll().map { [$0.record.field.rawValue: $0.plaintext] }
    #expect(before == after)
    #expect(try imported.history("rent_amount").count == 2)
    #expect(try imported.consentReceipt() == owner.consentReceipt())
  }

  @Test func tamperedExportIsRefused() throws {
    let identity = Identity(kind: .citizen)
    let owner = try WalletOwner.open(identity: identity, acceptance: acceptance, store: makeStore("a.sqlite"))
    try owner.set("surname", circle: .core, plaintext: Array("Ferreira".utf8), at: 1)
    let bundle = try owner.exportBundle()
    var contents = Array(bundle.contents.utf8)
    contents[contents.count / 2] = contents[contents.count / 2] == 0x41 ? 0x42 : 0x41
    let tampered = WalletExport(
      format: bundle.format, wallet: bundle.wallet, sealedKey: bundle.sealedKey,
      contents: String(decoding: contents, as: UTF8.self), signature: bundle.signature)
    let target = try makeStore("b.sqlite")
    #expect(throws: WalletError.self) { try WalletOwner.importBundle(tampered, identity: identity, into: target) }
    let moved = WalletExport(
      format: bundle.format, wallet: WalletID(), sealedKey: bundle.sealedKey, contents: bundle.contents,
      signature: bundle.signature)
    #expect(throws: WalletError.self) { try WalletOwner.importBundle(moved, identity: identity, into: target) }
    // Sealed to the owner but not signed by them (walletd, or a trustee holding
    // circle keys, can seal; only the owner signs): refused before it is opened.
    let claims = WalletExport.Signed(
      typ: WalletExport.signatureType, wallet: bundle.wallet,
      digest: WalletExport.digest(
        wallet: bundle.wallet, sealedKey: bundle.sealedKey, contents: bundle.contents))
    let forger = Identity(kind: .trustee)
    let unsigned = WalletExport(
      format: bundle.format, wallet: bundle.wallet, sealedKey: bundle.sealedKey,
      contents: bundle.contents,
      signature: try SignedStatement.sign(
        claims, type: WalletExport.signatureType, with: forger.signingKey))
    #expect(throws: WalletError.keyDoesNotOpen("export (not signed by this identity)")) {
      try WalletOwner.importBundle(unsigned, identity: identity, into: target)
    }
    #expect(throws: WalletError.unknownWallet) { try target.wallet(bundle.wallet) }
  }

  /// Closing deletes every record and envelope, keeps a signed closure, and
  /// leaves nothing readable in the file or the WAL.
  @Test func closeLeavesNothingReadable() throws {
    let path = directory.path("close.sqlite")
    let store = try SQLiteWalletStore(path: path)
    let identity = Identity(kind: .citizen)
    let owner = try WalletOwner.open(identity: identity, acceptance: acceptance, store: store)
    let record = try owner.set("iban", circle: .moneyAndHousing, plaintext: Array("LU28".utf8), at: 1).record
    let envelope = try store.envelopes(wallet: owner.walletID, recipient: identity.encryptionKey.publicKey.bytes)[0]
    let statement = try owner.close(at: 99)

    #expect(try store.latestRecords(wallet: owner.walletID).isEmpty)
    #expect(try store.envelopes(wallet: owner.walletID, recipient: identity.encryptionKey.publicKey.bytes).isEmpty)
    let row = try store.wallet(owner.walletID)
    #expect(row.closedAt == 99)
    let closure = try SignedStatement.verify(
      statement, type: WalletClosure.type, publicKey: identity.signingKey.publicKey, as: WalletClosure.self)
    #expect(closure.wallet == owner.walletID)
    #expect(closure.retained.contains("5 years"))
    #expect(throws: WalletError.walletClosed) {
      try WalletOwner(walletID: owner.walletID, identity: identity, store: store)
    }
    #expect(throws: WalletError.walletClosed) { try store.append(record) }
    for candidate in [path, path + "-wal"] {
      #expect(!file(candidate, contains: record.ciphertext), "\(candidate)")
      #expect(!file(candidate, contains: record.wrappedDataKey), "\(candidate)")
      #expect(!file(candidate, contains: envelope.sealedKey), "\(candidate)")
    }
  }

  @Test func migrationsRunOnceAndAreRecorded() throws {
    let path = directory.path("m.sqlite")
    _ = try SQLiteWalletStore(path: path)
    let again = try SQLiteWalletStore(path: path)
    let versions = try again.database.query("SELECT version FROM schema_migrations").compactMap { $0[0].integer }
    #expect(versions == [1, 2])
    let mode = try again.database.query("PRAGMA journal_mode").first?[0].text
    #expect(mode == "wal")
    let sync = try again.database.query("PRAGMA synchronous").first?[0].integer
    #expect(sync == 2)  // FULL
  }
}

@Suite("Timestamps")
struct TimestampTests {
  @Test(arguments: [
    (Int64(0), "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"),
    (1_790_000_000, "2026-09-21T14:13:20Z"), (-86_400, "1969-12-31T00:00:00Z"),
  ])
  func formatsAndParses(_ seconds: Int64, _ text: String) {
    #expect(Timestamp.rfc3339(seconds) == text)
    #expect(Timestamp.parse(text) == seconds)
  }

  @Test(arguments: ["2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
    "2026-01-01 00:00:00Z", "2026-01-01T00:00:00+01:00", ""])
  func refusesOtherForms(_ text: String) {
    #expect(Timestamp.parse(text) == nil)
  }
}

/// The platform knows the owner's X25519 public key and can seal a key of its
/// own to it. Such a key has no commitment in a statement the owner signed, so
/// the client refuses it rather than encrypting new values under it.
@Suite("Circle key injection")
struct CircleKeyInjectionTests {
  let directory = TemporaryDirectory()

  @Test func aKeySealedByThePlatformIsRefused() throws {
    let store = try SQLiteWalletStore(path: directory.path("inject.sqlite"))
    let maria = Identity(kind: .citizen)
    let owner = try WalletOwner.open(identity: maria, acceptance: acceptance, store: store)
    // The platform's chosen key, sealed to Maria as a newer epoch of circle 2.
    var platformRing = CircleKeyring()
    platformRing.insert(SymmetricKey(), circle: .moneyAndHousing, epoch: 2)
    try store.add(
      platformRing.envelopes(wallet: owner.walletID, circles: [.moneyAndHousing], to: maria.encryptionKey.publicKey))
    #expect(throws: WalletError.self) {
      try WalletOwner(walletID: owner.walletID, identity: maria, store: store)
    }
    // Replacing the owner's statement with one the platform signs does not help.
    let forged = try CircleKeyStatement.sign(
      keyring: platformRing, wallet: owner.walletID, epoch: 2, by: SigningKey(), at: 1)
    try store.database.query(
      "INSERT INTO circle_key_statements (wallet, position, token) VALUES (?, 1, ?)",
      [.blob(owner.walletID.bytes), .text(forged)])
    #expect(throws: WalletError.self) {
      try WalletOwner(walletID: owner.walletID, identity: maria, store: store)
    }
  }

  @Test func aGenuineWalletStillOpens() throws {
    let store = try SQLiteWalletStore(path: directory.path("genuine.sqlite"))
    let maria = Identity(kind: .citizen)
    let owner = try WalletOwner.open(identity: maria, acceptance: acceptance, store: store)
    let reopened = try WalletOwner(walletID: owner.walletID, identity: maria, store: store)
    #expect(reopened.keyring.circles == Circle.allCases)
  }
}

@Suite("Plain export")
struct PlainExportTests {
  let directory = TemporaryDirectory()

  @Test func everyFieldWithItsLabelInPlainWords() throws {
    let store = try SQLiteWalletStore(path: directory.path("plain.sqlite"))
    let owner = try WalletOwner.open(identity: Identity(kind: .citizen), acceptance: acceptance, store: store)
    let iban = try FieldCatalogue.standard["iban"]!.validate("LU28 0019 4006 4475 0000")
    let surname = try FieldCatalogue.standard["surname"]!.validate("Ferreira")
    try owner.set("iban", circle: .moneyAndHousing, plaintext: iban.encoded(), at: 1)
    try owner.set("surname", circle: .core, plaintext: surname.encoded(), at: 1)
    let export = try PlainExport(owner: owner, language: .french)
    #expect(export.fields.map(\.field) == ["iban", "surname"])
    #expect(export.fields.first?.label == FieldCatalogue.standard["iban"]!.label.text(in: .french))
    #expect(export.fields.first?.value.contains("LU28") == true)
    #expect(export.fields.last?.value == "Ferreira")
    let decoded = try JSONDecoder().decode(PlainExport.self, from: export.json())
    #expect(decoded.fields.count == 2)
  }
}
