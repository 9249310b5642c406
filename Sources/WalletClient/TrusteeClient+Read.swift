import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// What a personne de confiance reads under a procuration with `read`: the
/// fields they may see, opened with the circle keys the citizen sealed to them
/// (each key checked against the citizen's signed key statements), and the
/// wallet's witnessed log.
extension TrusteeClient {
  /// The fields the trustee may see, opened; `unopened` names the records
  /// walletd served that no circle key sealed to the trustee opens (never
  /// shown).
  public func fields(wallet: WalletID, ownerKey: SigningPublicKey, history: FieldID? = nil)
    async throws(ClientError)
    -> (fields: [(record: FieldRecord, value: FieldValue)], unopened: [FieldID])
  {
    let keyring = try await self.keyring(wallet: wallet, ownerKey: ownerKey)
    var opened: [(record: FieldRecord, value: FieldValue)] = []
    var unopened: [FieldID] = []
    for verified in try await records(wallet: wallet, ownerKey: ownerKey, history: history) {
      let record = verified.record
      guard let key = keyring.key(record.circle, epoch: record.circleEpoch),
        let definition = FieldCatalogue.standard[record.field]
      else {
        unopened.append(record.field)
        continue
      }
      do {
        var bytes = try FieldSealer.open(record, circleKey: key)
        defer { wipe(&bytes) }
        opened.append((record, try FieldValue.decode(bytes, type: definition.type)))
      } catch { throw .badAnswer("the record of \(record.field) does not open") }
    }
    return (opened, unopened)
  }

  /// The wallet's log as walletd sends it (unchecked).
  public func log(wallet: WalletID) async throws(ClientError) -> [AccessLogEntry] {
    try await LogReader.entries(transport, wallet: wallet)
  }

  /// The wallet's log, checked against the witnesses the trustee believes,
  /// and proven to have only grown since `previous` (a head proof kept from
  /// the last check).
  public func verifyLog(wallet: WalletID, since previous: String?) async throws(ClientError)
    -> LogVerification
  {
    try await LogReader.verify(transport, wallet: wallet, since: previous)
  }
}
