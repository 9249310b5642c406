import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// The citizen's side of the API: everything is sealed, signed and opened
/// here, with the citizen's keys; walletd receives only ciphertext and tokens.
public final class CitizenClient: @unchecked Sendable {
  public let transport: Transport
  public var identity: Identity { transport.identity }
  public let walletID: WalletID
  private(set) var keyring: CircleKeyring

  init(transport: Transport, walletID: WalletID, keyring: CircleKeyring) {
    self.transport = transport
    self.walletID = walletID
    self.keyring = keyring
  }

  var authority: WalletAuthority {
    WalletAuthority(wallet: walletID, owner: identity.signingKey.publicKey)
  }
  var path: String { "/v1/wallets/\(walletID)" }

  /// Opens a new wallet on the citizen's explicit acceptance of the terms.
  public static func openWallet(_ transport: Transport, acceptance: ConsentAcceptance?)
    async throws(ClientError)
    -> CitizenClient
  {
    guard let acceptance, acceptance.terms == ConsentTerms.current else {
      throw .local(WalletError.consentNotGiven.description)
    }
    let identity = transport.identity
    let walletID = WalletID()
    var keyring = CircleKeyring()
    for circle in Circle.allCases { keyring.insert(SymmetricKey(), circle: circle, epoch: 1) }
    let owner = identity.publicIdentity
    let request: OpenWalletRequest
    do {
      request = OpenWalletRequest(
        wallet: WalletRecord(
          id: walletID, ownerSigningKey: Paserk.encode(owner.signingKey),
          ownerEncryptionKey: owner.encryptionKey.bytes,
          consentReceipt: try ConsentReceipt(wallet: walletID, owner: owner, acceptance: acceptance)
            .signed(with: identity.signingKey),
          createdAt: acceptance.acceptedAt),
        envelopes: try keyring.envelopes(
          wallet: walletID, circles: Circle.allCases, to: owner.encryptionKey),
        keyStatements: [
          try CircleKeyStatement.sign(
            keyring: keyring, wallet: walletID, epoch: 1, by: identity.signingKey,
            at: acceptance.acceptedAt)
        ])
    } catch { throw ClientError(error) }
    _ = try await transport.send("POST", "/v1/wallets", body: request, as: Done.self)
    return CitizenClient(transport: transport, walletID: walletID, keyring: keyring)
  }

  /// A closed wallet, kept for reading: its circle keys are destroyed, but its
  /// log, procurations and filings stay readable for the retention period
  /// (api.md §7.4). Anything that needs the keys is refused by walletd.
  public static func closed(_ transport: Transport, wallet: WalletID) -> CitizenClient {
    CitizenClient(transport: transport, walletID: wallet, keyring: CircleKeyring())
  }

  /// Reconnects to an existing wallet: the circle keys are opened and checked
  /// against the citizen's own signed statements.
  public static func connect(_ transport: Transport, wallet: WalletID) async throws(ClientError)
    -> CitizenClient
  {
    let view = try await transport.send(
      "GET", "/v1/wallets/\(wallet)/envelopes", as: EnvelopesView.self)
    do {
      let commitments = try CircleKeyStatement.verify(
        view.keyStatements, wallet: wallet, owner: transport.identity.signingKey.publicKey)
      let keyring = try CircleKeyring(
        envelopes: view.envelopes, recipient: transport.identity.encryptionKey,
        commitments: commitments)
      return CitizenClient(transport: transport, walletID: wallet, keyring: keyring)
    } catch { throw ClientError(error) }
  }

  // MARK: fields

  /// The latest records (or one field's history), each checked against the
  /// statement its author signed: a record walletd made up, moved from another
  /// wallet or altered is refused (`Forgery.recordNotAuthored`), never shown.
  public func records(history field: FieldID? = nil) async throws(ClientError) -> [VerifiedRecord] {
    let query = field.map { "?history=\($0)" } ?? ""
    let view = try await transport.send("GET", "\(path)/fields\(query)", as: RecordsView.self)
    do {
      return try RecordStatement.verify(
        view.records, statements: view.statements, authority: authority,
        state: ConsentState(procurationTokens: view.procurations), rules: ClientRules.chains)
    } catch { throw .forged(error) }
  }

  /// The latest value of every field, decrypted here.
  public func fields() async throws(ClientError) -> [(record: FieldRecord, value: FieldValue)] {
    try await records().map { (verified) throws(ClientError) in
      (verified.record, try open(verified))
    }
  }

  public func history(_ field: FieldID) async throws(ClientError) -> [(
    record: FieldRecord, value: FieldValue
  )] {
    try await records(history: field).map { (verified) throws(ClientError) in
      (verified.record, try open(verified))
    }
  }

  func open(_ verified: VerifiedRecord) throws(ClientError) -> FieldValue {
    let record = verified.record
    guard let key = keyring.key(record.circle, epoch: record.circleEpoch),
      let definition = FieldCatalogue.standard[record.field]
    else { throw .local("the field \(record.field) cannot be opened with this wallet's keys") }
    do {
      var bytes = try FieldSealer.open(record, circleKey: key)
      defer { wipe(&bytes) }
      return try FieldValue.decode(bytes, type: definition.type)
    } catch { throw .badAnswer("the record of \(record.field) does not open") }
  }

  /// Writes new versions of fields (already validated), signed as the
  /// citizen's, sealing each new data key to the durable grants in force that
  /// cover the field, each with its next manifest.
  public func set(_ values: [(FieldID, FieldValue)], at now: Int64) async throws(ClientError) {
    let latest = Dictionary(
      try await records().map { ($0.field, $0.version) }, uniquingKeysWith: max)
    let request = try FieldWriting.request(
      values, latest: latest, keyring: keyring,
      grants: try await activeGrants(at: now, covering: Set(values.map(\.0))),
      wallet: walletID, by: identity, procuration: nil, at: now)
    _ = try await transport.send("POST", "\(path)/fields", body: request, as: Done.self)
    try transport.trust.rememberSigned(request.manifests)
  }

  // MARK: grants

  /// Every grant, verified here (a grant walletd made up would not verify),
  /// with its latest manifest; a grant the citizen revoked is shown revoked,
  /// with a warning if walletd shows it otherwise or still holds its keys.
  public func grants() async throws(ClientError) -> [GrantEntry] {
    try await grants(rules: try await ClientRules.fetch(transport))
  }

  /// The same, with the certified rules already fetched (each fetch verifies
  /// every certificate: once per operation is enough).
  func grants(rules: StandardConsentRules) async throws(ClientError) -> [GrantEntry] {
    try await GrantListing(
      transport: transport, wallet: walletID, authority: authority,
      state: try await consentState(), rules: rules
    ).entries()
  }

  /// The durable grants in force that new versions are sealed to: never one
  /// the citizen revoked (whatever walletd says), nor one whose listing
  /// contradicts what the citizen signed.
  /// - Parameter strict: a write stops on a grant whose manifest walletd rolled
  ///   back; a revocation (which must always be possible) leaves it out instead.
  func activeGrants(at now: Int64, strict: Bool = true, covering: Set<FieldID>? = nil)
    async throws(ClientError) -> [GrantEntry.Active]
  {
    let rules = try await ClientRules.fetch(transport)
    let (transport, wallet) = (self.transport, walletID)
    // A revocation a trustee made holds whatever walletd lists: read from the
    // witnessed log, whenever a grant would be sealed to.
    return try await GrantListing(
      transport: transport, wallet: walletID, authority: authority,
      state: try await consentState(), rules: rules
    ).active(
      strict: strict, covering: covering,
      revokedInLog: { () async throws(ClientError) in
        try await LogReader.revokedGrants(transport, wallet: wallet)
      })
  }

  func consentState() async throws(ClientError) -> ConsentState {
    var state = ConsentState()
    for view in try await transport.send("GET", "\(path)/procurations", as: ProcurationsView.self)
      .procurations
    {
      state.procurations[view.id] = view.token
    }
    return state
  }

  /// Grants `administration` the fields of `purpose` (by default every field of
  /// its template the wallet holds) — never more than the template allows.
  public func grant(
    to administration: String, purpose: Purpose, fields: [FieldID]? = nil, kind: GrantKind,
    days: Int64,
    at now: Int64, expires: Int64? = nil
  ) async throws(ClientError) -> Grant {
    let rules = try await ClientRules.fetch(transport)
    let target = try rules.administration(administration)
    let held = try await records()
    let chosen: [FieldID]
    if let fields {
      chosen = fields
    } else {
      chosen = try Self.templateFields(purpose, held: held.map(\.field), rules: rules)
    }
    let claims = GrantClaims(
      wallet: walletID, issuer: identity.publicIdentity.keyID, grantee: target.keyID,
      purpose: purpose,
      fields: chosen, kind: kind, issuedAt: now, notBefore: now,
      expires: expires ?? now + days * 86_400)
    let (grant, keys) = try seal(claims, to: target, records: held, rules: rules)
    let manifest: String
    do {
      manifest = try GrantManifest.first(
        for: grant, records: held, by: identity, procuration: nil, at: now)
    } catch { throw ClientError(error) }
    _ = try await transport.send(
      "POST", "\(path)/grants",
      body: GrantRequest(token: grant.token, keys: keys, manifest: manifest), as: Done.self)
    try transport.trust.rememberSigned([manifest])
    return grant
  }

  /// The fields of a template that the wallet holds, choosing the first held
  /// field of each group of alternatives.
  static func templateFields(_ purpose: Purpose, held: [FieldID], rules: StandardConsentRules)
    throws(ClientError)
    -> [FieldID]
  {
    guard let template = rules.templates[purpose] else { throw .local("unknown aid \(purpose)") }
    var fields = template.minimalFields.filter(held.contains)
    for group in template.alternatives {
      if let first = group.choices.first(where: held.contains) { fields.append(first) }
    }
    fields += template.fieldsAsNeeded.filter(held.contains)
    guard !fields.isEmpty else {
      throw .local("the wallet holds none of the fields this aid needs")
    }
    return fields
  }

  func seal(
    _ claims: GrantClaims, to administration: Administration, records: [VerifiedRecord],
    rules: StandardConsentRules
  ) throws(ClientError) -> (Grant, [GrantKey]) {
    do {
      let token = try SignedStatement.sign(
        claims, type: GrantClaims.type, with: identity.signingKey)
      let grant = try GrantVerifier.verify(
        token, authority: authority, state: ConsentState(), rules: rules)
      return (
        grant,
        try GrantKey.sealAll(
          for: grant, records: records, keyring: keyring, to: administration.encryptionKey)
      )
    } catch { throw ClientError(error) }
  }

  /// Revokes (re-keying the fields the grant covered, for the grants that
  /// remain), pauses or resumes a grant. A revocation is remembered here: if
  /// walletd later shows the grant in force, the citizen is warned.
  public func change(_ grant: Grant, _ action: StatusAction, at now: Int64)
    async throws(ClientError)
  {
    let token: String
    do {
      token = try GrantIssuer.statusChange(
        by: identity, wallet: walletID, target: .grant, ref: grant.id, action: action, at: now)
    } catch { throw ClientError(error) }
    var request = StatusChangeRequest(token: token)
    if action == .revoke {
      let remaining = try await activeGrants(at: now, strict: false).filter {
        $0.active.grant.id != grant.id
      }
      let latest = try await self.records()
      do {
        let (records, keys) = try GrantResealing.rekeyed(
          latest, after: grant, keyring: keyring, remaining: remaining.map(\.active), at: now)
        if !records.isEmpty {
          request = StatusChangeRequest(
            token: token, records: records,
            statement: try RecordStatement.sign(
              records, wallet: walletID, by: identity, procuration: nil, at: now),
            grantKeys: keys,
            manifests: try GrantEntry.nextManifests(
              remaining, keys: keys, written: records, by: identity, procuration: nil, at: now))
        }
      } catch { throw ClientError(error) }
    }
    _ = try await transport.send("POST", "\(path)/status-changes", body: request, as: Done.self)
    try transport.trust.rememberSigned(request.manifests)
    if action == .revoke {
      try transport.trust.update { memory in memory.revocations[grant.id.rawValue] = token }
    }
  }

  // MARK: procurations, filings

  public func procuration(
    to trustee: PublicIdentity, kind: ProcurationKind, purposes: [Purpose], administration: String?,
    circle: Circle?, actions: [ProcurationAction], days: Int64, at now: Int64
  ) async throws(ClientError) -> Procuration {
    let rules = try await ClientRules.fetch(transport)
    let adminKeyID = try administration.map { (id) throws(ClientError) in
      try rules.administration(id).keyID
    }
    let claims = ProcurationClaims(
      wallet: walletID, owner: identity.publicIdentity.keyID, trustee: trustee, kind: kind,
      purposes: purposes,
      administration: adminKeyID, circle: circle, actions: actions, issuedAt: now, notBefore: now,
      expires: now + days * 86_400)
    do {
      let token = try SignedStatement.sign(
        claims, type: ProcurationClaims.type, with: identity.signingKey)
      let procuration = try ProcurationVerifier.verify(token, authority: authority, rules: rules)
      let circles = ProcurationScope.circles(
        of: procuration.claims, templates: rules.templates, circles: { rules.circle(of: $0) })
      let envelopes = try keyring.envelopes(
        wallet: walletID, circles: circles, to: trustee.encryptionKey)
      _ = try await transport.send(
        "POST", "\(path)/procurations",
        body: ProcurationRequest(token: token, envelopes: envelopes), as: Done.self)
      return procuration
    } catch { throw ClientError(error) }
  }

  public func revoke(procuration id: StatementID, at now: Int64) async throws(ClientError) {
    let token: String
    do {
      token = try GrantIssuer.statusChange(
        by: identity, wallet: walletID, target: .procuration, ref: id, action: .revoke, at: now)
    } catch { throw ClientError(error) }
    _ = try await transport.send(
      "POST", "\(path)/status-changes", body: StatusChangeRequest(token: token), as: Done.self)
  }

  /// Files a request: a one-shot grant of the aid's fields to the
  /// administration and the filing that names it.
  public func file(
    purpose: Purpose, at administration: String, fields: [FieldID]? = nil, days: Int64 = 60,
    at now: Int64
  )
    async throws(ClientError) -> FilingView
  {
    let rules = try await ClientRules.fetch(transport)
    let held = try await records()
    let request = try FilingComposer.compose(
      signer: identity, wallet: walletID, keyring: keyring, records: held, purpose: purpose,
      administration: try rules.administration(administration), fields: fields, days: days,
      procuration: nil,
      authority: authority, state: ConsentState(), rules: rules, at: now)
    let filed = try await transport.send(
      "POST", "\(path)/filings", body: request, as: FilingView.self)
    try transport.trust.rememberSigned([request.manifest])
    let me = identity.publicIdentity.keyID
    _ = try LogProofCheck.receipt(filed.receipt, wallet: walletID, trust: transport.trust) {
      entry in
      entry.action == .filingMade && entry.actor == me && entry.filing == filed.id
    }
    return filed
  }

  public func filings() async throws(ClientError) -> [FilingSummary] {
    let rules = try await ClientRules.fetch(transport)
    let state = try await consentState()
    return try await transport.send("GET", "\(path)/filings", as: FilingsView.self).filings
      .compactMap { view in
        FilingSummary(
          view, authority: authority, state: state, rules: rules, reader: identity.encryptionKey)
      }
  }

  // MARK: log, close

  public func log() async throws(ClientError) -> [AccessLogEntry] {
    try await LogReader.entries(transport, wallet: walletID)
  }

  public func verifyLog(since previous: String?) async throws(ClientError) -> LogVerification {
    try await LogReader.verify(transport, wallet: walletID, since: previous)
  }

  public func close(at now: Int64) async throws(ClientError) {
    let statement: String
    do {
      statement = try SignedStatement.sign(
        WalletClosure(wallet: walletID, owner: identity.publicIdentity, closedAt: now),
        type: WalletClosure.type,
        with: identity.signingKey)
    } catch { throw ClientError(error) }
    _ = try await transport.send(
      "POST", "\(path)/close", body: CloseRequest(closure: statement), as: Done.self)
  }
}
