import Foundation
import PSPCrypto
import PSPWallet

/// The author's signature over field versions written together
/// (`spec/consent.md` §"Authored records"): a wallet statement of type
/// `PSP-v1/records`, signed by the owner, or by a trustee under a procuration
/// that allows `update`, listing the digests of the records it wrote
/// (`FieldRecord.digest`). One signature covers a whole write, however many
/// fields it holds; each record names the statement that covers it only by
/// being in it, so a reader needs nothing but the records and the statements.
public struct RecordStatementClaims: WalletStatement, Equatable {
  public static let type = "PSP-v1/records"
  /// Records one write may hold (walletd takes 64 records a request).
  public static let maximumRecords = 64

  public let typ: String
  public let jti: StatementID
  public let wallet: WalletID
  public let iss: String
  public let procuration: StatementID?
  public let iat: String
  /// The records' digests, base64url, in the order written.
  public let records: [String]

  public init(
    id: StatementID = StatementID(), wallet: WalletID, issuer: String, procuration: StatementID?,
    issuedAt: Int64, records: [String]
  ) {
    typ = Self.type
    jti = id
    self.wallet = wallet
    iss = issuer
    self.procuration = procuration
    iat = Timestamp.rfc3339(issuedAt)
    self.records = records
  }
}

/// A record whose author's signature verified: the only form a client opens,
/// re-seals or shows. Built by `RecordStatement.verify`, or from the person's own
/// local store (`ownStore`), never from what walletd returned unchecked.
public struct VerifiedRecord: Sendable, Hashable {
  public let record: FieldRecord
  /// Key id of the author (the owner, or a trustee).
  public let author: String
  /// The procuration a trustee wrote it under; nil for the owner.
  public let procuration: StatementID?

  init(record: FieldRecord, author: String, procuration: StatementID?) {
    self.record = record
    self.author = author
    self.procuration = procuration
  }

  /// A record read from the person's own local store (a wallet kept on their
  /// own disk, `WalletOwner`), not from walletd.
  public init(ownStore record: FieldRecord, owner: String) {
    self.init(record: record, author: owner, procuration: nil)
  }

  public var field: FieldID { record.field }
  public var version: UInt64 { record.version }
}

public enum RecordStatement {
  /// Signs the statement for `records`, written by `signer` (under `procuration`
  /// when a trustee writes).
  public static func sign(
    _ records: [FieldRecord], wallet: WalletID, by signer: Identity, procuration: StatementID?,
    at now: Int64
  ) throws(WalletError) -> String {
    var digests: [String] = []
    for record in records { digests.append(try record.digestText()) }
    let claims = RecordStatementClaims(
      wallet: wallet, issuer: signer.publicIdentity.keyID, procuration: procuration, issuedAt: now,
      records: digests)
    return try SignedStatement.sign(
      claims, type: RecordStatementClaims.type, with: signer.signingKey)
  }

  /// Verifies `statements` through the chain (the owner, or a trustee whose
  /// procuration allows `update` and reaches the record's circle), then checks
  /// that every record is covered by one of them. A record that none covers
  /// fails the whole answer with `Forgery.recordNotAuthored(field)`.
  public static func verify(
    _ records: [FieldRecord], statements: [String], authority: WalletAuthority, state: ConsentState,
    rules: any ConsentRules, templates: TemplateCatalogue = .standard
  ) throws(Forgery) -> [VerifiedRecord] {
    // If two statements list one digest, the owner's word wins over a
    // trustee's, and otherwise the first in token order: the answer is the
    // same whatever order walletd sent them in.
    var authorByDigest: [String: (String, Procuration?)] = [:]
    for token in Set(statements).sorted() {
      guard
        let (claims, procuration) = try? StatementChain.verify(
          token, as: RecordStatementClaims.self, authority: authority, state: state, rules: rules),
        procuration.map({ $0.claims.actions.contains(.update) }) ?? true,
        claims.records.count <= RecordStatementClaims.maximumRecords
      else { continue }
      for digest in claims.records where authorByDigest[digest] == nil || procuration == nil {
        if authorByDigest[digest]?.1 == nil && authorByDigest[digest] != nil { continue }
        authorByDigest[digest] = (claims.iss, procuration)
      }
    }
    var verified: [VerifiedRecord] = []
    verified.reserveCapacity(records.count)
    for record in records {
      guard record.wallet == authority.wallet, let digest = try? record.digestText(),
        let (author, procuration) = authorByDigest[digest]
      else { throw .recordNotAuthored(record.field) }
      if let procuration,
        !ProcurationScope.reaches(
          record.field, circle: record.circle, claims: procuration.claims, templates: templates,
          circles: { rules.circle(of: $0) })
      {
        throw .recordNotAuthored(record.field)
      }
      verified.append(VerifiedRecord(record: record, author: author, procuration: procuration?.id))
    }
    return verified
  }
}
