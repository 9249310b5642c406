import Foundation
import Hummingbird
import PSPConsent
import PSPDemo
import PSPWallet
import WalletClient

/// The trusted person's pages: the wallets they act for (`procuration list`,
/// `wallet status --on-behalf-of`), one added by the reference typed from the
/// procuration sheet, and in each wallet what the procurations in force allow
/// — its fields (`field get|set --on-behalf-of`), its permissions (`grant
/// list|create|pause|resume|revoke --on-behalf-of`), a request filed after its
/// preview and the requests followed (`filing create|list|show
/// --on-behalf-of`), its log (`log --on-behalf-of`). What is not allowed is
/// not offered; a hand-made form for it gets the CLI's refusal, and nothing is
/// sent. Every page connects again through `OnBehalfOf` (procurations read
/// from walletd and verified under the citizen's pinned key).
extension AppPages {
  func registerTrustee(on router: Router<AppRequestContext>) {
    router.get("/acting") { _, _ in
      guard let acting = await trusteeActing() else { return redirect("/") }
      return try await trusteeHome(acting)
    }
    router.post("/acting") { request, _ in try await addActedWallet(request) }
    router.get("/acting/:ref") { request, context in
      try await actedWallet(
        context.parameters.get("ref") ?? "",
        notice: request.uri.queryParameters.get("added") != nil ? AppWords.done : nil)
    }
    router.get("/acting/:ref/fields") { request, context in
      let saved = request.uri.queryParameters.get("saved")
      return try await actedFields(
        context.parameters.get("ref") ?? "", notice: saved != nil ? AppWords.saved : nil,
        notShared: saved == "2")
    }
    router.post("/acting/:ref/fields") { request, context in
      try await setActedField(context.parameters.get("ref") ?? "", request)
    }
    router.get("/acting/:ref/grants") { request, context in
      try await actedGrants(
        context.parameters.get("ref") ?? "",
        notice: request.uri.queryParameters.get("done") != nil ? AppWords.done : nil)
    }
    router.get("/acting/:ref/grants/new") { request, context in
      try await actedGrantPreview(
        context.parameters.get("ref") ?? "", request.uri.queryParameters.get("choice") ?? "")
    }
    router.post("/acting/:ref/grants") { request, context in
      try await giveActed(context.parameters.get("ref") ?? "", request)
    }
    router.post("/acting/:ref/grants/change") { request, context in
      try await changeActed(context.parameters.get("ref") ?? "", request)
    }
    router.get("/acting/:ref/file") { request, context in
      try await actedFilingPreview(
        context.parameters.get("ref") ?? "", request.uri.queryParameters.get("choice") ?? "")
    }
    router.post("/acting/:ref/file") { request, context in
      try await fileActed(context.parameters.get("ref") ?? "", request)
    }
    router.get("/acting/:ref/filings") { _, context in
      try await actedFilings(context.parameters.get("ref") ?? "", nil)
    }
    router.get("/acting/:ref/filings/:filing") { request, context in
      try await actedFilings(
        context.parameters.get("ref") ?? "", context.parameters.get("filing") ?? "",
        sent: request.uri.queryParameters.get("sent") != nil)
    }
    router.get("/acting/:ref/log") { _, context in
      try await actedLog(context.parameters.get("ref") ?? "")
    }
  }

  // MARK: the wallets acted for

  /// The trusted person's first page once unlocked: the wallets they act
  /// for, each with what the procurations in force allow, until when; and
  /// the form to add one by its reference.
  func trusteeHome(_ acting: Acting, error: Message? = nil, typed: String = "") async throws
    -> Response
  {
    var values = try await frame(acting)
    let invocation = context.invocation
    do {
      let book = NameBook.read(acting)
      var rows: [[String: Any]] = []
      for argument in try OnBehalfOf.remembered(acting) {
        guard let reference = argument.reference else { continue }
        var row: [String: Any] = ["reference": reference.description]
        do {
          let acted = try await OnBehalfOf.connect(
            reference.description, acting, context.server, invocation)
          let rules = try await ClientRules.fetch(acted.trustee.transport)
          // The name this trusted person gave, else the reference (a key id says nothing).
          if let name = book.name(of: acted.ownerKeyID) { row["holder"] = name }
          row["procurations"] = procurationRows(acted, rules)
          row["none"] = acted.procurations.isEmpty
          row["inForce"] = !acted.procurations.isEmpty
        } catch {
          // One wallet that does not answer, or answers wrongly, does not hide the others.
          row["problem"] = say(Messages.from(error).text)
        }
        rows.append(row)
      }
      values["wallets"] = rows
    } catch { tell(Messages.from(error), in: &values) }
    values["typed"] = typed
    values["labels"] = trusteeLabels
    if let error { tell(error, in: &values) }
    return html(
      AppTemplates.page("acting", values, language: language, title: say(AppWords.actingFor)))
  }

  /// Adds the wallet of a reference typed from the procuration sheet: read
  /// as the CLI reads `--on-behalf-of` (spaces, line breaks, dashes and small
  /// letters do not count), the holder's key checked against it, and kept
  /// only if a procuration to this trusted person verifies there.
  private func addActedWallet(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await trusteeActing() else { return redirect("/") }
    let typed = form["reference"] ?? ""
    do {
      let reference = try Self.typedReference(typed)
      let acted = try await OnBehalfOf.connect(
        reference.description, acting, context.server, context.invocation)
      guard !acted.procurations.isEmpty else { throw Messages.trusteeNoProcuration }
      return redirect("/acting/\(acted.reference)?added=1")
    } catch {
      return try await trusteeHome(acting, error: Messages.from(error), typed: typed)
    }
  }

  /// One wallet: whose it is, what the procurations allow, until when, and
  /// the pages of what they allow (`wallet status --on-behalf-of`: nothing
  /// is read here, so nothing is written in the person's log).
  private func actedWallet(_ ref: String, notice: LocalizedText? = nil) async throws -> Response {
    try await actedPage(ref, "actedWallet", title: AppWords.actingFor, notice: notice) {
      acted, acting, values in
      let rules = try await ClientRules.fetch(acted.trustee.transport)
      values["holder"] = NameBook.read(acting).shown(acted.ownerKeyID)
      values["procurations"] = procurationRows(acted, rules)
      values["none"] = acted.procurations.isEmpty
      let actions = Set(acted.procurations.flatMap(\.claims.actions))
      values["mayRead"] = actions.contains(.read)
      values["mayGrant"] = !actions.isDisjoint(with: [.grant, .update])
      let choices = fileChoices(acted, rules)
      values["mayFile"] = !choices.isEmpty
      values["choices"] = choices
    }
  }

  // MARK: fields

  /// The fields the procuration lets them read (`field get --on-behalf-of`),
  /// and the form to change one when it allows `update`.
  private func actedFields(
    _ ref: String, notice: LocalizedText? = nil, notShared: Bool = false, error: Message? = nil,
    typed: String = "", chosen: String? = nil
  ) async throws -> Response {
    try await actedPage(
      ref, "actedFields", title: AppWords.Acted.theirFields, notice: notice, error: error
    ) { acted, _, values in
      _ = try acted.allowing(.read)
      let (opened, unopened) = try await acted.trustee.fields(
        wallet: acted.wallet, ownerKey: acted.owner)
      values["circles"] = circles(opened)
      values["sealed"] = !unopened.isEmpty
      values["mayChange"] = (try? acted.updating()) != nil
      values["choices"] = FieldCatalogue.standard.fields.filter { $0.type != .document }.map {
        ["id": $0.id.rawValue, "label": say($0.label), "selected": $0.id.rawValue == chosen]
      }
      values["typed"] = typed
      if notShared { values["notShared"] = say(Messages.trusteeChangeNotYetShared) }
    }
  }

  /// `field set --on-behalf-of`: refused before anything is sent when no
  /// procuration allows changing data; a wrong value is said in place.
  private func setActedField(_ ref: String, _ request: Request) async throws -> Response {
    try await actedForm(ref, request) { form, acted, _ in
      let name = form["name"] ?? ""
      let typed = form["value"] ?? ""
      let procuration = try acted.updating()
      guard let definition = FieldCommand.definition(name), definition.type != .document else {
        return try await actedFields(ref, error: Messages.unknownField(name), typed: typed)
      }
      let value: FieldValue
      do throws(FieldValidationError) { value = try definition.validate(typed) } catch {
        return try await actedFields(
          ref, error: Messages.invalidValueWithExample(error, field: definition), typed: typed,
          chosen: name)
      }
      let notShared = try await acted.trustee.set(
        [(definition.id, value)], wallet: acted.wallet, ownerKey: acted.owner,
        procuration: procuration, at: now)
      return redirect("/acting/\(acted.reference)/fields?saved=\(notShared.isEmpty ? 1 : 2)")
    }
  }

  // MARK: permissions

  /// `grant list --on-behalf-of`, with pause, resume and withdraw for the
  /// permissions this trusted person gave, and a new one when allowed.
  private func actedGrants(_ ref: String, notice: LocalizedText? = nil, error: Message? = nil)
    async throws -> Response
  {
    try await actedPage(
      ref, "actedGrants", title: AppWords.Acted.theirGrants, notice: notice, error: error
    ) { acted, _, values in
      guard
        acted.procurations.contains(where: {
          $0.claims.actions.contains(.grant) || $0.claims.actions.contains(.update)
        })
      else { throw Messages.trusteeNotAllowed(.grant) }
      let rules = try await ClientRules.fetch(acted.trustee.transport)
      let me = acted.trustee.transport.identity.publicIdentity.keyID
      let entries = try await acted.trustee.grants(
        wallet: acted.wallet, ownerKey: acted.owner, procurations: acted.procurations
      ).sorted { $0.grant.issuedAt > $1.grant.issuedAt }
      values["grants"] = entries.map { entry -> [String: Any] in
        let grant = entry.grant
        var row = grantRow(entry, rules)
        // Only a permission this trusted person gave, under a procuration in force.
        let mine =
          grant.claims.iss == me
          && acted.procurations.contains(where: { $0.id == grant.claims.procuration })
        if !mine { row["changeable"] = false }
        row["givenBy"] = say(
          grant.claims.iss == me ? AppWords.Acted.givenByYou : AppWords.Acted.givenByPerson)
        return row
      }
      if let procuration = try? acted.allowing(.grant) {
        let choices = aidChoices(rules) { purpose, administration in
          procuration.claims.kind == .personalised
            && (procuration.claims.purposes.isEmpty
              || procuration.claims.purposes.contains(purpose))
            && (procuration.claims.administration == nil
              || procuration.claims.administration == administration.keyID)
        }
        values["choices"] = choices
        values["mayGive"] = !choices.isEmpty
      }
    }
  }

  /// What the administration will read, before the trusted person signs.
  private func actedGrantPreview(_ ref: String, _ choice: String) async throws -> Response {
    try await actedPage(ref, "actedGrant", title: AppWords.Acted.theirGrants) {
      acted, _, values in
      let planned = try await plannedGrant(acted, choice)
      showGrantPreview(
        choice, planned.target, planned.purpose, planned.preview, days: planned.days,
        in: &values)
    }
  }

  /// `grant create --on-behalf-of` once seen: the same preview, then signed.
  private func giveActed(_ ref: String, _ request: Request) async throws -> Response {
    try await actedForm(ref, request) { form, acted, _ in
      let planned = try await plannedGrant(acted, form["choice"] ?? "")
      _ = try await acted.trustee.grant(
        wallet: acted.wallet, ownerKey: acted.owner, procuration: try acted.allowing(.grant),
        to: planned.target.id.rawValue, purpose: planned.purpose,
        fields: planned.preview.fields, kind: .durable, days: planned.days, at: now)
      return redirect("/acting/\(acted.reference)/grants?done=1")
    }
  }

  /// `grant pause|resume|revoke --on-behalf-of`: only a permission this
  /// trusted person gave, under a procuration in force; a withdrawal asks to
  /// tick that it is for good.
  private func changeActed(_ ref: String, _ request: Request) async throws -> Response {
    try await actedForm(ref, request) { form, acted, _ in
      let actions: [String: StatusAction] = [
        "pause": .pause, "resume": .resume, "revoke": .revoke,
      ]
      guard let action = actions[form["action"] ?? ""] else { return try await actedGrants(ref) }
      if action == .revoke, form["confirm"] != "yes" {
        return try await actedGrants(ref, error: Messages.notConfirmed)
      }
      guard
        let found = try await acted.trustee.grants(
          wallet: acted.wallet, ownerKey: acted.owner, procurations: acted.procurations
        ).first(where: { $0.grant.id.rawValue == form["grant"] })?.grant
      else { throw Messages.grantNotFound }
      guard found.claims.iss == acted.trustee.transport.identity.publicIdentity.keyID,
        let procuration = acted.procurations.first(where: { $0.id == found.claims.procuration })
      else { throw Messages.trusteeNotTheirGrant }
      try await acted.trustee.change(
        found, action, wallet: acted.wallet, procuration: procuration, at: now)
      return redirect("/acting/\(acted.reference)/grants?done=1")
    }
  }

  // MARK: requests

  /// `filing create --on-behalf-of` before it is sent: what the
  /// administration will be able to read once, then the button to send.
  private func actedFilingPreview(_ ref: String, _ choice: String) async throws -> Response {
    try await actedPage(ref, "actedFile", title: AppWords.Acted.fileRequest) {
      acted, _, values in
      let planned = try await plannedFiling(acted, choice)
      values["choice"] = choice
      values["willRead"] = say(
        FilingWords.intro(
          planned.purpose, to: planned.target.name, count: planned.preview.fields.count))
      values["fieldsShown"] = GrantPreview.labels(planned.preview.fields, language)
      values["notHeld"] = GrantPreview.labels(planned.preview.notHeld, language)
      values["hasNotHeld"] = !planned.preview.notHeld.isEmpty
    }
  }

  /// Files the request seen in the preview; the receipt (the proof it is in
  /// the person's witnessed log) is kept as the CLI keeps it.
  private func fileActed(_ ref: String, _ request: Request) async throws -> Response {
    try await actedForm(ref, request) { form, acted, acting in
      let planned = try await plannedFiling(acted, form["choice"] ?? "")
      let filing = try await acted.trustee.file(
        wallet: acted.wallet, ownerKey: acted.owner, procuration: planned.procuration,
        purpose: planned.purpose, at: planned.target.id.rawValue, fields: planned.preview.fields,
        at: now)
      _ = try Receipts.keep(
        filing.receipt ?? "", home: acting.home, name: acting.name, wallet: acted.wallet,
        statement: filing.id)
      try OnBehalfOf.remember(acting, wallet: acted.wallet, owner: acted.owner)
      return redirect("/acting/\(acted.reference)/filings/\(filing.id)?sent=1")
    }
  }

  /// `filing list|show --on-behalf-of`: followed even once a one-shot
  /// procuration is used.
  private func actedFilings(_ ref: String, _ selected: String?, sent: Bool = false)
    async throws -> Response
  {
    try await actedPage(ref, "actedFilings", title: AppWords.Acted.theirFilings) {
      acted, _, values in
      let rules = try await ClientRules.fetch(acted.trustee.transport)
      let filings = try filingRows(
        try await acted.trustee.filings(wallet: acted.wallet, ownerKey: acted.owner), selected,
        rules)
      values["filings"] = filings
      values["detail"] = selected != nil
      // Said with the number of the request shown, never with a text from the address.
      if sent, selected != nil, let one = filings.first, let id = one["id"] as? String {
        values["notice"] = say(FilingWords.sent(id))
      }
    }
  }

  // MARK: log

  /// `log --on-behalf-of`: the person's log, checked against the witnesses
  /// (the head proof kept per wallet, as the CLI keeps it).
  private func actedLog(_ ref: String) async throws -> Response {
    try await actedPage(ref, "actedLog", title: AppWords.Acted.theirLog) { acted, acting, values in
      _ = try acted.allowing(.read)
      let key = acted.wallet.description
      let previous = try HomeState.read(acting.home)[acting.name].checkpoints?[key]
      let rules = try await ClientRules.fetch(acted.trustee.transport)
      let renderer = AccessLogRenderer(
        vocabulary: NamedVocabulary(
          base: DemoVocabulary(rules: rules), names: NameBook.read(acting)),
        owner: acted.ownerKeyID)
      var checked: LogVerification? = nil
      do throws(ClientError) {
        checked = try await acted.trustee.verifyLog(wallet: acted.wallet, since: previous)
      } catch .unreachable(let server) {
        throw ClientError.unreachable(server)
      } catch {
        // No proof now (the witnesses did not answer, say): shown unchecked, the reason told.
        tell(Messages.from(error), in: &values)
      }
      let entries: [AccessLogEntry]
      if let checked, checked.intact {
        try HomeState.update(acting.home, acting.name) {
          var kept = $0.checkpoints ?? [:]
          kept[key] = checked.checkpoint
          $0.checkpoints = kept
        }
        values["intact"] = true
        values["intactLabel"] = say(AppWords.Acted.walletLogIntact)
        entries = checked.entries
      } else {
        if let checked { tell(Messages.logNotVerified(checked.problem ?? "?"), in: &values) }
        entries = try await acted.trustee.log(wallet: acted.wallet)
      }
      values["sentences"] = entries.reversed().map { renderer.sentence($0, language) }
    }
  }

  // MARK: helpers

  /// The unlocked identity, if it is a trusted person's.
  private func trusteeActing() async -> Acting? {
    guard let acting = await session.unlocked(now: now), acting.identity.kind == .trustee else {
      return nil
    }
    return acting
  }

  /// A reference as typed from paper: every kind of space and line break
  /// left out, then read as the CLI reads it; the wallet number alone is
  /// refused (it names no holder to check).
  private static func typedReference(_ typed: String) throws(Message) -> WalletReference {
    let compact = String(
      String.UnicodeScalarView(
        typed.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }))
    let argument = try WalletArgument(compact)
    guard let reference = argument.reference else { throw Messages.appReferenceNeeded }
    return reference
  }

  /// The wallet of the page's address: a reference, or a wallet number this
  /// trusted person already acts for (then its remembered reference).
  private func connect(_ ref: String, _ acting: Acting) async throws -> OnBehalfOf {
    let reference: WalletReference
    do { reference = try Self.typedReference(ref) } catch {
      guard let wallet = try? WalletID(ref),
        let known = try OnBehalfOf.remembered(acting).first(where: { $0.wallet == wallet })?
          .reference
      else { throw error }
      reference = known
    }
    return try await OnBehalfOf.connect(
      reference.description, acting, context.server, context.invocation)
  }

  /// A page of one wallet acted for, connected again from its address: the
  /// way back and whose wallet it is, what `fill` adds, the labels; a
  /// refusal or a failure is said on the list of wallets instead.
  private func actedPage(
    _ ref: String, _ template: String, title: LocalizedText, notice: LocalizedText? = nil,
    error: Message? = nil,
    _ fill: (_ acted: OnBehalfOf, _ acting: Acting, _ values: inout [String: Any]) async throws
      -> Void
  ) async throws -> Response {
    guard let acting = await trusteeActing() else { return redirect("/") }
    var values = try await frame(acting)
    do {
      let acted = try await connect(ref, acting)
      values["base"] = "/acting/\(acted.reference)"
      values["actingFor"] = say(Messages.actingFor(acted.reference))
      try await fill(acted, acting, &values)
    } catch { return try await actedFailed(error, acting) }
    values["labels"] = trusteeLabels
    if let notice { values["notice"] = say(notice) }
    if let error { tell(error, in: &values) }
    return html(AppTemplates.page(template, values, language: language, title: say(title)))
  }

  /// A form sent about one wallet acted for: its anti-forgery token checked,
  /// the wallet connected again, then `act`; a refusal or a failure is said
  /// on the list of wallets (nothing was done).
  private func actedForm(
    _ ref: String, _ request: Request,
    _ act: (_ form: AppForm, _ acted: OnBehalfOf, _ acting: Acting) async throws -> Response
  ) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await trusteeActing() else { return redirect("/") }
    do {
      return try await act(form, try await connect(ref, acting), acting)
    } catch { return try await actedFailed(error, acting) }
  }

  /// A refusal or a failure, said on the list of wallets (nothing was done).
  private func actedFailed(_ error: any Error, _ acting: Acting) async throws -> Response {
    try await trusteeHome(acting, error: Messages.from(error))
  }

  /// Each procuration in force: its kind, what it allows, for which aids, until when.
  private func procurationRows(_ acted: OnBehalfOf, _ rules: StandardConsentRules)
    -> [[String: Any]]
  {
    acted.procurations.map { procuration in
      let claims = procuration.claims
      let aids =
        claims.purposes.isEmpty
        ? say(ProcurationWords.anyAid)
        : claims.purposes.map { say(Words.aid($0, rules.templates)) }.joined(separator: ", ")
      return [
        "kind": say(
          claims.kind == .oneShot
            ? AppWords.Acted.oneShotProcuration : AppWords.Acted.personalisedProcuration
        ),
        "actions": claims.actions.map { say(Words.trusteeAction($0)) }.joined(separator: ", "),
        "aids": aids, "until": Words.day(procuration.expires, language),
      ]
    }
  }

  /// The aids a procuration in force lets this trusted person file, where.
  private func fileChoices(_ acted: OnBehalfOf, _ rules: StandardConsentRules) -> [[String: Any]] {
    aidChoices(rules) { purpose, administration in
      acted.procurations.contains { Self.fitsFiling($0, purpose, administration) }
    }
  }

  /// As `filing create` chooses: a procuration that allows filing this aid at
  /// this administration.
  private static func fitsFiling(
    _ procuration: Procuration, _ purpose: Purpose, _ administration: Administration
  ) -> Bool {
    procuration.claims.actions.contains(.file)
      && (procuration.claims.purposes.isEmpty || procuration.claims.purposes.contains(purpose))
      && (procuration.claims.administration == nil
        || procuration.claims.administration == administration.keyID)
  }

  private struct PlannedFiling {
    let target: Administration
    let purpose: Purpose
    let procuration: Procuration
    let preview: GrantPreview
  }

  /// `filing create --on-behalf-of` up to its question: the procuration
  /// that fits (else `noUsableProcuration`, nothing sent), the fields the
  /// aid reads among those the trusted person may see.
  private func plannedFiling(_ acted: OnBehalfOf, _ choice: String) async throws -> PlannedFiling {
    let (target, purpose, template) = try await chosen(choice, through: acted.trustee.transport)
    guard
      let procuration = acted.procurations.first(where: {
        Self.fitsFiling($0, purpose, target)
      })
    else { throw Messages.noUsableProcuration }
    let held = try await acted.trustee.records(wallet: acted.wallet, ownerKey: acted.owner)
      .map(\.field)
    let preview = try aidPreview(template, held: held)
    return PlannedFiling(
      target: target, purpose: purpose, procuration: procuration, preview: preview)
  }

  private struct PlannedGrant {
    let target: Administration
    let purpose: Purpose
    let preview: GrantPreview
    let days: Int64
  }

  /// `grant create --on-behalf-of` up to its question: allowed (`grant`),
  /// ending with the procuration at the latest, the fields the aid reads.
  private func plannedGrant(_ acted: OnBehalfOf, _ choice: String) async throws -> PlannedGrant {
    let procuration = try acted.allowing(.grant)
    let (target, purpose, template) = try await chosen(choice, through: acted.trustee.transport)
    var days = Self.grantDays(template)
    let left = (procuration.expires - now) / 86_400
    if days > left {
      guard left >= 1 else {
        throw Messages.grantOutlivesProcuration(Words.day(procuration.expires, language))
      }
      days = left
    }
    try template.validateGrant(kind: .durable, validity: .seconds(days * 86_400))
    let held = try await acted.trustee.records(wallet: acted.wallet, ownerKey: acted.owner)
      .map(\.field)
    let preview = try aidPreview(template, held: held)
    return PlannedGrant(target: target, purpose: purpose, preview: preview, days: days)
  }

  private var trusteeLabels: [String: String] {
    [
      "add": say(AppWords.Acted.addWallet), "reference": say(AppWords.Acted.referenceTyped),
      "referenceHelp": say(AppWords.Acted.referenceTypedHelp), "addButton": say(AppWords.Acted.add),
      "none": say(Messages.noWalletsActedFor.text), "holder": say(AppWords.Acted.holder),
      "youMay": say(AppWords.Acted.youMay), "forAids": say(AppWords.Acted.forAids),
      "until": say(AppWords.until), "noProcuration": say(AppWords.Acted.noProcurationInForce),
      "open": say(AppWords.open), "fields": say(AppWords.Acted.theirFields),
      "grants": say(AppWords.Acted.theirGrants), "filings": say(AppWords.Acted.theirFilings),
      "log": say(AppWords.Acted.theirLog), "file": say(AppWords.Acted.fileRequest),
      "choose": say(AppWords.chooseAid), "seeSent": say(AppWords.Acted.seeWhatSent),
      "send": say(AppWords.Acted.send), "back": say(AppWords.Acted.backToWallet),
      "notFilledIn": say(FilingWords.notHeld), "sealed": say(AppWords.Acted.sealedFields),
      "empty": say(AppWords.empty), "change": say(AppWords.change),
      "field": say(AppWords.field), "value": say(AppWords.value), "save": say(AppWords.save),
      "noGrant": say(AppWords.Acted.noGrantInWallet), "newGrant": say(AppWords.newGrant),
      "see": say(AppWords.seeWhat), "give": say(AppWords.give), "pause": say(AppWords.pause),
      "resume": say(AppWords.resume), "revoke": say(AppWords.revoke),
      "forGood": say(AppWords.forGood), "count": say(AppWords.fieldsCount),
      "willRead": say(AppWords.willRead), "notHeld": say(FilingWords.notHeld),
      "takeBack": say(GrantPreview.takeBack), "noFiling": say(AppWords.noFiling),
      "filed": say(AppWords.filedOn), "contact": say(AppWords.contact),
      "steps": say(AppWords.steps), "reasons": say(AppWords.reasons),
      "recourse": say(AppWords.recourse), "unreadable": say(AppWords.unreadable),
      "openFiling": say(AppWords.openFiling),
    ]
  }
}
