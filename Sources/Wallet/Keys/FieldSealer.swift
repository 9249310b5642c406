import PSPCrypto

/// Encrypts and decrypts field values exactly as `BRIEF.md` §2 asks: a fresh
/// random data key per field version; XChaCha20-Poly1305 with associated data
/// binding format, wallet, field and version; a key commitment beside it; the
/// data key wrapped under the circle key.
///
/// Values are sealed in chunks of `chunkSize` bytes (a short value is one
/// chunk), each its own XChaCha20-Poly1305 box under the same data key with a
/// fresh nonce, so a large document is encrypted and checked piece by piece.
public enum FieldSealer {
  /// Plaintext bytes per chunk; each chunk adds 40 bytes (nonce and tag).
  public static let chunkSize = 64 * 1024
  static let chunkOverhead = XChaCha20Poly1305.nonceByteCount + XChaCha20Poly1305.tagByteCount

  /// Seals `plaintext` (the field's canonical bytes) as version `version`.
  /// Returns the record and the data key, which the caller may seal to the
  /// grantees whose durable grants cover this field, then drop.
  public static func seal(
    _ plaintext: [UInt8], wallet: WalletID, field: FieldID, version: UInt64, circle: Circle,
    circleKey: SymmetricKey, circleEpoch: UInt32, createdAt: Int64
  ) throws(WalletError) -> (record: FieldRecord, dataKey: SymmetricKey) {
    let dataKey = SymmetricKey()
    let ad = AssociatedData.fieldValue(wallet: wallet, field: field, version: version)
    var keyBytes = dataKey.withUnsafeBytes { Array($0) }
    defer { wipe(&keyBytes) }
    do throws(CryptoError) {
      let ciphertext = try sealChunks(plaintext, key: dataKey, placement: ad)
      let commitment = try KeyCommitment(key: dataKey, context: ad)
      let wrapped = try XChaCha20Poly1305.seal(
        keyBytes, using: circleKey,
        authenticating: AssociatedData.wrappedDataKey(
          wallet: wallet, field: field, version: version, circle: circle, epoch: circleEpoch))
      let record = FieldRecord(
        wallet: wallet, field: field, version: version, circle: circle, circleEpoch: circleEpoch,
        ciphertext: ciphertext, commitment: commitment.bytes, wrappedDataKey: wrapped.combined,
        createdAt: createdAt)
      return (record, dataKey)
    } catch { throw .crypto(error) }
  }

  /// Unwraps the record's data key with the circle key of its circle and epoch.
  public static func unwrapDataKey(of record: FieldRecord, circleKey: SymmetricKey)
    throws(WalletError) -> SymmetricKey
  {
    let ad = AssociatedData.wrappedDataKey(
      wallet: record.wallet, field: record.field, version: record.version, circle: record.circle,
      epoch: record.circleEpoch)
    do {
      var bytes = try XChaCha20Poly1305.open(
        XChaCha20Poly1305.SealedMessage(combined: record.wrappedDataKey), using: circleKey,
        authenticating: ad)
      defer { wipe(&bytes) }
      return try SymmetricKey(copying: bytes)
    } catch {
      throw .keyDoesNotOpen("data key of \(record.field) version \(record.version)")
    }
  }

  /// Opens a record with its data key: the commitment is checked first, then the
  /// AEAD. Any moved or changed byte gives `recordDoesNotOpen` and no plaintext.
  public static func open(_ record: FieldRecord, dataKey: SymmetricKey) throws(WalletError) -> [UInt8] {
    let ad = AssociatedData.fieldValue(wallet: record.wallet, field: record.field, version: record.version)
    do {
      try KeyCommitment(record.commitment).verify(key: dataKey, context: ad)
      return try openChunks(record.ciphertext, key: dataKey, placement: ad)
    } catch {
      throw .recordDoesNotOpen(field: record.field, version: record.version)
    }
  }

  /// Opens a record with the circle key (the owner's or a trustee's path).
  public static func open(_ record: FieldRecord, circleKey: SymmetricKey) throws(WalletError) -> [UInt8] {
    let dataKey: SymmetricKey
    do {
      dataKey = try unwrapDataKey(of: record, circleKey: circleKey)
    } catch {
      throw .recordDoesNotOpen(field: record.field, version: record.version)
    }
    return try open(record, dataKey: dataKey)
  }

  static func sealChunks(_ plaintext: [UInt8], key: SymmetricKey, placement: [UInt8])
    throws(CryptoError) -> [UInt8]
  {
    var out: [UInt8] = []
    out.reserveCapacity(plaintext.count + (plaintext.count / chunkSize + 1) * chunkOverhead)
    var index: UInt64 = 0
    var start = 0
    repeat {
      let end = min(start + chunkSize, plaintext.count)
      let box = try XChaCha20Poly1305.seal(
        Array(plaintext[start..<end]), using: key,
        authenticating: AssociatedData.fieldChunk(
          placement: placement, index: index, isFinal: end == plaintext.count))
      out += box.combined
      index += 1
      start = end
    } while start < plaintext.count
    return out
  }

  static func openChunks(_ ciphertext: [UInt8], key: SymmetricKey, placement: [UInt8])
    throws(CryptoError) -> [UInt8]
  {
    let fullChunk = chunkSize + chunkOverhead
    var out: [UInt8] = []
    var index: UInt64 = 0
    var start = 0
    repeat {
      let end = min(start + fullChunk, ciphertext.count)
      // Every chunk but the last is full; the final flag in the AD makes a
      // ciphertext cut at a chunk boundary fail.
      let isFinal = end == ciphertext.count
      out += try XChaCha20Poly1305.open(
        XChaCha20Poly1305.SealedMessage(combined: Array(ciphertext[start..<end])), using: key,
        authenticating: AssociatedData.fieldChunk(placement: placement, index: index, isFinal: isFinal))
      index += 1
      start = end
    } while start < ciphertext.count
    return out
  }
}
