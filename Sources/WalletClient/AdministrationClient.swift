import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// An administration's side: reads under a grant and decrypts locally — only
/// the granted fields ever open — and answers the requests filed with it.
public final class AdministrationClient: @unchecked Sendable {
  public let transport: Transport
  private let lock = NSLock()
  private var cachedRules: StandardConsentRules?
  public init(transport: Transport) { self.transport = transport }

  public struct ReadResult: Sendable {
    public let values: [(field: FieldID, value: FieldValue)]
    /// The citizen's X25519 key, from the consent receipt the citizen signed.
    public let ownerEncryptionKey: AgreementPublicKey
    /// The manifest the values were checked against.
    public let manifestSeq: Int
    /// Fields the manifest gives and the read asked for that walletd did not serve.
    public let withheld: [FieldID]
    /// The tlog-proof that this read is in the citizen's witnessed log: keep it.
    public let receipt: String
  }

  /// Reads under `grant` for `purpose`; refused reads come back as
  /// `ClientError.refused` with walletd's code (and are in the citizen's log).
  /// Nothing of the answer is trusted because walletd sent it: the citizen's
  /// keys come from the consent receipt (pinned the first time), the grant is
  /// verified under them (through the procuration if a trustee signed it) and
  /// must be addressed to this administration, and each sealed key and record
  /// is opened only if it is the version, with the digest, that the grantor's
  /// latest manifest gives — a manifest older than one already seen is refused.
  public func read(
    wallet: WalletID, grant grantID: StatementID, purpose: Purpose, fields: [FieldID]? = nil
  )
    async throws(ClientError) -> ReadResult
  {
    let body = ReadRequestBody(wallet: wallet, grant: grantID, purpose: purpose, fields: fields)
    let answer = try await transport.send(
      "POST", "/v1/reads", body: body, as: ReadResponseBody.self)
    let owner = try OwnerPin.check(answer.consentReceipt, wallet: wallet, trust: transport.trust)
    let authority = WalletAuthority(wallet: wallet, owner: owner.signingKey)
    let state = ConsentState(procurationTokens: answer.procurations)
    let rules = try await rules()
    let grant: Grant
    do {
      grant = try GrantVerifier.verify(
        answer.grant, authority: authority, state: state, rules: rules)
    } catch {
      throw .forged(.grantInvalid)
    }
    guard grant.id == grantID, grant.grantee == transport.identity.publicIdentity.keyID,
      grant.claims.purpose == purpose
    else { throw .forged(.grantInvalid) }
    try OwnerPin.pin(owner.signingKey, wallet: wallet, trust: transport.trust)
    guard let token = answer.manifest else { throw .forged(.manifestInvalid) }
    let manifest: GrantManifest
    do {
      manifest = try GrantManifest.verify(
        token, grant: grant, authority: authority, state: state, rules: rules)
    } catch { throw .forged(error) }
    try transport.trust.remember(manifest)
    guard Set(answer.keys.map(\.field)).count == answer.keys.count else {
      throw .badAnswer("a field is served twice")
    }
    // Every key and record checked against the manifest first, none opened.
    var checked: [(GrantKey, FieldRecord, FieldDefinition)] = []
    for key in answer.keys {
      guard
        let record = answer.records.first(where: {
          $0.field == key.field && $0.version == key.version
        }),
        record.wallet == wallet, key.grant == grant.id,
        let definition = FieldCatalogue.standard[key.field]
      else { throw .badAnswer("a record is missing for \(key.field)") }
      guard let entry = manifest.entry(key.field), entry.version == key.version,
        (try? record.digestText()) == entry.digest
      else { throw .forged(.recordNotGranted(key.field)) }
      checked.append((key, record, definition))
    }
    // Nothing opens before the read is proven in the citizen's witnessed log,
    // as this read by this administration under this grant, and a receipt
    // never seen before (an old answer served again carries an old one).
    let me = transport.identity.publicIdentity.keyID
    let servedFields = Set(answer.keys.map(\.field))
    let (_, proven) = try LogProofCheck.receipt(
      answer.receipt, wallet: wallet, trust: transport.trust
    ) { entry in
      entry.action == .fieldsRead && entry.actor == me && entry.role == .administration
        && entry.grant == grantID
        && entry.purpose == purpose && servedFields.isSubset(of: Set(entry.fields))
    }
    try LogProofCheck.rememberReceipt(proven, wallet: wallet, trust: transport.trust)
    var values: [(FieldID, FieldValue)] = []
    for (key, record, definition) in checked {
      do {
        var bytes = try key.open(record, with: transport.identity.encryptionKey)
        defer { wipe(&bytes) }
        values.append((key.field, try FieldValue.decode(bytes, type: definition.type)))
      } catch { throw .badAnswer("the record of \(key.field) does not open") }
    }
    // A field the grant gives and the read asked for, but not served: walletd
    // may withhold (availability is its power), but the reader is told.
    let asked = fields ?? grant.fields
    let served = Set(answer.keys.map(\.field))
    let withheld = manifest.claims.records.map(\.field).filter {
      asked.contains($0) && !served.contains($0)
    }
    return ReadResult(
      values: values, ownerEncryptionKey: owner.encryptionKey, manifestSeq: manifest.seq,
      withheld: withheld, receipt: answer.receipt ?? "")
  }

  /// The certified rules, fetched once per client.
  func rules() async throws(ClientError) -> StandardConsentRules {
    if let cached = lock.withLock({ cachedRules }) { return cached }
    let fetched = try await ClientRules.fetch(transport)
    lock.withLock { cachedRules = fetched }
    return fetched
  }

  /// The requests filed with this administration in a wallet, each verified
  /// under the citizen's key this client pinned when it read the request's
  /// grant (read first): a filing walletd made up or altered, or one filed with
  /// another administration, is left out.
  public func filings(wallet: WalletID) async throws(ClientError) -> [FilingView] {
    let view = try await transport.send(
      "GET", "/v1/wallets/\(wallet)/filings", as: FilingsView.self)
    let owner = try pinnedOwner(wallet)
    let rules = try await rules()
    let authority = WalletAuthority(wallet: wallet, owner: owner)
    let state = ConsentState(procurationTokens: view.procurations)
    let me = transport.identity.publicIdentity.keyID
    var kept: [FilingView] = []
    var oneShot: [(procuration: StatementID, filing: StatementID)] = []
    for filing in view.filings {
      guard
        let verified = try? FilingVerifier.verify(
          filing.filing, authority: authority, state: state, rules: rules),
        verified.id == filing.id, verified.claims.administration == me
      else { continue }
      kept.append(filing)
      if let id = verified.claims.procuration, let token = state.procurations[id],
        let procuration = try? ProcurationVerifier.verify(
          token, authority: authority, rules: rules),
        procuration.claims.kind == .oneShot
      {
        oneShot.append((id, verified.id))
      }
    }
    // A one-shot procuration files once: a second filing under it is refused,
    // here and against the filing this client remembers under it.
    try transport.trust.update { (memory) throws(ClientError) in
      for (procuration, filing) in oneShot {
        if let seen = memory.oneShotFilings[procuration.rawValue], seen != filing.rawValue {
          throw .forged(.secondFilingUnderOneShot(procuration.rawValue))
        }
        memory.oneShotFilings[procuration.rawValue] = filing.rawValue
      }
    }
    return kept
  }

  /// Acknowledges a request with its number; the due date is the legal one.
  public func acknowledge(
    wallet: WalletID, filing: FilingView, number: String, registeredOn: CivilDate,
    contact: FilingResponseClaims.Contact,
    calendar: WorkingDayCalendar = WorkingDayCalendar(week: .mondayToSaturday),
    at now: Int64
  ) async throws(ClientError) -> CivilDate? {
    let purpose = try filingPurpose(filing)
    let dueOn: CivilDate?
    do {
      dueOn = try TemplateCatalogue.standard[purpose]?.decisionDeadline(
        registeredOn: registeredOn, calendar: calendar)
    } catch { throw .local("the registration date is not valid") }
    let claims = FilingResponseClaims(
      wallet: wallet, filing: filing.id, issuer: transport.identity.publicIdentity.keyID,
      kind: .acknowledged,
      issuedAt: now, number: number, registeredOn: registeredOn.iso, dueOn: dueOn?.iso,
      contact: contact)
    try await post(claims, note: nil, wallet: wallet, filing: filing.id)
    return dueOn
  }

  /// Posts the motivated decision; the motivation is sealed to the citizen
  /// and, for a request a trustee filed, to that trustee too (`filerKey`: a
  /// procuration that does not verify refuses the decision, nothing posted).
  public func decide(
    wallet: WalletID, filing: FilingView, outcome: FilingResponseClaims.Outcome, motivation: String,
    recourse: String, citizenKey: AgreementPublicKey, at now: Int64
  ) async throws(ClientError) {
    let filer = try await filerKey(wallet: wallet, filing: filing)
    let sealed: [UInt8]
    var sealedForFiler: [UInt8]? = nil
    do {
      sealed = try FilingNote.seal(motivation, to: citizenKey)
      if let filer { sealedForFiler = try FilingNote.seal(motivation, to: filer) }
    } catch { throw ClientError(error) }
    let claims = FilingResponseClaims(
      wallet: wallet, filing: filing.id, issuer: transport.identity.publicIdentity.keyID,
      kind: .decided,
      issuedAt: now, outcome: outcome, recourse: recourse,
      noteDigest: FilingNote.digest(motivation, filing: filing.id))
    try await post(
      claims, note: sealed, noteForFiler: sealedForFiler, wallet: wallet, filing: filing.id)
  }

  private func post(
    _ claims: FilingResponseClaims, note: [UInt8]?, noteForFiler: [UInt8]? = nil,
    wallet: WalletID, filing: StatementID
  )
    async throws(ClientError)
  {
    let token: String
    do {
      token = try SignedStatement.sign(
        claims, type: FilingResponseClaims.type, with: transport.identity.signingKey)
    } catch { throw ClientError(error) }
    _ = try await transport.send(
      "POST", "/v1/wallets/\(wallet)/filings/\(filing)/responses",
      body: FilingResponseRequest(
        token: token, sealedNote: note.map(Bytes.init),
        sealedNoteForFiler: noteForFiler.map(Bytes.init)),
      as: Done.self)
  }

  func filingPurpose(_ filing: FilingView) throws(ClientError) -> Purpose {
    guard let message = try? PasetoV4Public.unverifiedMessage(of: filing.filing),
      let claims = try? JSONDecoder().decode(FilingClaims.self, from: Data(message))
    else { throw .badAnswer("malformed filing") }
    return claims.purpose
  }
}

/// The operator's one power: registering administrations.
public final class OperatorClient: @unchecked Sendable {
  public let transport: Transport
  public init(transport: Transport) { self.transport = transport }

  /// Publishes an administration: its registrar's certificate, as the registrar signed it.
  public func register(certificate: String) async throws(ClientError) {
    _ = try await transport.send(
      "POST", "/v1/administrations", body: AdministrationCertificateView(certificate: certificate),
      as: Done.self)
  }
}

extension AdministrationClient {
  /// The grants addressed to this administration.
  public func incomingGrants() async throws(ClientError) -> [IncomingGrantsView.Entry] {
    try await transport.send("GET", "/v1/grants", as: IncomingGrantsView.self).grants
  }
}
