import Foundation
import Logging
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// walletd's logic, behind the HTTP layer: every operation of the API, with
/// the caller already authenticated. It stores only what clients send sealed
/// and signed, verifies every signature and consent with the pure Consent
/// logic, and writes every decision to the wallet's access log in the same
/// durable commit as the change it records.
public final class WalletService: @unchecked Sendable {
  /// Where everything is kept (`Storage/`): the service writes no SQL.
  let store: any ServerStore
  public let daemonKey: SigningKey
  let operatorKeyID: String?
  /// The registration authorities whose certificates make an administration.
  let registrars: [SigningPublicKey]
  let clock: @Sendable () -> Int64
  let calendar: WorkingDayCalendar
  private let lock = NSLock()
  private var registryValue: AdministrationRegistry
  /// The certificates published, in the order registered.
  private var certificatesValue: [String] = []
  /// When the first published certificate expires.
  private var nextExpiry = Int64.max
  /// Grants whose signature, chain and template verified, by id and token.
  /// Statuses (revoked, paused, used, the parent procuration) are never cached:
  /// `ReadDecision` checks them on every read. Emptied when the registry changes.
  let verifiedGrants: VerifiedGrantCache
  /// What the log itself says (uses, revocations, damaged wallets).
  public let facts = LogFacts()
  /// The witnessed log: epochs, cosignatures, receipts (`spec/log.md`).
  public let witnessing: LogWitnessing
  /// The sessions: in memory, or in the database several walletd share.
  let sessions: any SessionAuthority
  private var witnessTask: Task<Void, Never>?
  private var registryTask: Task<Void, Never>?
  private let logger: Logger
  /// The certificates as last read from the store, with this walletd's own
  /// registrations since.
  private var storedCertificates: Set<String> = []
  /// How many registrations this walletd published: a reading of the store
  /// begun before one of them is not applied (it would undo it).
  private var registrations = 0
  /// Refusals logged per caller and wallet, per minute (`refuse`).
  let refusalLimiter = FailureLimiter(budgetPerMinute: WalletService.refusalsPerMinute)
  public static let refusalsPerMinute = 120
  /// Tests only: runs after a read's decision, before its write is queued, so
  /// that a test can commit a change in between (the race of api.md §7.17
  /// step 7). Set before the service is used; nil in walletd.
  nonisolated(unsafe) var readDecided: (@Sendable () async -> Void)? = nil

  /// - Parameters:
  ///   - store: where walletd keeps everything, opened and migrated.
  ///   - operatorKey: the only key that may register administrations.
  ///   - registrars: the keys whose certificates make an administration.
  ///   - grantCacheSize: verified grants kept in memory (least recently used go first).
  public init(
    store: any ServerStore, daemonKey: SigningKey, operatorKey: SigningPublicKey?,
    registrars: [SigningPublicKey] = [],
    calendar: WorkingDayCalendar = WorkingDayCalendar(week: .mondayToSaturday),
    grantCacheSize: Int = DaemonConfiguration.defaultGrantCacheSize,
    witnessing settings: LogWitnessing.Settings = .init(
      origin: DaemonConfiguration.defaultLogOrigin, witnesses: [], quorum: 0),
    logger: Logger = Logger(label: "walletd"),
    clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
  ) async throws {
    self.store = store
    self.logger = logger
    witnessing = try LogWitnessing(
      settings: settings, daemonKey: daemonKey, store: store.witnessStore, facts: facts,
      logger: logger)
    self.daemonKey = daemonKey
    if let shared = store.sharedSessions {
      sessions = try SharedSessions(store: shared, daemonKey: daemonKey, logger: logger)
    } else {
      sessions = SessionTable(daemonKey: daemonKey.publicKey)
    }
    operatorKeyID = operatorKey.map { Paserk.identifier(of: $0) }
    self.registrars = registrars
    self.clock = clock
    self.calendar = calendar
    verifiedGrants = VerifiedGrantCache(capacity: grantCacheSize)
    registryValue = AdministrationRegistry()
    let stored = try await store.certificates()
    storedCertificates = Set(stored)
    (registryValue, certificatesValue, nextExpiry) = Self.published(
      stored, registrars: registrars, at: clock())
  }

  /// The registry of the certificates that verify under the registrars
  /// configured now and are in force at `now` (a registrar dropped from the
  /// configuration, a certificate expired, a row edited behind walletd's back:
  /// not published), those certificates, and when the first of them expires.
  static func published(_ certificates: [String], registrars: [SigningPublicKey], at now: Int64)
    -> (AdministrationRegistry, [String], Int64)
  {
    var registry = AdministrationRegistry()
    var kept: [String] = []
    var nextExpiry = Int64.max
    for certificate in certificates {
      guard
        let certified = try? AdministrationCertificate.verify(
          certificate, registrars: registrars, at: now),
        (try? registry.register(certified.administration)) != nil
      else { continue }
      kept.append(certificate)
      nextExpiry = min(nextExpiry, certified.expires)
    }
    return (registry, kept, nextExpiry)
  }

  /// Starts the rounds of the witnessed log (walletd does, once it listens),
  /// and where several walletd share the store, the registry's reading.
  public func startWitnessing() {
    let witnessing = witnessing
    lock.withLock { witnessTask = witnessTask ?? Task { await witnessing.run() } }
    guard store.sharedSessions != nil else { return }
    lock.withLock {
      registryTask =
        registryTask
        ?? Task { [weak self] in
          while !Task.isCancelled {
            try? await Task.sleep(for: Self.registryInterval)
            await self?.readRegistry()
          }
        }
    }
  }

  /// How often a walletd sharing its store reads the certificates again.
  static let registryInterval = Duration.seconds(1)

  /// The certificates another walletd published or renewed: published here too
  /// (and the verified grants forgotten) once they differ from the last read.
  func readRegistry() async {
    let seen = lock.withLock { registrations }
    let stored: [String]
    do { stored = try await store.certificates() } catch {
      if Task.isCancelled { return }
      logger.warning(
        "the administrations published could not be read again", metadata: ["error": "\(error)"])
      return
    }
    lock.withLock {
      guard registrations == seen, Set(stored) != storedCertificates else { return }
      storedCertificates = Set(stored)
      rebuild(stored)
    }
  }

  public func stop() async {
    let tasks = lock.withLock { [witnessTask, registryTask] }
    for task in tasks { task?.cancel() }
    for task in tasks { await task?.value }
    await store.stop()
  }

  /// The administrations published now: when a certificate expires, the
  /// registry is rebuilt without it (and verified grants forgotten), so that
  /// walletd stops serving reads to an administration no longer certified.
  var registry: AdministrationRegistry {
    lock.lock()
    defer { lock.unlock() }
    if clock() >= nextExpiry { rebuild(certificatesValue) }
    return registryValue
  }

  var certificates: [String] {
    _ = registry  // drops the certificates that expired
    lock.lock()
    defer { lock.unlock() }
    return certificatesValue
  }

  /// Publishes a certificate this walletd stored (in place of the one it
  /// renews), and counts it as read from the store: the next reading does not
  /// take it for another walletd's change.
  func publish(registered certificate: String, replacing replaced: String?) {
    lock.withLock {
      registrations += 1
      if let replaced { storedCertificates.remove(replaced) }
      storedCertificates.insert(certificate)
      rebuild(certificatesValue.filter { $0 != replaced } + [certificate])
    }
  }

  /// Rebuilds the registry from `certificates` and forgets the verified
  /// grants. Under the lock.
  private func rebuild(_ certificates: [String]) {
    (registryValue, certificatesValue, nextExpiry) = Self.published(
      certificates, registrars: registrars, at: clock())
    verifiedGrants.removeAll()
  }

  var rules: StandardConsentRules {
    StandardConsentRules(registry: registry, circles: { FieldCatalogue.standard[$0]?.circle })
  }

  var now: Int64 { clock() }

  // MARK: who may do what

  /// The operator's key may register administrations and nothing else.
  func refuseOperator(_ caller: Caller) throws(APIError) {
    if caller.keyID == operatorKeyID {
      throw .forbidden("the operator's key cannot act on wallets")
    }
  }

  /// The wallet's record. Acting on a wallet whose stored log no longer
  /// extends its witnessed head is refused (`spec/log.md` §7); reading its log is not.
  func walletRecord(_ wallet: WalletID, acting: Bool = true) async throws(APIError) -> WalletRecord
  {
    if acting { try refuseDamaged(wallet) }
    do { return try await store.wallet(wallet) } catch { throw APIError(error) }
  }

  /// A wallet whose log walletd found damaged is neither changed nor read.
  func refuseDamaged(_ wallet: WalletID) throws(APIError) {
    if let damage = facts.damage(of: wallet) {
      throw .unavailable(
        "this wallet cannot be changed or read now: \(damage) in walletd's database")
    }
  }

  func authority(_ record: WalletRecord) throws(APIError) -> WalletAuthority {
    guard let key = try? Paserk.signingPublicKey(from: record.ownerSigningKey) else {
      throw .unavailable("the wallet's owner key is unreadable")
    }
    return WalletAuthority(wallet: record.id, owner: key)
  }

  func isOwner(_ caller: Caller, of record: WalletRecord) -> Bool {
    record.ownerSigningKey == Paserk.encode(caller.signingKey)
  }

  /// The owner, or a trustee whose procuration allows `action` now.
  func ownerOrTrustee(_ caller: Caller, wallet: WalletID, action: ProcurationAction)
    async throws(APIError)
    -> (
      record: WalletRecord, authority: WalletAuthority, state: ConsentState,
      procuration: Procuration?
    )
  {
    try await ownerOrTrustee(caller, wallet: wallet, anyOf: [action])
  }

  /// The owner, or a trustee whose procuration allows one of `actions` now.
  /// When the request names its procuration (`named`: a filing does), only
  /// that one is considered: a trustee may hold several.
  func ownerOrTrustee(
    _ caller: Caller, wallet: WalletID, anyOf actions: [ProcurationAction],
    named: StatementID? = nil
  ) async throws(APIError)
    -> (
      record: WalletRecord, authority: WalletAuthority, state: ConsentState,
      procuration: Procuration?
    )
  {
    try refuseOperator(caller)
    let record = try await walletRecord(wallet)
    guard record.closedAt == nil else { throw .conflict("the wallet is closed") }
    let authority = try authority(record)
    let state = try await consentState(wallet)
    if isOwner(caller, of: record) { return (record, authority, state, nil) }
    var lastRefusal: (ConsentRefusal, StatementID)? = nil
    for (id, token) in state.procurations.sorted(by: { $0.key < $1.key })
    where named == nil || id == named {
      guard
        let procuration = try? ProcurationVerifier.verify(
          token, authority: authority, rules: rules),
        procuration.claims.sub == caller.keyID
      else { continue }
      // Try only the actions this procuration has, so that the refusal names
      // its real reason (used, expired) rather than a missing action.
      let usable = actions.filter(procuration.claims.actions.contains)
      if usable.isEmpty {
        lastRefusal = (.actionNotAllowed(actions.first?.rawValue ?? "read"), procuration.id)
        continue
      }
      for action in usable {
        do {
          try ProcurationVerifier.checkUse(procuration, action: action, state: state, at: now)
          return (record, authority, state, procuration)
        } catch {
          lastRefusal = (error, procuration.id)
        }
      }
    }
    if let (refusal, id) = lastRefusal { throw .trusteeRefused(refusal, procuration: id) }
    throw .forbidden("only the citizen, or a trustee whose procuration allows it, may do this")
  }

  /// `ownerOrTrustee` for actions that change something: a trustee refused
  /// under its procuration (used, expired, revoked) is written to the log.
  func ownerOrTrusteeLogged(
    _ caller: Caller, wallet: WalletID, action: ProcurationAction, named: StatementID? = nil
  ) async throws(APIError)
    -> (
      record: WalletRecord, authority: WalletAuthority, state: ConsentState,
      procuration: Procuration?
    )
  {
    try await ownerOrTrusteeLogged(caller, wallet: wallet, anyOf: [action], named: named)
  }

  func ownerOrTrusteeLogged(
    _ caller: Caller, wallet: WalletID, anyOf actions: [ProcurationAction],
    named: StatementID? = nil
  )
    async throws(APIError)
    -> (
      record: WalletRecord, authority: WalletAuthority, state: ConsentState,
      procuration: Procuration?
    )
  {
    let action = actions.first ?? .read
    do {
      return try await ownerOrTrustee(caller, wallet: wallet, anyOf: actions, named: named)
    } catch .trusteeRefused(let refusal, let id) {
      let logAction: LogAction = action == .file ? .filingMade : .procurationUsed
      try await refuse(
        refusal,
        entry: AccessLogEntry(
          at: now, wallet: wallet, actor: caller.keyID, role: .trustee, action: logAction,
          procuration: id,
          refusal: refusal))
    } catch {
      throw error
    }
  }

  func requireOwner(_ caller: Caller, wallet: WalletID) async throws(APIError)
    -> (record: WalletRecord, authority: WalletAuthority, state: ConsentState)
  {
    try refuseOperator(caller)
    let record = try await walletRecord(wallet)
    guard isOwner(caller, of: record) else { throw .forbidden("only the citizen may do this") }
    guard record.closedAt == nil else { throw .conflict("the wallet is closed") }
    return (record, try authority(record), try await consentState(wallet))
  }

  // MARK: consent state

  /// Procurations, statuses and consumptions of a wallet, as the Consent logic reads them.
  func consentState(_ wallet: WalletID) async throws(APIError) -> ConsentState {
    let stored: StoredConsent
    do { stored = try await store.consent(wallet: wallet) } catch { throw APIError(error) }
    return consentState(stored, wallet: wallet)
  }

  /// The consent state of `wallet` from its rows, completed by what its log says.
  func consentState(_ stored: StoredConsent, wallet: WalletID) -> ConsentState {
    var state = ConsentState()
    for (id, token) in stored.procurations { state.procurations[id] = token }
    for (id, action) in stored.statuses {
      switch action {
      case .revoke:
        state.revoked.insert(id)
        state.paused.remove(id)
      case .pause: state.paused.insert(id)
      case .resume: state.paused.remove(id)
      }
    }
    state.consumed.formUnion(stored.consumed)
    // A use or revocation the log holds counts even if its row is gone.
    facts.complete(&state, wallet: wallet)
    return state
  }

  // MARK: writing

  /// Runs `body`, a write of `wallet` (nil: of none), in the next group
  /// commit; maps failures to API errors.
  func write<R: Sendable>(
    wallet: WalletID?, _ body: @escaping @Sendable (any StoreTransaction) throws -> R
  ) async throws(APIError) -> R {
    // Behind the witnesses (a backup restored) or refused by them: no write.
    if let blocked = witnessing.blocked { throw .unavailable(blocked) }
    let result: R
    do { result = try await store.write(wallet: wallet, body) } catch { throw APIError(error) }
    witnessing.poke()
    return result
  }

  /// The receipt of entry `index` of `wallet`'s log, once a witnessed epoch holds it.
  func receipt(wallet: WalletID, index: Int) async throws(APIError) -> String {
    do { return try await witnessing.receipt(wallet: wallet, index: index) } catch let error
      as APIError
    {
      throw error
    } catch { throw .unavailable("the receipt could not be made") }
  }

  /// Logs a refusal durably, then throws it: refusals are part of the trace.
  /// One caller's refusals in one wallet are bounded (`refusalsPerMinute`):
  /// beyond, the request is answered 429 and nothing is written, so that no
  /// session holder can fill someone's log with refusals.
  func refuse(_ refusal: ConsentRefusal, entry: AccessLogEntry) async throws(APIError) -> Never {
    let key = entry.actor + " " + entry.wallet.description
    guard !refusalLimiter.isThrottled(key, at: now) else { throw .tooManyRequests }
    refusalLimiter.recordFailure(key, at: now)
    let _: Int = try await write(wallet: entry.wallet) { tx in
      try tx.append(entry, to: tx.lock(entry.wallet))
    }
    throw .refused(refusal)
  }

  func role(of caller: Caller, in record: WalletRecord, procuration: Procuration?) -> PrincipalKind
  {
    if isOwner(caller, of: record) { return .citizen }
    if procuration != nil { return .trustee }
    if registry.administration(keyID: caller.keyID) != nil { return .administration }
    return .citizen
  }
}
