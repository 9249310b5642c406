import Foundation
import Hummingbird
import PSPConsent
import PSPWallet
import WalletAPI
import WalletClient

/// A request for an aid, filed by the citizen: the administration and the
/// aid chosen, what it will be able to read once shown field by field, then
/// sent — `filing create` in the browser. The receipt (the proof that the
/// request is in the log the witnesses confirm) is kept as the CLI keeps it.
extension AppPages {
  func registerRequest(on router: Router<AppRequestContext>) {
    router.get("/filings/new") { request, _ in
      try await newRequest(request.uri.queryParameters.get("choice"))
    }
    router.post("/filings/new") { request, _ in try await sendRequest(request) }
  }

  func newRequest(_ choice: String?) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .citizen else { return redirect("/") }
    var values = try await frame(acting)
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      let rules = try await ClientRules.fetch(citizen.transport)
      values["choices"] = aidChoices(rules, selected: choice)
      if let choice, !choice.isEmpty {
        let (target, purpose, template) = try await chosen(choice, acting)
        let preview = try aidPreview(template, held: try await citizen.records().map(\.field))
        values["preview"] = [
          "choice": choice,
          "intro": say(FilingWords.intro(purpose, to: target.name, count: preview.fields.count)),
          "fields": GrantPreview.labels(preview.fields, language),
          "notHeld": GrantPreview.labels(preview.notHeld, language),
          "hasNotHeld": !preview.notHeld.isEmpty,
        ]
      }
    } catch { return try await failed(error, acting) }
    values["labels"] = [
      "choose": say(AppWords.chooseAid), "see": say(AppWords.seeWhat),
      "notHeld": say(FilingWords.notHeld), "question": say(FilingWords.sendQuestion),
      "send": say(AppWords.sendRequest),
    ]
    return html(
      AppTemplates.page("request", values, language: language, title: say(AppWords.newRequest)))
  }

  func sendRequest(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .citizen else { return redirect("/") }
    let filing: FilingView
    do {
      let (target, purpose, template) = try await chosen(form["choice"] ?? "", acting)
      let citizen = try await acting.citizen(context.server, context.invocation)
      let preview = try aidPreview(template, held: try await citizen.records().map(\.field))
      filing = try await citizen.file(
        purpose: purpose, at: target.id.rawValue, fields: preview.fields, at: now)
      // The client checked the receipt before returning the filing.
      _ = try Receipts.keep(
        filing.receipt ?? "", home: acting.home, name: acting.name, wallet: citizen.walletID,
        statement: filing.id)
    } catch { return try await failed(error, acting) }
    return redirect("/filings/\(filing.id.rawValue)?sent=1")
  }
}

extension AppWords {
  static let newRequest = LocalizedText(
    fr: "Faire une demande d'aide", en: "Ask for an aid", de: "Eine Hilfe beantragen",
    pt: "Pedir um apoio")
  static let sendRequest = LocalizedText(
    fr: "Envoyer cette demande", en: "Send this request", de: "Diesen Antrag schicken",
    pt: "Enviar este pedido")
}

extension AppTemplates {
  static let request = """
    <form method="get" action="/filings/new">
    <label for="choice">{{labels.choose}}</label>
    <select id="choice" name="choice">{{#choices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/choices}}</select>
    <p><button type="submit">{{labels.see}}</button></p>
    </form>
    {{#preview}}<section><h2>{{labels.question}}</h2>
    <p>{{intro}}</p><ul>{{#fields}}<li>{{.}}</li>{{/fields}}</ul>
    {{#hasNotHeld}}<p>{{labels.notHeld}}</p><ul>{{#notHeld}}<li>{{.}}</li>{{/notHeld}}</ul>{{/hasNotHeld}}
    <form method="post" action="/filings/new">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="choice" value="{{choice}}">
    <p><button type="submit">{{labels.send}}</button></p>
    </form></section>{{/preview}}

    """
}
