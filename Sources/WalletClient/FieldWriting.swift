import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// New versions of fields, sealed with the circle keys the writer holds and
/// signed by the writer (the citizen, or a trustee under `procuration`): each
/// new data key sealed to the durable grants in force that cover its field,
/// each such grant with its next manifest.
enum FieldWriting {
  static func request(
    _ values: [(FieldID, FieldValue)], latest: [FieldID: UInt64], keyring: CircleKeyring,
    grants active: [GrantEntry.Active], wallet: WalletID, by writer: Identity,
    procuration: StatementID?, at now: Int64
  ) throws(ClientError) -> FieldsRequest {
    var records: [FieldRecord] = []
    var keys: [GrantKey] = []
    for (field, value) in values {
      guard let definition = FieldCatalogue.standard[field], value.fits(definition.type) else {
        throw .local("\(field) is not a field of the catalogue, or the value does not fit it")
      }
      guard let (epoch, circleKey) = keyring.current(definition.circle) else {
        throw .local("no circle key")
      }
      do {
        var plaintext = value.encoded()
        defer { wipe(&plaintext) }
        let sealed = try FieldSealer.seal(
          plaintext, wallet: wallet, field: field, version: (latest[field] ?? 0) + 1,
          circle: definition.circle,
          circleKey: circleKey, circleEpoch: epoch, createdAt: now)
        records.append(sealed.record)
        keys += try GrantResealing.seal(
          sealed.dataKey, of: sealed.record, to: active.map(\.active), at: now)
      } catch { throw ClientError(error) }
    }
    do {
      return FieldsRequest(
        records: records,
        statement: try RecordStatement.sign(
          records, wallet: wallet, by: writer, procuration: procuration, at: now),
        grantKeys: keys,
        manifests: try GrantEntry.nextManifests(
          active, keys: keys, written: records, by: writer, procuration: procuration, at: now))
    } catch { throw ClientError(error) }
  }
}
