import PSPCrypto
import PSPWallet

/// The data key of one field version sealed to a grantee for one grant
/// (`spec/consent.md` §"Sealed data keys"): `KeySealing` with the context
/// `PAE(["PSP-v1/grant-data-key", wallet, field, LE64(version), grant id])`,
/// so a sealed key cannot be used for another field, version, wallet or grant.
/// A grant is these keys: the platform holds them but cannot open them.
public struct GrantKey: Sendable, Hashable, Codable {
  static let label = "PSP-v1/grant-data-key"

  public let grant: StatementID
  public let field: FieldID
  public let version: UInt64
  public let sealedKey: [UInt8]

  public init(grant: StatementID, field: FieldID, version: UInt64, sealedKey: [UInt8]) {
    self.grant = grant
    self.field = field
    self.version = version
    self.sealedKey = sealedKey
  }

  static func context(wallet: WalletID, field: FieldID, version: UInt64, grant: StatementID)
    -> [UInt8]
  {
    PreAuthenticationEncoding.encode([
      Array(label.utf8), wallet.bytes, Array(field.rawValue.utf8),
      (0..<8).map { UInt8(truncatingIfNeeded: version >> (8 * $0)) }, Array(grant.rawValue.utf8),
    ])
  }

  /// Seals a record's data key to the grantee.
  public static func seal(
    _ dataKey: SymmetricKey, of record: FieldRecord, grant: StatementID,
    to grantee: AgreementPublicKey
  ) throws(WalletError) -> GrantKey {
    let context = context(
      wallet: record.wallet, field: record.field, version: record.version, grant: grant)
    return GrantKey(
      grant: grant, field: record.field, version: record.version,
      sealedKey: try KeySealing.seal(dataKey, to: grantee, context: context))
  }

  /// The grantee's side: opens the data key and then the record it belongs to.
  public func open(_ record: FieldRecord, with grantee: AgreementKey) throws(WalletError) -> [UInt8]
  {
    guard record.field == field, record.version == version else {
      throw .recordDoesNotOpen(field: record.field, version: record.version)
    }
    let dataKey = try KeySealing.open(
      sealedKey, with: grantee,
      context: Self.context(wallet: record.wallet, field: field, version: version, grant: grant),
      what: "data key of \(field)")
    return try FieldSealer.open(record, dataKey: dataKey)
  }
}

extension GrantKey {
  enum CodingKeys: String, CodingKey { case grant, field, version, sealedKey }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let text = try c.decode(String.self, forKey: .sealedKey)
    guard let sealed = try? Encoding.fromBase64URL(text) else {
      throw DecodingError.dataCorruptedError(
        forKey: .sealedKey, in: c, debugDescription: "base64url")
    }
    self.init(
      grant: try c.decode(StatementID.self, forKey: .grant),
      field: try c.decode(FieldID.self, forKey: .field),
      version: try c.decode(UInt64.self, forKey: .version), sealedKey: sealed)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(grant, forKey: .grant)
    try c.encode(field, forKey: .field)
    try c.encode(version, forKey: .version)
    try c.encode(Encoding.base64URL(sealedKey), forKey: .sealedKey)
  }
}

extension GrantKey {
  /// The sealed data keys of exactly a grant's fields: for each, the verified
  /// record given (the latest version the sealer holds: never one walletd
  /// returned unchecked), its data key unwrapped with
  /// the circle key of its circle and epoch, sealed to the grantee. Shared by
  /// the citizen's and the trustee's clients and by `GrantIssuer`.
  public static func sealAll(
    for grant: Grant, records: [VerifiedRecord], keyring: CircleKeyring,
    to grantee: AgreementPublicKey
  ) throws(WalletError) -> [GrantKey] {
    var keys: [GrantKey] = []
    for field in grant.fields {
      guard let record = records.last(where: { $0.field == field })?.record else {
        throw .unknownField(field)
      }
      guard let circleKey = keyring.key(record.circle, epoch: record.circleEpoch) else {
        throw .keyDoesNotOpen("circle key \(record.circle.rawValue)")
      }
      let dataKey = try FieldSealer.unwrapDataKey(of: record, circleKey: circleKey)
      keys.append(try GrantKey.seal(dataKey, of: record, grant: grant.id, to: grantee))
    }
    return keys
  }
}
