import Foundation
import PSPCrypto

/// The portable, re-importable form of a whole wallet (`spec/wallet.md`
/// §"Export"): the wallet row, the owner's circle key envelopes and every
/// version of every record, as JSON, encrypted as a PASETO v4.local token under
/// a fresh export key, which is sealed to the owner's X25519 key, and signed
/// by the owner. Only the owner's identity opens it, and only a bundle the
/// owner signed is read: anyone can seal to a public key (walletd holds the
/// owner's envelopes and old ciphertexts; a trustee holds circle keys), no one
/// else can sign as the owner.
public struct WalletExport: Sendable, Codable {
  public static let format = "psp-export/2"
  static let contextLabel = "PSP-v1/export"
  /// The statement type of the owner's signature over the bundle.
  static let signatureType = "PSP-v1/export-bundle"

  public let format: String
  public let wallet: WalletID
  /// `KeySealing` of the export key to the owner.
  public let sealedKey: String
  /// `v4.local.…` of the contents.
  public let contents: String
  /// The owner's `PSP-v1/export-bundle` statement over the three members above.
  public let signature: String

  public init(
    format: String, wallet: WalletID, sealedKey: String, contents: String, signature: String
  ) {
    self.format = format
    self.wallet = wallet
    self.sealedKey = sealedKey
    self.contents = contents
    self.signature = signature
  }

  /// What the owner signs: the wallet and a digest of the sealed key and contents.
  struct Signed: Codable {
    let typ: String
    let wallet: WalletID
    /// base64url of BLAKE2b-256(PAE([type, wallet, sealedKey, contents])).
    let digest: String
  }

  static func digest(wallet: WalletID, sealedKey: String, contents: String) -> String {
    let bytes = try! BLAKE2b.hash([
      PreAuthenticationEncoding.encode([
        Array(signatureType.utf8), wallet.bytes, Array(sealedKey.utf8), Array(contents.utf8),
      ])
    ])
    return Encoding.base64URL(bytes)
  }

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
    records: [FieldRecord], signer: Identity
  ) throws(WalletError) -> WalletExport {
    let owner = signer.publicIdentity
    let contents = Contents(
      wallet: wallet, envelopes: envelopes, keyStatements: keyStatements, records: records)
    let json: Data
    do { json = try JSONEncoder().encode(contents) } catch { throw .malformed("export") }
    let key = SymmetricKey()
    let context = context(wallet.id, owner.encryptionKey)
    do {
      let sealedKey = Encoding.base64URL(
        try KeySealing.seal(key, to: owner.encryptionKey, context: context))
      let contents = try PasetoV4Local.encrypt(Array(json), with: key, implicitAssertion: context)
      let signature = try SignedStatement.sign(
        Signed(
          typ: signatureType, wallet: wallet.id,
          digest: digest(wallet: wallet.id, sealedKey: sealedKey, contents: contents)),
        type: signatureType, with: signer.signingKey)
      return WalletExport(
        format: format, wallet: wallet.id, sealedKey: sealedKey, contents: contents,
        signature: signature)
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
    // Signed by this owner, for this wallet, over exactly these bytes.
    guard
      let signed = try? SignedStatement.verify(
        bundle.signature, type: signatureType, publicKey: owner.signingKey, as: Signed.self),
      signed.typ == signatureType, signed.wallet == bundle.wallet,
      signed.digest
        == digest(wallet: bundle.wallet, sealedKey: bundle.sealedKey, contents: bundle.contents)
    else { throw .keyDoesNotOpen("export (not signed by this identity)") }
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
      signer: identity)
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
