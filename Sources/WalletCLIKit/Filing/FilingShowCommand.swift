import ArgumentParser
import PSPConsent
import WalletClient

struct FilingShowCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "show",
      abstract: helpText(
        fr: "Montrer une demande : ses étapes, la décision, ses motifs et comment la contester.",
        en: "Show one request: its steps, the decision, its reasons and how to contest it.",
        de:
          "Einen Antrag zeigen: seine Schritte, die Entscheidung, ihre Gründe und wie man sie anficht.",
        pt: "Mostrar um pedido: os seus passos, a decisão, os seus motivos e como a contestar."),
      discussion: helpText(
        fr: """
          Les motifs d'une décision vous sont scellés par l'administration : vous seul
          pouvez les lire.

          Exemple :
            wallet-cli filing show FILING_ID
            wallet-cli filing show FILING_ID --as paul --on-behalf-of PSP-…
          """,
        en: """
          The reasons of a decision are sealed to you by the administration: only you
          can read them.

          Example:
            wallet-cli filing show FILING_ID
            wallet-cli filing show FILING_ID --as paul --on-behalf-of PSP-…
          """,
        de: """
          Die Gründe einer Entscheidung werden von der Behörde für Sie versiegelt: Nur
          Sie können sie lesen.

          Beispiel:
            wallet-cli filing show FILING_ID
            wallet-cli filing show FILING_ID --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Os motivos de uma decisão são selados pela administração só para si: mais
          ninguém os pode ler.

          Exemplo:
            wallet-cli filing show FILING_ID
            wallet-cli filing show FILING_ID --as paul --on-behalf-of PSP-…
          """))
  }

  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "Le numéro de la demande, donné par 'filing list'.",
        en: "The request's number, from 'filing list'.",
        de: "Die Nummer des Antrags, aus 'filing list'.",
        pt: "O número do pedido, dado por 'filing list'."),
      valueName: "filing-id"))
  var filingID: String

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    try trustee.validate(output)
    guard (try? StatementID(filingID)) != nil else {
      throw usageError(Messages.filingNotFound, output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let (filings, rules) = try await FilingReading.read(
        trustee.onBehalfOf, home, actor, server, invocation)
      guard let summary = filings.first(where: { $0.filing.id.rawValue == filingID }) else {
        throw Messages.filingNotFound
      }
      if invocation.json {
        return try invocation.printJSON(FilingSummaryText(summary, rules: rules))
      }
      let claims = summary.filing.claims
      let language = invocation.language
      let id = summary.filing.id
      invocation.line(
        fr: "Demande \(id)", en: "Request \(id)", de: "Antrag \(id)", pt: "Pedido \(id)")
      let aid = invocation.say(Words.aid(claims.purpose, rules.templates))
      invocation.line(
        fr: "  Aide : \(aid)", en: "  Aid: \(aid)", de: "  Hilfe: \(aid)", pt: "  Apoio: \(aid)")
      let administration = rules.name(ofKeyID: claims.administration)
      invocation.line(
        fr: "  Administration : \(administration)",
        en: "  Administration: \(administration)",
        de: "  Behörde: \(administration)",
        pt: "  Administração: \(administration)")
      let standing = FilingSummaryText.standing(summary, invocation)
      invocation.line(
        fr: "  Où elle en est : \(standing)",
        en: "  Where it stands: \(standing)",
        de: "  Stand: \(standing)",
        pt: "  Em que ponto está: \(standing)")
      if let contact = FilingSummaryText.contact(summary) {
        invocation.line(
          fr: "  Contact : \(contact)", en: "  Contact: \(contact)", de: "  Kontakt: \(contact)",
          pt: "  Contacto: \(contact)")
      }
      invocation.line(fr: "  Étapes :", en: "  Steps:", de: "  Schritte:", pt: "  Passos:")
      for step in summary.timeline.steps {
        invocation.line(
          "    \(Words.day(step.at, language)) — \(step.status.label(invocation.language))")
      }
      for note in summary.notes {
        invocation.line(
          fr: "  Motifs : \(note)", en: "  Reasons: \(note)", de: "  Gründe: \(note)",
          pt: "  Motivos: \(note)")
      }
      if summary.unreadableNotes > 0 {
        let count = summary.unreadableNotes
        invocation.line(
          fr:
            "  Motifs : ILLISIBLES — \(count) message(s) de l'administration ne s'ouvre(nt) pas avec votre clé (scellé(s) à une autre clé que la vôtre).",
          en:
            "  Reasons: UNREADABLE — \(count) message(s) from the administration do not open with your key (sealed to a key other than yours).",
          de:
            "  Gründe: UNLESBAR — \(count) Nachricht(en) der Behörde lassen sich nicht mit Ihrem Schlüssel öffnen (für einen anderen Schlüssel als Ihren versiegelt).",
          pt:
            "  Motivos: ILEGÍVEIS — \(count) mensagem(ns) da administração não abre(m) com a sua chave (selada(s) para outra chave que não a sua)."
        )
        invocation.line(
          fr:
            "  Demandez à l'administration de vous donner les motifs sur papier, et prévenez l'opérateur.",
          en: "  Ask the administration for the reasons on paper, and tell the operator.",
          de: "  Bitten Sie die Behörde um die Gründe auf Papier, und sagen Sie es dem Betreiber.",
          pt: "  Peça à administração os motivos em papel e avise o operador.")
      }
      if let recourse = summary.recourse {
        invocation.line(
          fr: "  Recours : \(recourse)", en: "  Recourse: \(recourse)",
          de: "  Rechtsbehelf: \(recourse)", pt: "  Recurso: \(recourse)")
      }
    }
  }
}
