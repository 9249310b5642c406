import PSPCrypto
import PSPWallet

/// A durable grant still in force, with the key its data keys are sealed to.
public struct ActiveGrant: Sendable {
  public let grant: Grant
  public let granteeKey: AgreementPublicKey

  public init(grant: Grant, granteeKey: AgreementPublicKey) {
    self.grant = grant
    self.granteeKey = granteeKey
  }
}

/// Keeps grants and field versions in step (`spec/consent.md` §"Updates and
/// re-keying"), on the citizen's (or trustee's) side:
/// - a field update seals the new version's data key to every durable grant
///   in force that covers the field;
/// - a revocation re-keys the fields the revoked grant covered: each gets a new
///   version under a fresh data key, sealed only to the grants that remain, so
///   the revoked grantee's keys open nothing written after the revocation.
public enum GrantResealing {
  /// Writes a new version of `field` and seals its key to the covering grants.
  public static func update(
    _ field: FieldID, circle: Circle, plaintext: [UInt8], by holder: some WalletKeyHolder,
    activeGrants: [ActiveGrant], at now: Int64
  ) throws(WalletError) -> (record: FieldRecord, keys: [GrantKey]) {
    let (record, dataKey) = try setField(
      field, circle: circle, plaintext: plaintext, holder: holder, at: now)
    return (record, try seal(dataKey, of: record, to: activeGrants, at: now))
  }

  /// Re-keys the fields of a revoked grant; `remaining` are the durable grants
  /// in force after the revocation (the revoked one excluded).
  public static func rekey(
    after revoked: Grant, by holder: some WalletKeyHolder, remaining: [ActiveGrant], at now: Int64
  ) throws(WalletError) -> (records: [FieldRecord], keys: [GrantKey]) {
    var latest: [VerifiedRecord] = []
    for field in revoked.fields {
      if let record = try holder.store.history(wallet: holder.walletID, field: field).last {
        latest.append(VerifiedRecord(ownStore: record, owner: holder.identity.publicIdentity.keyID))
      }
    }
    let rekeyed = try rekeyed(
      latest, after: revoked, keyring: holder.keyring, remaining: remaining, at: now)
    for record in rekeyed.records { try holder.store.append(record) }
    return rekeyed
  }

  /// The re-keying itself, without storage: each latest record of the revoked
  /// grant's fields opened and sealed again as the next version, under a fresh
  /// data key and the circle's current key, that key sealed only to the
  /// durable grants that remain. Used by `rekey` and by the HTTP client.
  public static func rekeyed(
    _ latest: [VerifiedRecord], after revoked: Grant, keyring: CircleKeyring,
    remaining: [ActiveGrant], at now: Int64
  ) throws(WalletError) -> (records: [FieldRecord], keys: [GrantKey]) {
    let others = remaining.filter { $0.grant.id != revoked.id }
    var records: [FieldRecord] = []
    var keys: [GrantKey] = []
    for record in latest.map(\.record) where revoked.fields.contains(record.field) {
      guard let oldKey = keyring.key(record.circle, epoch: record.circleEpoch),
        let (epoch, circleKey) = keyring.current(record.circle)
      else { throw .keyDoesNotOpen("circle key \(record.circle.rawValue)") }
      var plaintext = try FieldSealer.open(record, circleKey: oldKey)
      defer { wipe(&plaintext) }
      let sealed = try FieldSealer.seal(
        plaintext, wallet: record.wallet, field: record.field, version: record.version + 1,
        circle: record.circle,
        circleKey: circleKey, circleEpoch: epoch, createdAt: now)
      records.append(sealed.record)
      keys += try seal(sealed.dataKey, of: sealed.record, to: others, at: now)
    }
    return (records, keys)
  }

  public static func seal(
    _ dataKey: SymmetricKey, of record: FieldRecord, to grants: [ActiveGrant], at now: Int64
  )
    throws(WalletError) -> [GrantKey]
  {
    var keys: [GrantKey] = []
    for active in grants
    where active.grant.claims.kind == .durable && active.grant.fields.contains(record.field)
      && now < active.grant.expires
    {
      keys.append(
        try GrantKey.seal(dataKey, of: record, grant: active.grant.id, to: active.granteeKey))
    }
    return keys
  }

  private static func setField(
    _ field: FieldID, circle: Circle, plaintext: [UInt8], holder: some WalletKeyHolder,
    at now: Int64
  ) throws(WalletError) -> (FieldRecord, SymmetricKey) {
    guard let (epoch, circleKey) = holder.keyring.current(circle) else {
      throw .keyDoesNotOpen("circle key")
    }
    let latest = try holder.store.history(wallet: holder.walletID, field: field).last
    let sealed = try FieldSealer.seal(
      plaintext, wallet: holder.walletID, field: field, version: (latest?.version ?? 0) + 1,
      circle: circle,
      circleKey: circleKey, circleEpoch: epoch, createdAt: now)
    try holder.store.append(sealed.record)
    return (sealed.record, sealed.dataKey)
  }
}
