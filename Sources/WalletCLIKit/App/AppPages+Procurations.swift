import Foundation
import Hummingbird
import PSPConsent
import PSPWallet
import WalletAPI
import WalletClient

/// The procurations pages: every procuration given, newest first, with its
/// sheet and a withdrawal that asks to tick that it is for good; a new one
/// chosen in a form, shown in plain words (the CLI's) before anything is
/// signed, then given, with the reference to hand the trusted person —
/// `procuration list`, `procuration create`, `procuration revoke` in the browser.
extension AppPages {
  func registerProcurations(on router: Router<AppRequestContext>) {
    router.get("/procurations") { request, _ in
      try await procurations(
        notice: request.uri.queryParameters.get("done") != nil ? ProcurationWords.withdrawn : nil
      )
    }
    router.get("/procurations/new") { _, _ in try await procurationForm(ProcurationChoice()) }
    // "Change" on the preview: the form again, as it was filled in.
    router.post("/procurations/new") { request, _ in
      guard let form = try await form(request) else { return expired() }
      return try await procurationForm(ProcurationChoice(form))
    }
    router.post("/procurations") { request, _ in try await giveProcuration(request) }
    router.get("/procurations/given/:id") { _, context in
      try await procurationGiven(context.parameters.get("id") ?? "")
    }
    router.post("/procurations/revoke") { request, _ in try await revokeProcuration(request) }
  }

  /// The unlocked citizen; a trusted person or an administration is told
  /// that procurations are the citizen's own.
  private func procurationGiver() async throws -> (Acting?, Response?) {
    guard let acting = await session.unlocked(now: now) else {
      return (nil, try await unlockPage(nil))
    }
    guard acting.identity.kind == .citizen else {
      return (nil, try await failed(Messages.citizenOnly(acting.name), acting))
    }
    return (acting, nil)
  }

  func procurations(notice: LocalizedText? = nil, error: Message? = nil) async throws -> Response {
    let (giver, refusal) = try await procurationGiver()
    guard let acting = giver else { return refusal! }
    var values = try await frame(acting)
    do {
      let (rules, listed) = try await givenProcurations(acting)
      let book = NameBook.read(acting)
      let here = trusteesHere(acting)
      values["procurations"] = listed.map { procuration, state -> [String: Any] in
        let claims = procuration.claims
        let state = state == .active && procuration.expires <= now ? .expired : state
        var row: [String: Any] = [
          "id": procuration.id.rawValue,
          "person": shownTrustee(claims.sub, book, here),
          "kind": say(ProcurationWords.kind(claims.kind)),
          "state": say(Words.grantState(state)),
          "actions": claims.actions.map { say(Words.action($0)) }.joined(separator: ", "),
          "aids": claims.purposes.isEmpty
            ? say(ProcurationWords.anyAid)
            : claims.purposes.map { say(Words.aid($0, rules.templates)) }.joined(separator: ", "),
          "until": Words.day(procuration.expires, language),
          "active": state == .active,
        ]
        if let administration = claims.administration {
          row["administration"] = rules.name(ofKeyID: administration)
        }
        if let circle = claims.circle { row["circles"] = say(AppWords.procurationCircles(circle)) }
        return row
      }
    } catch { return try await failed(error, acting) }
    values["labels"] = procurationLabels
    if let notice { values["notice"] = say(notice) }
    if let error { tell(error, in: &values) }
    return html(
      AppTemplates.page(
        "procurations", values, language: language, title: say(AppWords.procurations)))
  }

  /// The form, filled in as `choice` says, with `error` told above it.
  func procurationForm(_ choice: ProcurationChoice, error: Message? = nil) async throws
    -> Response
  {
    let (giver, refusal) = try await procurationGiver()
    guard let acting = giver else { return refusal! }
    var values = try await frame(acting)
    do {
      let transport = try acting.transport(context.server, context.invocation)
      let rules = try await ClientRules.fetch(transport)
      values["trustees"] = trusteesHere(acting).map { person -> [String: Any] in
        ["name": person.name, "selected": person.name == choice.to]
      }
      values["actions"] = ProcurationAction.allCases.map { action -> [String: Any] in
        [
          "value": action.rawValue, "label": say(Words.action(action)),
          "checked": choice.actions.contains(action.rawValue),
        ]
      }
      values["aids"] = rules.templates.purposes.map { purpose -> [String: Any] in
        [
          "value": purpose.rawValue, "label": say(Words.aid(purpose, rules.templates)),
          "checked": choice.aids.contains(purpose.rawValue),
        ]
      }
      values["administrations"] = rules.registry.administrations.map {
        administration -> [String: Any] in
        [
          "value": administration.id.rawValue, "label": administration.name,
          "selected": administration.id.rawValue == choice.at,
        ]
      }
      values["circles"] = Circle.allCases.map { circle -> [String: Any] in
        [
          "value": String(circle.rawValue), "label": say(Words.circle(circle)),
          "selected": String(circle.rawValue) == choice.circle,
        ]
      }
    } catch { return try await failed(error, acting) }
    values["once"] = choice.kind == "once"
    values["personalised"] = choice.kind == "personalised"
    values["toKey"] = choice.toKey
    values["toEncryptionKey"] = choice.toEncryptionKey
    values["days"] = choice.days
    values["labels"] = procurationLabels
    if let error { tell(error, in: &values) }
    return html(
      AppTemplates.page(
        "procurationNew", values, language: language, title: say(AppWords.procurationNew)))
  }

  /// What the trusted person will be able to do, and not do, before anything
  /// is signed; or the form again, with what is wrong in it.
  private func procurationPreview(_ choice: ProcurationChoice) async throws -> Response {
    let (giver, refusal) = try await procurationGiver()
    guard let acting = giver else { return refusal! }
    var values = try await frame(acting)
    do {
      let checked = try await check(choice, acting)
      let preview = ProcurationCreateCommand.preview(
        checked.shown, once: checked.once, purposes: checked.purposes, actions: checked.actions,
        administration: checked.administration, circle: checked.circle,
        until: now + checked.days * 86_400, language)
      values["intro"] = preview.intro
      values["points"] = preview.points
      let cannot = ProcurationAction.allCases.filter { !checked.actions.contains($0) }
      if !cannot.isEmpty {
        values["cannot"] = say(
          AppWords.procurationCannot(cannot.map { say(Words.action($0)) }.joined(separator: ", ")))
      }
    } catch {
      return try await procurationForm(choice, error: Messages.from(error))
    }
    values["hidden"] = choice.hidden
    values["labels"] = procurationLabels
    return html(
      AppTemplates.page(
        "procurationPreview", values, language: language,
        title: say(AppWords.procurationPreviewTitle)))
  }

  /// Given as `procuration create --yes` gives it, once the preview was
  /// seen (`confirm=yes`); without it, the preview is shown and nothing is signed.
  private func giveProcuration(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    let choice = ProcurationChoice(form)
    guard form["confirm"] == "yes" else { return try await procurationPreview(choice) }
    let (giver, refusal) = try await procurationGiver()
    guard let acting = giver else { return refusal! }
    let given: Procuration
    do {
      let checked = try await check(choice, acting)
      let citizen = try await acting.citizen(context.server, context.invocation)
      given = try await citizen.procuration(
        to: checked.person, kind: checked.once ? .oneShot : .personalised,
        purposes: checked.purposes, administration: checked.administration?.id.rawValue,
        circle: checked.circle, actions: checked.actions, days: checked.days, at: now)
      if let named = checked.named, NameBook.read(acting).name(of: checked.person.keyID) == nil {
        try NameBook.remember(named, for: checked.person.keyID, acting)
      }
    } catch {
      return try await procurationForm(choice, error: Messages.from(error))
    }
    return redirect("/procurations/given/\(given.id.rawValue)")
  }

  /// The reference to give the trusted person, and the sheet to print for them.
  private func procurationGiven(_ id: String) async throws -> Response {
    let (giver, refusal) = try await procurationGiver()
    guard let acting = giver else { return refusal! }
    var values = try await frame(acting)
    do {
      let (_, listed) = try await givenProcurations(acting)
      guard let procuration = listed.first(where: { $0.0.id.rawValue == id })?.0 else {
        return try await procurations(error: Messages.procurationNotFound)
      }
      let wallet = try acting.walletID()
      values["id"] = procuration.id.rawValue
      values["given"] = say(ProcurationWords.given(procuration.id.rawValue))
      values["reference"] =
        WalletReference(wallet: wallet, owner: acting.identity.signingKey.publicKey).description
      values["wallet"] = wallet.description
      values["owner"] = acting.identity.publicIdentity.keyID
    } catch { return try await failed(error, acting) }
    values["labels"] = procurationLabels
    return html(
      AppTemplates.page(
        "procurationGiven", values, language: language, title: say(AppWords.procurations)))
  }

  /// Withdrawn as `procuration revoke --yes` withdraws it, once "for good" is ticked.
  private func revokeProcuration(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    let (giver, refusal) = try await procurationGiver()
    guard let acting = giver else { return refusal! }
    guard let id = try? StatementID(form["id"] ?? "") else {
      return try await procurations(error: Messages.procurationNotFound)
    }
    guard form["confirm"] == "yes" else {
      return try await procurations(
        error: Message(Messages.notConfirmed.text, hint: AppWords.procurationTickForGood))
    }
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      let views = try await citizen.transport.send(
        "GET", "/v1/wallets/\(citizen.walletID)/procurations", as: ProcurationsView.self)
      guard views.procurations.contains(where: { $0.id == id }) else {
        throw Messages.procurationNotFound
      }
      try await citizen.revoke(procuration: id, at: now)
    } catch { return try await procurations(error: Messages.from(error)) }
    return redirect("/procurations?done=1")
  }

  // MARK: helpers

  /// Every procuration this citizen gave that verifies under their own key,
  /// newest first, with its state — as `procuration list` finds them.
  private func givenProcurations(_ acting: Acting) async throws -> (
    StandardConsentRules, [(Procuration, GrantState)]
  ) {
    let wallet = try acting.walletID()
    let transport = try acting.transport(context.server, context.invocation)
    let rules = try await ClientRules.fetch(transport)
    let listed = try await ProcurationListCommand.given(
      wallet: wallet, owner: acting.identity.signingKey.publicKey, transport, rules: rules)
    return (
      rules,
      listed.sorted {
        ($0.0.notBefore, $0.0.id.rawValue) > ($1.0.notBefore, $1.0.id.rawValue)
      }
    )
  }

  /// The identities of kind trustee in this home (their public part only:
  /// nothing is unlocked), with their key ids.
  func trusteesHere(_ acting: Acting) -> [(name: String, keyID: String)] {
    acting.home.names().compactMap { name in
      guard name != acting.name, let keystore = try? acting.home.readKeystore(name),
        keystore.kind == .trustee
      else { return nil }
      return (name, keystore.keyID)
    }
  }

  /// "paul (k4.pid.99P6…)": the name the citizen gave, else the identity's
  /// name in this home, else the key id.
  private func shownTrustee(
    _ keyID: String, _ book: NameBook, _ here: [(name: String, keyID: String)]
  ) -> String {
    if book.name(of: keyID) != nil { return book.shown(keyID) }
    guard let name = here.first(where: { $0.keyID == keyID })?.name else { return keyID }
    return "\(name) (\(keyID.prefix(16))…)"
  }

  /// The form's choice checked as `procuration create` checks its options,
  /// with the app's words where the CLI's name an option; nothing typed is
  /// put in a message.
  private func check(_ choice: ProcurationChoice, _ acting: Acting) async throws
    -> CheckedProcuration
  {
    // To whom: an identity of kind trustee here, or the two keys; never both.
    let byKeys = !choice.toKey.isEmpty || !choice.toEncryptionKey.isEmpty
    guard choice.to.isEmpty != !byKeys else { throw AppWords.procurationWhoMissing }
    let person: PublicIdentity
    let named: String?
    if byKeys {
      guard !choice.toKey.isEmpty, !choice.toEncryptionKey.isEmpty else {
        throw AppWords.procurationWhoMissing
      }
      person = try TrusteeReference(
        to: nil, signingKey: choice.toKey, encryptionKey: choice.toEncryptionKey
      ).resolve(acting.home)
      named = nil
    } else {
      guard trusteesHere(acting).contains(where: { $0.name == choice.to }) else {
        throw AppWords.procurationNotATrustee
      }
      person = try TrusteeReference(to: choice.to, signingKey: nil, encryptionKey: nil).resolve(
        acting.home)
      named = choice.to
    }
    guard person.keyID != acting.identity.publicIdentity.keyID else {
      throw AppWords.procurationNotYourself
    }
    let once: Bool
    switch choice.kind {
    case "once": once = true
    case "personalised": once = false
    default: throw AppWords.procurationKindMissing
    }
    let actions = ProcurationAction.allCases.filter { choice.actions.contains($0.rawValue) }
    guard !actions.isEmpty, choice.actions.allSatisfy({ ProcurationAction(rawValue: $0) != nil })
    else { throw AppWords.procurationActionsMissing }
    var purposes: [Purpose] = []
    for text in choice.aids {
      guard let purpose = PurposeArgument.known(text) else { throw AppWords.procurationAidUnknown }
      if !purposes.contains(purpose) { purposes.append(purpose) }
    }
    let transport = try acting.transport(context.server, context.invocation)
    let rules = try await ClientRules.fetch(transport)
    let at: Administration?
    if choice.at.isEmpty {
      at = nil
    } else {
      guard let found = rules.registry.administrations.first(where: { $0.id.rawValue == choice.at })
      else { throw AppWords.procurationAdministrationUnknown }
      at = found
    }
    let circle: Circle?
    if choice.circle.isEmpty {
      circle = nil
    } else {
      guard let number = Int(choice.circle), let found = Circle(rawValue: number) else {
        throw AppWords.procurationCircleUnknown
      }
      circle = found
    }
    let range = once ? 1...30 : 1...366
    let days: Int
    if choice.days.isEmpty {
      days = once ? 7 : 90
    } else {
      guard let typed = Int(choice.days), range.contains(typed) else {
        throw
          once
          ? Message(Messages.procurationOnceDays.text, hint: AppWords.procurationOnceDaysHint)
          : Message(
            Messages.procurationPersonalisedDays.text,
            hint: AppWords.procurationPersonalisedDaysHint)
      }
      days = typed
    }
    let administration: Administration?
    if once {
      guard purposes.count == 1, let at else { throw AppWords.procurationOnceOneAid }
      guard circle == nil else { throw AppWords.procurationOnceNoCircle }
      administration = try rules.administration(named: at.id.rawValue, for: purposes[0])
    } else {
      guard !purposes.isEmpty || circle != nil else { throw AppWords.procurationScopeMissing }
      administration = at
    }
    let known = NameBook.read(acting).name(of: person.keyID) ?? named
    return CheckedProcuration(
      person: person, named: named,
      shown: known.map { "\($0) (\(person.keyID))" } ?? person.keyID, once: once,
      purposes: purposes, actions: actions, administration: administration, circle: circle,
      days: Int64(days))
  }

  private var procurationLabels: [String: String] {
    [
      "new": say(AppWords.procurationNew), "none": say(ProcurationWords.none),
      "kind": say(AppWords.procurationKind), "state": say(AppWords.procurationState),
      "may": say(AppWords.procurationMay), "for": say(AppWords.procurationFor),
      "with": say(AppWords.procurationWith), "fields": say(AppWords.procurationFields),
      "until": say(AppWords.until), "number": say(AppWords.procurationNumber),
      "sheet": say(AppWords.procurationSheet), "revoke": say(AppWords.revoke),
      "forGood": say(AppWords.forGood), "who": say(AppWords.procurationWho),
      "trustee": say(AppWords.procurationTrustee), "byKeys": say(AppWords.procurationByKeys),
      "toKey": say(AppWords.procurationToKey),
      "toEncryptionKey": say(AppWords.procurationToEncryptionKey),
      "keysHelp": say(AppWords.procurationKeysHelp),
      "oneShot": say(AppWords.procurationOneShotChoice),
      "personalised": say(AppWords.procurationPersonalisedChoice),
      "what": say(AppWords.procurationWhat), "aids": say(AppWords.procurationAids),
      "aidsHelp": say(AppWords.procurationAidsHelp), "at": say(AppWords.procurationAt),
      "circle": say(AppWords.procurationCircle), "noChoice": say(AppWords.procurationNoChoice),
      "days": say(AppWords.procurationDays), "see": say(AppWords.procurationSee),
      "never": say(AppWords.procurationNever),
      "withdrawAnyTime": say(AppWords.procurationWithdrawAnyTime),
      "give": say(AppWords.procurationGive), "change": say(AppWords.procurationChange),
      "giveReference": say(ProcurationWords.giveReference),
      "separately": say(ProcurationWords.separately), "back": say(AppWords.procurationBack),
    ]
  }
}

/// What the procuration form says, as typed: to whom, which kind, what, for
/// which aids, where, which circles, how long. Not yet checked.
struct ProcurationChoice {
  var to = ""
  var toKey = ""
  var toEncryptionKey = ""
  var kind = ""
  var actions: [String] = []
  var aids: [String] = []
  var at = ""
  var circle = ""
  var days = ""

  init() {}

  init(_ form: AppForm) {
    let trimmed: (String) -> String = {
      (form[$0] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
    to = trimmed("to")
    toKey = trimmed("to-key")
    toEncryptionKey = trimmed("to-encryption-key")
    kind = trimmed("kind")
    actions = form.all("action")
    aids = form.all("aid")
    at = trimmed("at")
    circle = trimmed("circle")
    days = trimmed("days")
  }

  /// The same choice, as hidden fields of the next form.
  var hidden: [[String: String]] {
    var fields = [
      ("to", to), ("to-key", toKey), ("to-encryption-key", toEncryptionKey), ("kind", kind),
      ("at", at), ("circle", circle), ("days", days),
    ]
    fields += actions.map { ("action", $0) } + aids.map { ("aid", $0) }
    return fields.map { ["name": $0.0, "value": $0.1] }
  }
}

/// A choice checked: who the person is, and exactly what they may do.
struct CheckedProcuration {
  let person: PublicIdentity
  /// The identity's name in this home, remembered once given.
  let named: String?
  /// "paul (k4.pid.…)", with the whole key id, as the CLI's preview shows it.
  let shown: String
  let once: Bool
  let purposes: [Purpose]
  let actions: [ProcurationAction]
  let administration: Administration?
  let circle: Circle?
  let days: Int64
}
