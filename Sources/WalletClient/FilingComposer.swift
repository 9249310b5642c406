import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// Makes the body of a filing — the one-shot grant of the aid's fields to the
/// administration, its sealed data keys, and the filing naming it — for the
/// citizen or for a trustee (who signs under the procuration it names).
enum FilingComposer {
  static func compose(
    signer: Identity, wallet: WalletID, keyring: CircleKeyring, records: [VerifiedRecord],
    purpose: Purpose,
    administration: Administration, fields: [FieldID]?, days: Int64, procuration: StatementID?,
    authority: WalletAuthority, state: ConsentState, rules: StandardConsentRules, at now: Int64
  ) throws(ClientError) -> FilingRequest {
    let chosen: [FieldID]
    if let fields {
      chosen = fields
    } else {
      chosen = try CitizenClient.templateFields(purpose, held: records.map(\.field), rules: rules)
    }
    let filingID = StatementID()
    do {
      let claims = GrantClaims(
        wallet: wallet, issuer: signer.publicIdentity.keyID, grantee: administration.keyID,
        purpose: purpose,
        fields: chosen, kind: .oneShot, issuedAt: now, notBefore: now, expires: now + days * 86_400,
        procuration: procuration, filing: filingID)
      let grantToken = try SignedStatement.sign(
        claims, type: GrantClaims.type, with: signer.signingKey)
      let grant = try GrantVerifier.verify(
        grantToken, authority: authority, state: state, rules: rules)
      let keys = try GrantKey.sealAll(
        for: grant, records: records, keyring: keyring, to: administration.encryptionKey)
      let manifest = try GrantManifest.first(
        for: grant, records: records, by: signer, procuration: procuration, at: now)
      let filing = FilingClaims(
        id: filingID, wallet: wallet, issuer: signer.publicIdentity.keyID, procuration: procuration,
        purpose: purpose,
        administration: administration.keyID, grant: grant.id, issuedAt: now)
      let filingToken = try SignedStatement.sign(
        filing, type: FilingClaims.type, with: signer.signingKey)
      return FilingRequest(filing: filingToken, grant: grantToken, keys: keys, manifest: manifest)
    } catch { throw ClientError(error) }
  }
}

/// A request as the citizen (or the trustee who filed it) sees it: verified
/// filing, timeline, due date, outcome, and the notes sealed to the reader.
public struct FilingSummary: Sendable {
  public let filing: Filing
  public let timeline: FilingTimeline
  public let notes: [String]
  /// Notes that did not open with the reader's key, in the citizen's box nor
  /// in the filer's (reasons sealed to someone else, or not the ones the
  /// administration signed): told, never left out silently.
  public let unreadableNotes: Int
  public let recourse: String?
  /// Who to contact about the request, from the acknowledgement.
  public let contact: FilingResponseClaims.Contact?

  init?(
    _ view: FilingView, authority: WalletAuthority, state: ConsentState,
    rules: StandardConsentRules,
    reader: AgreementKey
  ) {
    guard
      let filing = try? FilingVerifier.verify(
        view.filing, authority: authority, state: state, rules: rules)
    else {
      return nil
    }
    var timeline = FilingTimeline(filing: filing)
    var notes: [String] = []
    var unreadable = 0
    var recourse: String? = nil
    var contact: FilingResponseClaims.Contact? = nil
    for response in view.responses {
      guard
        let claims = try? FilingVerifier.apply(
          response.token, to: &timeline, filing: filing, rules: rules,
          calendar: WorkingDayCalendar(week: .mondayToSaturday))
      else { continue }
      if let digest = claims.noteDigest {
        // The citizen's box, else the filer's: each checked against the digest.
        let boxes = [response.sealedNote, response.sealedNoteForFiler].compactMap { $0 }
        let opened = boxes.lazy.compactMap {
          try? FilingNote.open($0.bytes, with: reader, filing: filing.id, digest: digest)
        }.first
        if let note = opened { notes.append(note) } else { unreadable += 1 }
      }
      if claims.recourse != nil { recourse = claims.recourse }
      if claims.contact != nil { contact = claims.contact }
    }
    self.filing = filing
    self.timeline = timeline
    self.notes = notes
    self.unreadableNotes = unreadable
    self.recourse = recourse
    self.contact = contact
  }
}
