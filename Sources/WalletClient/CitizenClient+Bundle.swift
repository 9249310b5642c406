import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// The encrypted bundle from and into walletd (spec/wallet.md §18.4): the
/// citizen's whole wallet, every version of every field, sealed to the
/// citizen's own X25519 key; read back into the wallet open now.
extension CitizenClient {
  /// The bundle of this wallet: its row (the consent receipt checked against
  /// the citizen's own key), the circle keys sealed to the citizen, and every
  /// version of every field, each checked against its author's statement.
  public func exportBundle() async throws(ClientError) -> WalletExport {
    let view = try await transport.send("GET", path, as: WalletView.self)
    let envelopes = try await transport.send("GET", "\(path)/envelopes", as: EnvelopesView.self)
    var records: [FieldRecord] = []
    for latest in try await self.records() {
      records += try await self.records(history: latest.field).map(\.record)
    }
    do {
      let bundle = try WalletExport.make(
        wallet: view.wallet, envelopes: envelopes.envelopes,
        keyStatements: envelopes.keyStatements, records: records, signer: identity)
      // Opened once before it is given: a bundle that would not read back
      // (an envelope or a receipt walletd altered) is refused now, not at restore.
      _ = try WalletExport.open(bundle, identity: identity)
      return bundle
    } catch { throw ClientError(error) }
  }

  /// The latest value of every field of a bundle this citizen made, opened and
  /// checked (§18.3 steps 1–12) — nothing is sent.
  public static func values(of bundle: WalletExport, identity: Identity) throws(ClientError)
    -> [(FieldID, FieldValue)]
  {
    do {
      let opened = try WalletExport.open(bundle, identity: identity)
      return try opened.latestRecords.map { (record) throws -> (FieldID, FieldValue) in
        guard let definition = FieldCatalogue.standard[record.field] else {
          throw WalletError.malformed("export field \(record.field)")
        }
        var plaintext = try opened.open(record)
        defer { wipe(&plaintext) }
        return (record.field, try FieldValue.decode(plaintext, type: definition.type))
      }
    } catch { throw ClientError(error) }
  }
}
