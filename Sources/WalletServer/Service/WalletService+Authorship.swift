import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// Who wrote each record and what each grant may open (`spec/api.md` §13).
/// walletd checks the author's statement and the grantor's manifests it is
/// sent, so that an honest walletd stores only what verifies; but the clients
/// verify both again, since they cannot tell an honest walletd from one that
/// lies.
extension WalletService {
  /// The statement of a write: signed by the caller (under the procuration the
  /// caller acts under), covering exactly the records written.
  func checkStatement(
    _ token: String, records: [FieldRecord], authority: WalletAuthority, state: ConsentState,
    caller: Caller, procuration: Procuration?
  ) throws(APIError) -> RecordStatementClaims {
    guard
      let (claims, signedUnder) = try? StatementChain.verify(
        token, as: RecordStatementClaims.self, authority: authority, state: state, rules: rules)
    else { throw .badRequest("the records' statement does not verify") }
    guard claims.iss == caller.keyID, signedUnder?.id == procuration?.id else {
      throw .forbidden("records are signed by their writer, under the procuration it names")
    }
    var digests: [String] = []
    for record in records {
      guard let digest = try? record.digestText() else {
        throw .badRequest("a record is malformed")
      }
      digests.append(digest)
    }
    guard claims.records == digests else {
      throw .badRequest("the records' statement does not cover exactly the records sent")
    }
    return claims
  }

  /// The manifests sent with sealed keys: one per grant that is sealed keys,
  /// signed by the caller, each key's version and record digest in it.
  /// `records` are the records the keys may be for (written now, or stored).
  func checkManifests(
    _ tokens: [String], keys: [GrantKey], records: [FieldRecord], grants: [StatementID: Grant],
    authority: WalletAuthority, state: ConsentState, caller: Caller
  ) throws(APIError) -> [GrantManifest] {
    var manifests: [StatementID: GrantManifest] = [:]
    for token in tokens {
      guard let grantID = Self.unverifiedManifestGrant(token), let grant = grants[grantID] else {
        throw .badRequest("a manifest is for a grant not sealed keys here")
      }
      let manifest: GrantManifest
      do {
        manifest = try GrantManifest.verify(
          token, grant: grant, authority: authority, state: state, rules: rules)
      } catch { throw .badRequest("a manifest does not verify") }
      guard manifest.claims.iss == caller.keyID else {
        throw .forbidden("a manifest is signed by its sender")
      }
      guard manifests.updateValue(manifest, forKey: grantID) == nil else {
        throw .badRequest("one manifest per grant")
      }
    }
    guard Set(manifests.keys) == Set(keys.map(\.grant)) else {
      throw .badRequest("each grant sealed keys needs its new manifest")
    }
    var digests: [String: String] = [:]
    for record in records {
      guard let digest = try? record.digestText() else {
        throw .badRequest("a record is malformed")
      }
      digests["\(record.field.rawValue)#\(record.version)"] = digest
    }
    for key in keys {
      guard let entry = manifests[key.grant]?.entry(key.field), entry.version == key.version,
        entry.digest == digests["\(key.field.rawValue)#\(key.version)"]
      else { throw .badRequest("a sealed key is not in its grant's manifest") }
    }
    return Array(manifests.values)
  }

  static func unverifiedManifestGrant(_ token: String) -> StatementID? {
    struct Reference: Decodable { let grant: StatementID }
    return SignedStatement.unverifiedClaims(of: token, as: Reference.self)?.grant
  }

  /// Stores records with the statement that covers them.
  static func appendAuthored(
    _ records: [FieldRecord], statement: RecordStatementClaims, token: String,
    in tx: any StoreTransaction, _ locked: LockedWallet
  ) throws {
    try requireFresh(statement.jti, in: tx)
    try tx.appendAuthored(records, statement: statement.jti, token: token, in: locked)
  }

  /// Stores manifests; each must follow the newest one stored for its grant.
  static func insert(_ manifests: [GrantManifest], in tx: any StoreTransaction) throws {
    for manifest in manifests {
      let latest = try tx.latestManifestNumber(grant: manifest.grant)
      guard manifest.seq == latest + 1 else {
        throw APIError.conflict(
          "a manifest must follow the grant's latest one (number \(latest + 1))")
      }
      try tx.insertManifest(manifest)
    }
  }

  /// The statements covering `records`, and the procurations they name.
  func authorship(of records: [FieldRecord], wallet: WalletID, state: ConsentState)
    async throws(APIError) -> (statements: [String], procurations: [String])
  {
    let wanted = Set(records.map { "\($0.field.rawValue)#\($0.version)" })
    var statements: [String] = []
    var seen = Set<String>()
    do {
      for row in try await store.recordStatements(wallet: wallet)
      where wanted.contains("\(row.field)#\(row.version)") && seen.insert(row.id).inserted {
        statements.append(row.token)
      }
    } catch { throw APIError(error) }
    let named = Set(statements.compactMap { SignedStatement.unverifiedProcuration(of: $0) })
    let procurations = named.sorted().compactMap { state.procurations[$0] }
    return (statements, procurations)
  }
}
