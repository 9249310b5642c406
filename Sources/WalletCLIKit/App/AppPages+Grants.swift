import Foundation
import Hummingbird
import PSPConsent
import PSPWallet
import WalletClient

/// The permissions pages: the list with pause, resume and withdraw (a
/// withdrawal asks to tick that it is for good), and a new permission shown
/// field by field before it is given — `grant list`, `grant pause|resume|
/// revoke`, `grant create` in the browser.
extension AppPages {
  func registerGrants(on router: Router<AppRequestContext>) {
    router.get("/grants") { request, _ in
      try await grants(notice: request.uri.queryParameters.get("done") != nil ? AppWords.done : nil)
    }
    router.get("/grants/new") { request, _ in
      try await preview(request.uri.queryParameters.get("choice") ?? "")
    }
    router.post("/grants") { request, _ in try await give(request) }
    router.post("/grants/change") { request, _ in try await change(request) }
  }

  func grants(notice: LocalizedText? = nil, error: Message? = nil) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    var values = try await frame(acting)
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      let rules = try await ClientRules.fetch(citizen.transport)
      let entries = try await citizen.grants().sorted { $0.grant.issuedAt > $1.grant.issuedAt }
      values["grants"] = entries.map { grantRow($0, rules) }
      values["choices"] = aidChoices(rules)
    } catch { return try await failed(error, acting) }
    values["labels"] = grantLabels
    if let notice { values["notice"] = say(notice) }
    if let error { tell(error, in: &values) }
    return html(
      AppTemplates.page("grants", values, language: language, title: say(AppWords.grants)))
  }

  /// What the administration will read, before anything is signed.
  func preview(_ choice: String) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    var values = try await frame(acting)
    do {
      let (target, purpose, template) = try await chosen(choice, acting)
      let citizen = try await acting.citizen(context.server, context.invocation)
      let preview = try aidPreview(template, held: try await citizen.records().map(\.field))
      showGrantPreview(
        choice, target, purpose, preview, days: Self.grantDays(template), in: &values)
    } catch { return try await failed(error, acting) }
    values["labels"] = grantLabels
    return html(AppTemplates.page("grant", values, language: language, title: say(AppWords.grants)))
  }

  func give(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    do {
      let (target, purpose, template) = try await chosen(form["choice"] ?? "", acting)
      let citizen = try await acting.citizen(context.server, context.invocation)
      let preview = try aidPreview(template, held: try await citizen.records().map(\.field))
      let days = Self.grantDays(template)
      _ = try await citizen.grant(
        to: target.id.rawValue, purpose: purpose, fields: preview.fields, kind: .durable,
        days: days, at: now)
    } catch { return try await failed(error, acting) }
    return redirect("/grants?done=1")
  }

  func change(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    let actions: [String: StatusAction] = ["pause": .pause, "resume": .resume, "revoke": .revoke]
    guard let action = actions[form["action"] ?? ""] else { return try await grants() }
    if action == .revoke, form["confirm"] != "yes" {
      return try await grants(error: Messages.notConfirmed)
    }
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      guard
        let grant = try await citizen.grants().first(where: {
          $0.grant.id.rawValue == form["grant"]
        })?.grant
      else { throw Messages.grantNotFound }
      try await citizen.change(grant, action, at: now)
    } catch { return try await failed(error, acting) }
    return redirect("/grants?done=1")
  }

  /// One permission as `grant list` shows it: to whom, for which aid, its
  /// state, how many fields until when, a forged one's warning; pause,
  /// resume and withdraw while it is active or paused.
  func grantRow(_ entry: GrantEntry, _ rules: StandardConsentRules) -> [String: Any] {
    let grant = entry.grant
    var row: [String: Any] = [
      "id": grant.id.rawValue, "administration": rules.name(ofKeyID: grant.grantee),
      "aid": say(Words.aid(grant.claims.purpose, rules.templates)),
      "state": say(Words.grantState(entry.state)),
      "count": grant.fields.count, "until": Words.day(grant.expires, language),
      "active": entry.state == .active, "paused": entry.state == .paused,
      "changeable": entry.state == .active || entry.state == .paused,
    ]
    if let warning = entry.warning { row["warning"] = say(Messages.forged(warning).text) }
    return row
  }

  /// What the partial `grantPreview` shows: to whom, for which aid, the
  /// fields it will read and those not filled in, until when.
  func showGrantPreview(
    _ choice: String, _ target: Administration, _ purpose: Purpose, _ preview: GrantPreview,
    days: Int64, in values: inout [String: Any]
  ) {
    values["choice"] = choice
    values["administration"] = target.name
    values["aid"] = say(Words.aid(purpose))
    values["fieldsShown"] = GrantPreview.labels(preview.fields, language)
    values["notHeld"] = GrantPreview.labels(preview.notHeld, language)
    values["hasNotHeld"] = !preview.notHeld.isEmpty
    values["until"] = Words.day(now + days * 86_400, language)
  }

  /// What the aid reads among the fields held, as `grant create` and
  /// `filing create` show it before anything is signed; an aid that would
  /// read none of them is refused.
  func aidPreview(_ template: AidTemplate, held: [FieldID]) throws(Message) -> GrantPreview {
    let preview = GrantPreview(template, held: Set(held))
    guard !preview.fields.isEmpty else { throw Messages.noFieldForAid }
    return preview
  }

  /// How many days a permission given here lasts: as long as the aid
  /// allows, 90 at the most.
  static func grantDays(_ template: AidTemplate) -> Int64 {
    Int64(min(90, template.maximalValidityDays[.durable] ?? 90))
  }

  /// Every registered administration with each aid it may process (and
  /// that `fits`: what a procuration allows), as "fns|allocation-vie-chere"
  /// choices of a `<select>`.
  func aidChoices(
    _ rules: StandardConsentRules, selected: String? = nil,
    fits: (Purpose, Administration) -> Bool = { _, _ in true }
  ) -> [[String: Any]] {
    rules.registry.administrations.flatMap { administration in
      rules.templates.purposes.filter {
        administration.mayProcess(purpose: $0)
          && rules.templates[$0]?.mayBeProcessed(by: administration.kind) == true
          && fits($0, administration)
      }.map { purpose -> [String: Any] in
        let value = "\(administration.id.rawValue)|\(purpose.rawValue)"
        return [
          "value": value, "selected": value == selected,
          "label": "\(administration.name) — \(say(Words.aid(purpose, rules.templates)))",
        ]
      }
    }
  }

  /// "fns|allocation-vie-chere": a registered administration and an aid it
  /// may process, checked as the CLI checks them.
  func chosen(_ choice: String, _ acting: Acting) async throws -> (
    Administration, Purpose, AidTemplate
  ) {
    try await chosen(choice, through: acting.transport(context.server, context.invocation))
  }

  /// The same, with the rules read through `transport` (a trusted person's
  /// own connection, say).
  func chosen(_ choice: String, through transport: @autoclosure () throws -> Transport) async throws
    -> (Administration, Purpose, AidTemplate)
  {
    let parts = choice.split(separator: "|").map(String.init)
    guard parts.count == 2, let purpose = PurposeArgument.known(parts[1]) else {
      throw Messages.unknownPurpose(parts.last ?? choice)
    }
    let rules = try await ClientRules.fetch(try transport())
    let target = try rules.administration(named: parts[0], for: purpose)
    guard let template = rules.templates[purpose] else {
      throw Messages.unknownPurpose(purpose.rawValue)
    }
    return (target, purpose, template)
  }

  private var grantLabels: [String: String] {
    [
      "newGrant": say(AppWords.newGrant), "choose": say(AppWords.chooseAid),
      "see": say(AppWords.seeWhat), "give": say(AppWords.give), "pause": say(AppWords.pause),
      "resume": say(AppWords.resume), "revoke": say(AppWords.revoke),
      "forGood": say(AppWords.forGood), "none": say(AppWords.noGrant),
      "fields": say(AppWords.fieldsCount), "until": say(AppWords.until),
      "willRead": say(AppWords.willRead), "notHeld": say(GrantPreview.notHeldNotice),
      "takeBack": say(GrantPreview.takeBack), "sheet": say(AppWords.Sheets.sheetLink),
    ]
  }
}
