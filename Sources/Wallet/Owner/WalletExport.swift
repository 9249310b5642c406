import Foundation
import PSPCrypto

/// The portable, re-importable form of a whole wallet (`spec/wallet.md`
/// §"Export"): the wallet row, the owner's circle key envelopes and every
/// version of every record, as JSON, encrypted as a PASETO v4.local token under
/// a fresh export key, which is sealed to the owner's X25519 key. Only the
/// owner's identity opens it.
public struct WalletExport: Sendable, Codable {
  public static let format = "psp-export/1"
  static let contextLabel = "PSP-v1/export"

  public let format: String
  public let wallet: WalletID
  /// `KeySealing` of the export key to the owner.
  public let sealedKey: String
  /// `v4.local.…` of the contents.
  public let contents: String

  struct Contents: Codable {
    let wallet: WalletRecord
    let envelopes: [CircleKeyEnvelope]
    let keyStatements: [String]
    let records: [FieldRecord]
  }

  static func context(_ wallet: WalletID, _ recipient: AgreementPublicKey) -> [UInt8] {
    PreAuthenticationEncoding.encode([Array(contextLabel.utf8), wallet.bytes, recipient.bytes])
  }
}

/// A bundle opened with the owner's identity and checked (§18.3 steps 1–12):
/// nothing is written, every record opens.
public struct OpenedExport: Sendable {
  public let wallet: WalletRecord
  public let envelopes: [CircleKeyEnvelope]
  public let keyStatements: [String]
  /// Every version of every field.
  public let records: [FieldRecord]
  let keyring: CircleKeyring

  /// The latest version of each field, in field order.
  public var latestRecords: [FieldRecord] {
    Dictionary(grouping: records, by: \.field).values
      .compactMap { $0.max { $0.version < $1.version } }
      .sorted { $0.field < $1.field }
  }

  /// The plaintext of one record of the bundle.
  public func open(_ record: FieldRecord) throws(WalletError) -> [UInt8] {
    guard record.wallet == wallet.id,
      let key = keyring.key(record.circle, epoch: record.circleEpoch)
    else {
      throw .recordDoesNotOpen(field: record.field, version: record.version)
    }
    return try FieldSealer.open(record, circleKey: key)
  }
}

extension WalletExport {
  /// Seals a wallet's contents to its owner (§18.2 steps 2–6).
  public static func make(
    wallet: WalletRecord, envelopes: [CircleKeyEnvelope], keyStatements: [String],
    records: [FieldRecord], owner: PublicIdentity
  ) throws(WalletError) -> WalletExport {
    let contents = Contents(
      wallet: wallet, envelopes: envelopes, keyStatements: keyStatements, records: records)
    let json: Data
    do { json = try JSONEncoder().encode(contents) } catch { throw .malformed("export") }
    let key = SymmetricKey()
    let context = context(wallet.id, owner.encryptionKey)
    do {
      return WalletExport(
        format: format, wallet: wallet.id,
        sealedKey: Encoding.base64URL(
          try KeySealing.seal(key, to: owner.encryptionKey, context: context)),
        contents: try PasetoV4Local.encrypt(Array(json), with: key, implicitAssertion: context))
    } catch let error as WalletError {
      throw error
    } catch {
      throw .malformed("export")
    }
  }

  /// Opens a bundle with the owner's identity and checks everything in it
  /// (§18.3 steps 1–12), writing nothing.
  public static func open(_ bundle: WalletExport, identity: Identity) throws(WalletError)
    -> OpenedExport
  {
    guard bundle.format == format else { throw .malformed("export format") }
    let owner = identity.publicIdentity
    let context = context(bundle.wallet, owner.encryptionKey)
    let contents: Contents
    do {
      let key = try KeySealing.open(
        Encoding.fromBase64URL(bundle.sealedKey), with: identity.encryptionKey, context: context,
        what: "export")
      let token = try PasetoV4Local.decrypt(bundle.contents, with: key, implicitAssertion: context)
      contents = try JSONDecoder().decode(Contents.self, from: Data(token.message))
    } catch let error as WalletError {
      throw error
    } catch {
      throw .keyDoesNotOpen("export")
    }
    guard contents.wallet.id == bundle.wallet,
      contents.envelopes.allSatisfy({ $0.wallet == bundle.wallet }),
      contents.records.allSatisfy({ $0.wallet == bundle.wallet })
    else { throw .malformed("export contents") }
    guard contents.wallet.closedAt == nil else { throw .walletClosed }
    guard contents.wallet.ownerSigningKey == Paserk.encode(owner.signingKey),
      contents.wallet.ownerEncryptionKey == owner.encryptionKey.bytes
    else { throw .keyDoesNotOpen("export (another owner)") }
    let commitments = try CircleKeyStatement.verify(
      contents.keyStatements, wallet: bundle.wallet, owner: owner.signingKey)
    let opened = OpenedExport(
      wallet: contents.wallet, envelopes: contents.envelopes,
      keyStatements: contents.keyStatements, records: contents.records,
      keyring: try CircleKeyring(
        envelopes: contents.envelopes, recipient: identity.encryptionKey,
        commitments: commitments))
    _ = try ConsentReceipt.verify(
      contents.wallet.consentReceipt, wallet: bundle.wallet, ownerKey: owner.signingKey)
    for record in contents.records {
      var plaintext = try opened.open(record)
      wipe(&plaintext)
    }
    return opened
  }
}

extension WalletOwner {
  /// Every record the store holds for this wallet, all versions.
  func allRecords() throws(WalletError) -> [FieldRecord] {
    var out: [FieldRecord] = []
    for latest in try store.latestRecords(wallet: walletID) {
      out += try store.history(wallet: walletID, field: latest.field)
    }
    return out
  }

  public func exportBundle() throws(WalletError) -> WalletExport {
    let owner = identity.publicIdentity
    return try WalletExport.make(
      wallet: try store.wallet(walletID),
      envelopes: try store.envelopes(wallet: walletID, recipient: owner.encryptionKey.bytes),
      keyStatements: try store.keyStatements(wallet: walletID), records: try allRecords(),
      owner: owner)
  }

  /// Re-imports a bundle into `store` (for example a new platform): it opens only
  /// with the owner's identity, its consent receipt must verify, and every
  /// record must open before anything is written.
  public static func importBundle(
    _ bundle: WalletExport, identity: Identity, into store: any WalletStore
  ) throws(WalletError) -> WalletOwner {
    let opened = try WalletExport.open(bundle, identity: identity)
    let session = WalletOwner(
      walletID: bundle.wallet, identity: identity, store: store, keyring: opened.keyring)
    try store.create(
      opened.wallet, envelopes: opened.envelopes, keyStatements: opened.keyStatements)
    for record in opened.records.sorted(by: { ($0.field, $0.version) < ($1.field, $1.version) }) {
      try store.append(record)
    }
    return session
  }
}
