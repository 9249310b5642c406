import Foundation
import Hummingbird
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient

/// The administration's pages: the grants received and the requests filed
/// with it, where each stands; reading under a grant (a button, never a
/// link: a reading is written in the person's log and uses a one-shot grant),
/// with the receipt kept; acknowledging and deciding a request —
/// `admin grants`, `admin read`, `admin acknowledge`, `admin decide` in the
/// browser, through the same client library.
extension AppPages {
  func registerAdministration(on router: Router<AppRequestContext>) {
    router.get("/received") { _, _ in try await received() }
    router.post("/received/read") { request, _ in try await readReceived(request) }
    router.post("/received/acknowledge") { request, _ in try await acknowledgeReceived(request) }
    router.post("/received/decide") { request, _ in try await decideReceived(request) }
  }

  /// The administration's first page once unlocked: who it is, and what it received.
  func administrationHome(_ acting: Acting) async throws -> Response {
    try await received(acting)
  }

  func received() async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    return try await received(acting)
  }

  /// The page of what was received; `reading` is a reading just made, shown
  /// once (in this answer only); `typed` gives a refused form back to correct.
  private func received(
    _ acting: Acting, reading: [String: Any]? = nil, notice: String? = nil,
    error: Message? = nil, typed: AppForm? = nil
  ) async throws -> Response {
    var values = try await frame(acting)
    let title = say(AppWords.received)
    guard acting.identity.kind == .administration else {
      tell(
        Messages.wrongRole(acting.name, is: acting.identity.kind, needs: [.administration]),
        in: &values)
      values["wrongRole"] = true
      return html(AppTemplates.page("received", values, language: language, title: title))
    }
    do {
      let client = AdministrationClient(
        transport: try acting.transport(context.server, context.invocation))
      let rules = try await ClientRules.fetch(client.transport)
      let me = acting.identity.publicIdentity.keyID
      values["administration"] = rules.name(ofKeyID: me)
      let grants = try await client.incomingGrants().compactMap(ReceivedGrant.init)
      values["grants"] = grants.map { grantRow($0, rules) }
      values["filings"] = try await filingRows(grants, client, acting, rules, typed)
    } catch {
      // Not listed: said, never shown as "nothing received".
      tell(Messages.from(error), in: &values)
      values["unlisted"] = true
    }
    if let reading { values["reading"] = reading }
    if let notice { values["notice"] = notice }
    if let error { tell(error, in: &values) }
    values["labels"] = receivedLabels
    return html(AppTemplates.page("received", values, language: language, title: title))
  }

  /// A grant as walletd lists it (its claims read as `admin grants` reads
  /// them: shown, not trusted; a reading verifies the grant).
  private struct ReceivedGrant {
    let entry: IncomingGrantsView.Entry
    let claims: GrantClaims

    init?(_ entry: IncomingGrantsView.Entry) {
      guard let message = try? PasetoV4Public.unverifiedMessage(of: entry.token),
        let claims = try? JSONDecoder().decode(GrantClaims.self, from: Data(message))
      else { return nil }
      self.entry = entry
      self.claims = claims
    }
  }

  private func grantRow(_ grant: ReceivedGrant, _ rules: StandardConsentRules) -> [String: Any] {
    let claims = grant.claims
    var row: [String: Any] = [
      "id": grant.entry.grant.rawValue, "wallet": grant.entry.wallet.description,
      "aid": say(Words.aid(claims.purpose, rules.templates)),
      "kind": say(Words.grantKind(claims.kind)),
      "until": Timestamp.parse(claims.exp).map { Words.day($0, language) } ?? claims.exp,
      "fields": claims.fields.map(fieldName),
      // walletd says where the grant stands; it decides a reading anyway.
      "readable": grant.entry.state == nil || grant.entry.state == .active,
    ]
    if let state = grant.entry.state { row["state"] = say(Words.grantState(state)) }
    if let filing = claims.filing { row["forRequest"] = filing.rawValue }
    return row
  }

  /// "Votre nom de famille (surname)": the catalogue's words and the CLI's name.
  private func fieldName(_ field: FieldID) -> String {
    guard let definition = FieldCatalogue.standard[field] else { return field.rawValue }
    return "\(say(definition.label)) (\(field.rawValue))"
  }

  /// The requests of the wallets whose grants name one: each verified under
  /// the person's key pinned by a reading (else told to read first), with
  /// where it stands after this administration's own signed answers.
  private func filingRows(
    _ grants: [ReceivedGrant], _ client: AdministrationClient, _ acting: Acting,
    _ rules: StandardConsentRules, _ typed: AppForm?
  ) async throws -> [[String: Any]] {
    var wallets: [WalletID] = []
    for grant in grants where grant.claims.filing != nil && !wallets.contains(grant.entry.wallet) {
      wallets.append(grant.entry.wallet)
    }
    var rows: [[String: Any]] = []
    for wallet in wallets {
      guard client.transport.trust.memory.owners[wallet.description] != nil else {
        // Not verifiable yet: listed from the grants, with what to do.
        for grant in grants where grant.entry.wallet == wallet {
          guard let filing = grant.claims.filing else { continue }
          rows.append([
            "id": filing.rawValue, "wallet": wallet.description,
            "aid": say(Words.aid(grant.claims.purpose, rules.templates)),
            "warning": say(AppWords.adminReadFirst.text),
            "warningHint": AppWords.adminReadFirst.hint.map(say) ?? "",
          ])
        }
        continue
      }
      let views: [FilingView]
      do { views = try await client.filings(wallet: wallet) } catch {
        let message = Messages.from(error)
        rows.append([
          "id": "", "wallet": wallet.description, "aid": "", "warning": say(message.text),
          "warningHint": message.hint.map(say) ?? "",
        ])
        continue
      }
      for view in views {
        rows.append(filingRow(view, wallet: wallet, acting, rules, typed))
      }
    }
    return rows
  }

  private func filingRow(
    _ view: FilingView, wallet: WalletID, _ acting: Acting, _ rules: StandardConsentRules,
    _ typed: AppForm?
  ) -> [String: Any] {
    // Verified by `filings(wallet:)`; read here for its aid and day.
    let claims = SignedStatement.unverifiedClaims(of: view.filing, as: FilingClaims.self)
    var status = FilingStatus.filed
    var number: String?
    var due: CivilDate?
    var outcome: FilingResponseClaims.Outcome?
    // Only this administration's own answers, as it signed them.
    let me = acting.identity.signingKey.publicKey
    for response in view.responses {
      guard
        let answer = try? SignedStatement.verify(
          response.token, type: FilingResponseClaims.type, publicKey: me,
          as: FilingResponseClaims.self),
        answer.filing == view.id, answer.wallet == wallet
      else { continue }
      switch answer.kind {
      case .acknowledged:
        status = .acknowledged
        number = answer.number
        due = answer.dueOn.flatMap { try? CivilDate(iso: $0) }
      case .informationRequested: status = .informationRequested
      case .decided:
        status = .decided
        outcome = answer.outcome
      }
    }
    var row: [String: Any] = [
      "id": view.id.rawValue, "wallet": wallet.description,
      "aid": claims.map { say(Words.aid($0.purpose, rules.templates)) } ?? "",
      "standing": say(
        AppWords.adminStanding(status, number: number, outcome: outcome, due: due)),
      "acknowledge": status == .filed,
      "decide": status == .acknowledged || status == .informationRequested,
    ]
    if let filedOn = claims.flatMap({ Timestamp.parse($0.iat) }) {
      row["filed"] = Words.day(filedOn, language)
    }
    // A refused form comes back with what was typed, on its own request only.
    if let typed, typed["filing"] == view.id.rawValue {
      for name in ["number", "registered", "service", "phone", "email", "motivation", "recourse"] {
        row["typed_" + name] = typed[name] ?? ""
      }
    }
    row["outcomes"] = OutcomeArgument.allCases.map { choice -> [String: Any] in
      [
        "value": choice.rawValue, "label": say(Words.outcome(choice.outcome)),
        "selected": typed?["filing"] == view.id.rawValue && typed?["outcome"] == choice.rawValue,
      ]
    }
    return row
  }

  // MARK: actions

  /// Reads under a grant received: the CLI's `admin read`, for every field
  /// the grant gives, for the aid the grant is for.
  func readReceived(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .administration else { return try await received(acting) }
    guard let wallet = try? WalletID(form["wallet"] ?? ""),
      let grantID = try? StatementID(form["grant"] ?? "")
    else { return try await received(acting, error: AppWords.adminGrantNotFound) }
    var reading: [String: Any] = [:]
    do {
      let client = AdministrationClient(
        transport: try acting.transport(context.server, context.invocation))
      guard
        let grant = try await client.incomingGrants().lazy.compactMap(ReceivedGrant.init).first(
          where: { $0.entry.wallet == wallet && $0.entry.grant == grantID })
      else { throw AppWords.adminGrantNotFound }
      let purpose = grant.claims.purpose
      let result = try await client.read(wallet: wallet, grant: grantID, purpose: purpose)
      // Kept as `admin read` keeps them: the person's key and the receipt.
      let receipt = try AdminReadCommand.keep(result, wallet: wallet, grant: grantID, acting)
      reading["heading"] = say(AdminReadWords.count(result.values.count, Words.aid(purpose)))
      reading["values"] = result.values.sorted { $0.field < $1.field }.map {
        ["label": fieldName($0.field), "value": $0.value.displayText(language: language)]
      }
      reading["receipt"] = say(AdminReadWords.receiptKept(receipt.path))
      if !result.withheld.isEmpty {
        reading["withheld"] = say(
          AdminReadWords.withheld(result.withheld.map(\.rawValue).joined(separator: ", ")))
      }
    } catch {
      return try await received(acting, error: Messages.from(error))
    }
    return try await received(acting, reading: reading)
  }

  /// Acknowledges a request: the CLI's `admin acknowledge`.
  func acknowledgeReceived(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .administration else { return try await received(acting) }
    let trimmed = { (name: String) -> String? in
      let text = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
      return text.isEmpty ? nil : text
    }
    guard let wallet = try? WalletID(form["wallet"] ?? ""),
      (try? StatementID(form["filing"] ?? "")) != nil, let filing = form["filing"]
    else { return try await received(acting, error: AppWords.adminFilingNotFound) }
    guard let number = trimmed("number"), number.count <= 64 else {
      return try await received(acting, error: AppWords.adminNumberEmpty, typed: form)
    }
    let registered: CivilDate
    if let typed = trimmed("registered") {
      guard let date = try? CivilDate(iso: typed) else {
        return try await received(acting, error: AppWords.adminDateMalformed, typed: form)
      }
      registered = date
    } else {
      // Registered today (in Luxembourg) unless the administration says otherwise.
      let day = CalendarDate.today(now: Date())
      registered = try CivilDate(year: day.year, month: day.month, day: day.day)
    }
    guard let service = trimmed("service"), trimmed("phone") != nil || trimmed("email") != nil
    else { return try await received(acting, error: AppWords.adminContactMissing, typed: form) }
    let notice: String
    do {
      let client = AdministrationClient(
        transport: try acting.transport(context.server, context.invocation))
      let view = try await receivedFiling(client, wallet: wallet, filing: filing)
      if let filedOn = AdminFiling.filedOn(view), registered < filedOn {
        throw AppWords.adminRegisteredBeforeFiling(filedOn)
      }
      let due = try await client.acknowledge(
        wallet: wallet, filing: view, number: number, registeredOn: registered,
        contact: .init(service: service, phone: trimmed("phone"), email: trimmed("email")),
        at: now)
      let sent = say(AppWords.adminAcknowledged(number))
      notice = due.map { sent + " " + say(AppWords.adminDue($0)) } ?? sent
    } catch {
      return try await received(acting, error: Messages.from(error), typed: form)
    }
    return try await received(acting, notice: notice)
  }

  /// Posts the motivated decision: the CLI's `admin decide`, with a tick
  /// that it is sent for good.
  func decideReceived(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .administration else { return try await received(acting) }
    guard let wallet = try? WalletID(form["wallet"] ?? ""),
      (try? StatementID(form["filing"] ?? "")) != nil, let filing = form["filing"]
    else { return try await received(acting, error: AppWords.adminFilingNotFound) }
    let motivation = form["motivation"] ?? ""
    let recourse = form["recourse"] ?? ""
    guard let outcome = OutcomeArgument(rawValue: form["outcome"] ?? ""),
      !motivation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
      !recourse.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    else {
      return try await received(acting, error: AppWords.adminDecisionIncomplete, typed: form)
    }
    guard form["confirm"] == "yes" else {
      return try await received(acting, error: AppWords.adminNotConfirmed, typed: form)
    }
    do {
      let known = try HomeState.read(acting.home)[acting.name].citizenKeys?[wallet.description]
      guard let text = known, let bytes = try? Encoding.fromBase64URL(text),
        let key = try? AgreementPublicKey(bytes)
      else { throw AppWords.adminReadFirst }
      let client = AdministrationClient(
        transport: try acting.transport(context.server, context.invocation))
      let view = try await receivedFiling(client, wallet: wallet, filing: filing)
      try await client.decide(
        wallet: wallet, filing: view, outcome: outcome.outcome, motivation: motivation,
        recourse: recourse, citizenKey: key, at: now)
    } catch {
      return try await received(acting, error: Messages.from(error), typed: form)
    }
    return try await received(acting, notice: say(AppWords.adminDecided(outcome.outcome)))
  }

  /// A request filed with this administration, verified (`AdminFiling.find`);
  /// before any reading of the wallet, told to read first.
  private func receivedFiling(_ client: AdministrationClient, wallet: WalletID, filing: String)
    async throws -> FilingView
  {
    guard client.transport.trust.memory.owners[wallet.description] != nil else {
      throw AppWords.adminReadFirst
    }
    do { return try await AdminFiling.find(client, wallet: wallet, filing: filing) } catch let
      message as Message where message.text.en == Messages.filingNotFound.text.en
    {
      throw AppWords.adminFilingNotFound
    }
  }

  private var receivedLabels: [String: String] {
    [
      "who": say(AppWords.adminWho), "grants": say(AppWords.received),
      "noGrant": say(AppWords.adminNoGrant), "grant": say(AppWords.adminGrant),
      "state": say(AppWords.adminState), "wallet": say(AppWords.adminWallet),
      "until": say(AppWords.adminUntil), "fields": say(AppWords.adminFields),
      "forRequest": say(AppWords.adminForRequest), "read": say(AppWords.adminRead),
      "readLogged": say(AppWords.adminReadLogged), "filings": say(AppWords.adminFilings),
      "noFiling": say(AppWords.adminNoFiling), "request": say(AppWords.adminRequest),
      "filed": say(AppWords.filedOn), "acknowledge": say(AppWords.adminAcknowledge),
      "number": say(AppWords.adminNumber), "registered": say(AppWords.adminRegisteredOn),
      "service": say(AppWords.adminService), "phone": say(AppWords.adminPhone),
      "email": say(AppWords.adminEmail), "dueNote": say(AppWords.adminDueNote),
      "sendAcknowledgement": say(AppWords.adminSendAcknowledgement),
      "decide": say(AppWords.adminDecide), "outcome": say(AppWords.adminOutcome),
      "motivation": say(AppWords.adminMotivation), "recourse": say(AppWords.adminRecourse),
      "forGood": say(AppWords.adminForGood),
    ]
  }
}
