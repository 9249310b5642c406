import Foundation
import PSPCrypto
import PSPWallet

/// What a grantee may open, signed by the grantor (`spec/consent.md` §"Grant
/// manifests"): a wallet statement of type `PSP-v1/grant-manifest` naming the
/// grant and, for each granted field sealed to the grantee, the version and the
/// record's digest. Issued with the grant (`seq` 1) and again, with `seq` one
/// higher, each time the grant is sealed new versions (an update, a re-keying).
/// The grantee opens a sealed key and a record only if both match the latest
/// manifest it holds, and refuses a manifest older than one it has seen: the
/// platform can neither make up a record nor serve an older version.
public struct GrantManifestClaims: WalletStatement, Equatable {
  public static let type = "PSP-v1/grant-manifest"
  /// A grant has at most this many manifests (one per update or re-keying).
  public static let maximumSeq = 1 << 31

  public struct Entry: Codable, Sendable, Hashable {
    public let field: FieldID
    public let version: UInt64
    /// `FieldRecord.digest`, base64url.
    public let digest: String

    public init(field: FieldID, version: UInt64, digest: String) {
      self.field = field
      self.version = version
      self.digest = digest
    }
  }

  public let typ: String
  public let jti: StatementID
  public let wallet: WalletID
  public let iss: String
  public let procuration: StatementID?
  /// The grant this manifest is for.
  public let grant: StatementID
  /// 1 at issue, then one more for each new manifest of the grant.
  public let seq: Int
  public let iat: String
  /// One entry per field, sorted by field id.
  public let records: [Entry]

  public init(
    id: StatementID = StatementID(), wallet: WalletID, issuer: String, procuration: StatementID?,
    grant: StatementID, seq: Int, issuedAt: Int64, records: [Entry]
  ) {
    typ = Self.type
    jti = id
    self.wallet = wallet
    iss = issuer
    self.procuration = procuration
    self.grant = grant
    self.seq = seq
    iat = Timestamp.rfc3339(issuedAt)
    self.records = records.sorted { $0.field < $1.field }
  }
}

/// A manifest whose signature, chain and grant verified.
public struct GrantManifest: Sendable, Equatable {
  public let claims: GrantManifestClaims
  public let token: String
  public var seq: Int { claims.seq }
  public var grant: StatementID { claims.grant }

  /// The entry of `field`, if the manifest gives it.
  public func entry(_ field: FieldID) -> GrantManifestClaims.Entry? {
    claims.records.first { $0.field == field }
  }

  /// Signs the first manifest of `grant` (`seq` 1), for the versions of
  /// `records` it seals (the last record of each granted field).
  public static func first(
    for grant: Grant, records: [VerifiedRecord], by signer: Identity, procuration: StatementID?,
    at now: Int64
  ) throws(WalletError) -> String {
    try next(
      after: nil, for: grant, sealing: records.map(\.record), by: signer, procuration: procuration,
      at: now)
  }

  /// Signs the manifest that follows `previous` (or the first one): its
  /// entries, with those of the granted fields of `records` (just written and
  /// sealed to the grant) replacing theirs, and `seq` one higher.
  public static func next(
    after previous: GrantManifest?, for grant: Grant, sealing records: [FieldRecord],
    by signer: Identity,
    procuration: StatementID?, at now: Int64
  ) throws(WalletError) -> String {
    var entries: [FieldID: GrantManifestClaims.Entry] = [:]
    for entry in previous?.claims.records ?? [] { entries[entry.field] = entry }
    for record in records where grant.fields.contains(record.field) {
      entries[record.field] = .init(
        field: record.field, version: record.version, digest: try record.digestText())
    }
    let claims = GrantManifestClaims(
      wallet: grant.claims.wallet, issuer: signer.publicIdentity.keyID, procuration: procuration,
      grant: grant.id, seq: (previous?.seq ?? 0) + 1, issuedAt: now, records: Array(entries.values))
    return try SignedStatement.sign(claims, type: GrantManifestClaims.type, with: signer.signingKey)
  }

  /// Verifies a manifest for `grant` through the chain: signed by the owner,
  /// or by a trustee whose procuration allows `update`, `grant` or `file`; for
  /// this wallet and this grant; every field granted by it, once; `seq` ≥ 1.
  public static func verify(
    _ token: String, grant: Grant, authority: WalletAuthority, state: ConsentState,
    rules: any ConsentRules
  ) throws(Forgery) -> GrantManifest {
    guard
      let (claims, procuration) = try? StatementChain.verify(
        token, as: GrantManifestClaims.self, authority: authority, state: state, rules: rules)
    else { throw .manifestInvalid }
    // A trustee signs manifests only of a grant it signed itself, under the
    // same procuration (whose chain rule already kept that grant within the
    // procuration): otherwise a trustee — even one whose procuration covers
    // nothing of the grant — could point the owner's grant at records of the
    // platform's making.
    if let procuration {
      guard grant.claims.iss == claims.iss, grant.claims.procuration == procuration.id,
        !Set(procuration.claims.actions).isDisjoint(with: [.update, .grant, .file])
      else { throw .manifestInvalid }
    }
    let fields = claims.records.map(\.field)
    guard claims.grant == grant.id, claims.wallet == grant.claims.wallet, claims.seq >= 1,
      claims.seq <= GrantManifestClaims.maximumSeq,
      Set(fields).count == fields.count, fields == fields.sorted(),
      fields.allSatisfy(grant.fields.contains)
    else { throw .manifestInvalid }
    return GrantManifest(claims: claims, token: token)
  }
}
