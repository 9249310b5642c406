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
    let contents = WalletExport.Contents(
      wallet: try store.wallet(walletID),
      envelopes: try store.envelopes(wallet: walletID, recipient: owner.encryptionKey.bytes),
      keyStatements: try store.keyStatements(wallet: walletID),
      records: try allRecords())
    let json: Data
    do { json = try JSONEncoder().encode(contents) } catch { throw .malformed("export") }
    let key = SymmetricKey()
    let context = WalletExport.context(walletID, owner.encryptionKey)
    do {
      return WalletExport(
        format: WalletExport.format, wallet: walletID,
        sealedKey: Encoding.base64URL(try KeySealing.seal(key, to: owner.encryptionKey, context: context)),
        contents: try PasetoV4Local.encrypt(
          Array(json), with: key, implicitAssertion: context))
    } catch let error as WalletError {
      throw error
    } catch {
      throw .malformed("export")
    }
  }

  /// Re-imports a bundle into `store` (for example a new platform): it opens only
  /// with the owner's identity, its consent receipt must verify, and every
  /// record must open before anything is written.
  public static func importBundle(_ bundle: WalletExport, identity: Identity, into store: any WalletStore)
    throws(WalletError) -> WalletOwner
  {
    guard bundle.format == WalletExport.format else { throw .malformed("export format") }
    let owner = identity.publicIdentity
    let context = WalletExport.context(bundle.wallet, owner.encryptionKey)
    let contents: WalletExport.Contents
    do {
      let key = try KeySealing.open(
        Encoding.fromBase64URL(bundle.sealedKey), with: identity.encryptionKey, context: context,
        what: "export")
      let token = try PasetoV4Local.decrypt(bundle.contents, with: key, implicitAssertion: context)
      contents = try JSONDecoder().decode(WalletExport.Contents.self, from: Data(token.message))
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
    let session = WalletOwner(
      walletID: bundle.wallet, identity: identity, store: store,
      keyring: try CircleKeyring(
        envelopes: contents.envelopes, recipient: identity.encryptionKey, commitments: commitments))
    _ = try ConsentReceipt.verify(
      contents.wallet.consentReceipt, wallet: bundle.wallet, ownerKey: owner.signingKey)
    for record in contents.records { _ = try session.open(record) }
    try store.create(contents.wallet, envelopes: contents.envelopes, keyStatements: contents.keyStatements)
    for record in contents.records.sorted(by: { ($0.field, $0.version) < ($1.field, $1.version) }) {
      try store.append(record)
    }
    return session
  }
}
