import PSPCrypto
import Testing

@testable import PSPWallet

@Suite("Per-field encryption")
struct FieldSealerTests {
  let wallet = WalletID()
  let circleKey = SymmetricKey()

  func seal(_ text: String, field: FieldID = "address", version: UInt64 = 1, wallet: WalletID? = nil)
    throws -> FieldRecord
  {
    try FieldSealer.seal(
      Array(text.utf8), wallet: wallet ?? self.wallet, field: field, version: version,
      circle: .personal, circleKey: circleKey, circleEpoch: 1, createdAt: 1
    ).record
  }

  @Test func roundTripAndFreshDataKeys() throws {
    let a = try seal("12 rue de la Gare, Redange")
    let b = try seal("12 rue de la Gare, Redange")
    #expect(try FieldSealer.open(a, circleKey: circleKey) == Array("12 rue de la Gare, Redange".utf8))
    // Same value, same placement: a fresh data key and nonce each time.
    #expect(a.ciphertext != b.ciphertext)
    #expect(a.wrappedDataKey != b.wrappedDataKey)
    #expect(a.commitment != b.commitment)
  }

  /// A ciphertext moved to another field, version or wallet does not open, and
  /// neither does a record whose wrapped key or commitment came from elsewhere.
  @Test func swappedPlacementsDoNotOpen() throws {
    let original = try seal("IBAN secret", field: "iban")
    func moved(wallet: WalletID? = nil, field: FieldID? = nil, version: UInt64? = nil,
      circle: Circle? = nil, epoch: UInt32? = nil) -> FieldRecord {
      FieldRecord(
        wallet: wallet ?? original.wallet, field: field ?? original.field,
        version: version ?? original.version, circle: circle ?? original.circle,
        circleEpoch: epoch ?? original.circleEpoch, ciphertext: original.ciphertext,
        commitment: original.commitment, wrappedDataKey: original.wrappedDataKey, createdAt: 1)
    }
    let placements = [
      moved(wallet: WalletID()), moved(field: "account_holder"), moved(version: 2),
      moved(circle: .moneyAndHousing), moved(epoch: 2),
    ]
    for record in placements {
      #expect(throws: WalletError.self) { try FieldSealer.open(record, circleKey: circleKey) }
    }
    // Ciphertext of one record with the keys of another.
    let other = try seal("other value", field: "iban", version: 2)
    let mixed = FieldRecord(
      wallet: other.wallet, field: other.field, version: other.version, circle: other.circle,
      circleEpoch: 1, ciphertext: original.ciphertext, commitment: other.commitment,
      wrappedDataKey: other.wrappedDataKey, createdAt: 1)
    #expect(throws: WalletError.recordDoesNotOpen(field: "iban", version: 2)) {
      try FieldSealer.open(mixed, circleKey: circleKey)
    }
    // Another circle key does not unwrap the data key.
    #expect(throws: WalletError.self) { try FieldSealer.open(original, circleKey: SymmetricKey()) }
  }

  @Test func everyTamperedByteIsRefused() throws {
    let record = try seal("Maria")
    for index in record.ciphertext.indices {
      var bytes = record.ciphertext
      bytes[index] ^= 0x01
      let tampered = FieldRecord(
        wallet: record.wallet, field: record.field, version: record.version, circle: record.circle,
        circleEpoch: 1, ciphertext: bytes, commitment: record.commitment,
        wrappedDataKey: record.wrappedDataKey, createdAt: 1)
      #expect(throws: WalletError.self) { try FieldSealer.open(tampered, circleKey: circleKey) }
    }
    for index in record.commitment.indices {
      var bytes = record.commitment
      bytes[index] ^= 0x80
      let tampered = FieldRecord(
        wallet: record.wallet, field: record.field, version: record.version, circle: record.circle,
        circleEpoch: 1, ciphertext: record.ciphertext, commitment: bytes,
        wrappedDataKey: record.wrappedDataKey, createdAt: 1)
      #expect(throws: WalletError.self) { try FieldSealer.open(tampered, circleKey: circleKey) }
    }
    for length in 0..<record.ciphertext.count {
      let truncated = FieldRecord(
        wallet: record.wallet, field: record.field, version: record.version, circle: record.circle,
        circleEpoch: 1, ciphertext: Array(record.ciphertext.prefix(length)),
        commitment: record.commitment, wrappedDataKey: record.wrappedDataKey, createdAt: 1)
      #expect(throws: WalletError.self) { try FieldSealer.open(truncated, circleKey: circleKey) }
    }
  }

  @Test func errorsNameTheFieldNotTheValue() throws {
    let record = try seal("Très secret")
    do {
      _ = try FieldSealer.open(record, circleKey: SymmetricKey())
      Issue.record("opened with the wrong key")
    } catch {
      #expect(!error.description.contains("secret"))
      #expect(error.description.contains("address"))
    }
  }
}

@Suite("Chunked values (documents)")
struct ChunkedValueTests {
  let circleKey = SymmetricKey()

  func seal(_ bytes: [UInt8]) throws -> FieldRecord {
    try FieldSealer.seal(
      bytes, wallet: WalletID(), field: "lease", version: 1, circle: .documents, circleKey: circleKey,
      circleEpoch: 1, createdAt: 1
    ).record
  }

  func with(_ record: FieldRecord, ciphertext: [UInt8]) -> FieldRecord {
    FieldRecord(
      wallet: record.wallet, field: record.field, version: record.version, circle: record.circle,
      circleEpoch: record.circleEpoch, ciphertext: ciphertext, commitment: record.commitment,
      wrappedDataKey: record.wrappedDataKey, createdAt: record.createdAt)
  }

  @Test(arguments: [0, 1, FieldSealer.chunkSize - 1, FieldSealer.chunkSize, FieldSealer.chunkSize + 1, 3 * FieldSealer.chunkSize + 17])
  func roundTripAtChunkBoundaries(_ size: Int) throws {
    let document = randomBytes(size)
    let record = try seal(document)
    let chunks = max(1, (size + FieldSealer.chunkSize - 1) / FieldSealer.chunkSize)
    #expect(record.ciphertext.count == size + chunks * 40)
    #expect(try FieldSealer.open(record, circleKey: circleKey) == document)
  }

  @Test func droppedReorderedOrTruncatedChunksAreRefused() throws {
    let document = randomBytes(3 * FieldSealer.chunkSize)
    let record = try seal(document)
    let full = FieldSealer.chunkSize + 40
    let c = record.ciphertext
    let chunk = { (i: Int) in Array(c[(i * full)..<min((i + 1) * full, c.count)]) }
    let variants: [[UInt8]] = [
      chunk(0) + chunk(1),  // last chunk dropped: chunk 1 is not final
      chunk(1) + chunk(0) + chunk(2),  // reordered
      chunk(0) + chunk(2),  // middle dropped
      chunk(0) + chunk(1) + chunk(2) + chunk(2),  // a chunk repeated
      Array(c.dropLast(1)),  // truncated inside the last chunk
    ]
    for variant in variants {
      #expect(throws: WalletError.self) { try FieldSealer.open(with(record, ciphertext: variant), circleKey: circleKey) }
    }
  }
}
