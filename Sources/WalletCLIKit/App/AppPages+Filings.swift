import Foundation
import Hummingbird
import PSPConsent
import PSPWallet
import WalletClient

/// The requests pages: every request and where it stands, and one request
/// with its steps, its decision, the reasons (opened here with the person's
/// key) and how to contest it — `filing list` and `filing show` in the browser.
extension AppPages {
  func registerFilings(on router: Router<AppRequestContext>) {
    router.get("/filings") { _, _ in try await filings(nil) }
    router.get("/filings/:filing") { request, context in
      let id = context.parameters.get("filing") ?? ""
      return try await filings(
        id, notice: request.uri.queryParameters.get("sent") != nil ? FilingWords.sent(id) : nil)
    }
  }

  func filings(_ selected: String?, notice: LocalizedText? = nil) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    var values = try await frame(acting)
    do {
      let citizen = try await acting.readableCitizen(context.server, context.invocation)
      let rules = try await ClientRules.fetch(citizen.transport)
      values["filings"] = try filingRows(try await citizen.filings(), selected, rules)
      values["detail"] = selected != nil
    } catch { return try await failed(error, acting) }
    values["labels"] = [
      "none": say(AppWords.noFiling), "filed": say(AppWords.filedOn),
      "contact": say(AppWords.contact), "steps": say(AppWords.steps),
      "reasons": say(AppWords.reasons), "recourse": say(AppWords.recourse),
      "unreadable": say(AppWords.unreadable), "openFiling": say(AppWords.openFiling),
      "sheet": say(AppWords.Sheets.sheetLink),
    ]
    if let notice { values["notice"] = say(notice) }
    if acting.identity.kind == .citizen, (try? acting.walletID()) != nil {
      values["newRequest"] = say(AppWords.newRequest)
    }
    return html(
      AppTemplates.page("filings", values, language: language, title: say(AppWords.filingsTitle)))
  }

  /// The requests, newest first, as `filing list` shows them; with `selected`
  /// only that one, as `filing show` shows it (its steps, reasons, recourse).
  /// The citizen's pages and the trusted person's alike.
  func filingRows(
    _ summaries: [FilingSummary], _ selected: String?, _ rules: StandardConsentRules
  ) throws -> [[String: Any]] {
    let invocation = context.invocation
    let all = summaries.sorted { $0.filing.filedAt > $1.filing.filedAt }
    let shown = selected.map { id in all.filter { $0.filing.id.rawValue == id } } ?? all
    if selected != nil, shown.isEmpty { throw Messages.filingNotFound }
    return shown.map { summary -> [String: Any] in
      let claims = summary.filing.claims
      var row: [String: Any] = [
        "id": summary.filing.id.rawValue,
        "aid": say(Words.aid(claims.purpose, rules.templates)),
        "administration": rules.name(ofKeyID: claims.administration),
        "filed": Words.day(summary.filing.filedAt, language),
        "standing": FilingSummaryText.standing(summary, invocation),
      ]
      if let contact = FilingSummaryText.contact(summary) { row["contact"] = contact }
      if selected != nil {
        row["steps"] = summary.timeline.steps.map {
          "\(Words.day($0.at, language)) — \($0.status.label(language))"
        }
        row["notes"] = summary.notes
        row["unreadable"] = summary.unreadableNotes > 0
        if let recourse = summary.recourse { row["recourse"] = recourse }
      }
      return row
    }
  }
}

extension AppWords {
  static let filingsTitle = LocalizedText(
    fr: "Mes demandes d'aide", en: "My requests for aid", de: "Meine Anträge auf Hilfe",
    pt: "Os meus pedidos de apoio")
  static let noFiling = LocalizedText(
    fr: "Aucune demande d'aide pour le moment.", en: "No request for an aid yet.",
    de: "Noch kein Antrag auf Hilfe.", pt: "Ainda nenhum pedido de apoio.")
  static let filedOn = LocalizedText(
    fr: "envoyée le", en: "filed on", de: "gestellt am", pt: "enviado a")
  static let contact = LocalizedText(fr: "Contact", en: "Contact", de: "Kontakt", pt: "Contacto")
  static let steps = LocalizedText(fr: "Étapes", en: "Steps", de: "Schritte", pt: "Etapas")
  static let reasons = LocalizedText(fr: "Motifs", en: "Reasons", de: "Gründe", pt: "Motivos")
  static let recourse = LocalizedText(
    fr: "Recours", en: "Recourse", de: "Rechtsbehelf", pt: "Recurso")
  static let unreadable = LocalizedText(
    fr:
      "Un message de l'administration ne s'ouvre pas avec votre clé. Demandez les motifs sur papier, et prévenez l'opérateur.",
    en:
      "A message from the administration does not open with your key. Ask for the reasons on paper, and tell the operator.",
    de:
      "Eine Nachricht der Behörde öffnet sich nicht mit Ihrem Schlüssel. Verlangen Sie die Gründe auf Papier, und informieren Sie den Betreiber.",
    pt:
      "Uma mensagem da administração não abre com a sua chave. Peça os motivos em papel, e avise o operador."
  )
  static let openFiling = LocalizedText(
    fr: "Voir la demande", en: "See the request", de: "Den Antrag sehen", pt: "Ver o pedido")
}

extension AppTemplates {
  static let filings = """
    {{#newRequest}}<p><a href="/filings/new">{{newRequest}}</a></p>{{/newRequest}}
    {{^filings}}<p>{{labels.none}}</p>{{/filings}}
    {{> filingSections}}
    """

  /// Each request and where it stands, one section each (partial
  /// `filingSections`); its steps, reasons and recourse once opened. The
  /// printable sheet's link where the page has one; `{{base}}` is the wallet
  /// acted for on a trusted person's page, nothing on the citizen's own.
  static let filingSections = """
    {{#filings}}<section><h2>{{aid}} — {{administration}}</h2>
    <p>{{labels.filed}} {{filed}}</p>
    <p>{{standing}}</p>
    {{#contact}}<p>{{labels.contact}} : {{contact}}</p>{{/contact}}
    {{#labels.sheet}}
    <p><a href="/sheets/filing/{{id}}">{{labels.sheet}}</a></p>
    {{/labels.sheet}}
    {{#detail}}<h3>{{labels.steps}}</h3><ol>{{#steps}}<li>{{.}}</li>{{/steps}}</ol>
    {{#notes}}<p><strong>{{labels.reasons}}</strong> — {{.}}</p>{{/notes}}
    {{#unreadable}}<p class="error" role="alert">{{labels.unreadable}}</p>{{/unreadable}}
    {{#recourse}}<p><strong>{{labels.recourse}}</strong> — {{recourse}}</p>{{/recourse}}{{/detail}}
    {{^detail}}<p><a href="{{base}}/filings/{{id}}">{{labels.openFiling}}</a></p>{{/detail}}
    </section>{{/filings}}

    """
}
