import ArgumentParser
import PSPConsent
import WalletClient

struct FilingShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one request: its steps, the decision, its reasons and how to contest it.",
    discussion: """
      The reasons of a decision are sealed to you by the administration: only you
      can read them.

      Example:
        wallet-cli filing show FILING_ID
        wallet-cli filing show FILING_ID --as paul --on-behalf-of PSP-…
      """)

  @Argument(help: ArgumentHelp("The request's number, from 'filing list'.", valueName: "filing-id"))
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
      invocation.line(fr: "Demande \(summary.filing.id)", en: "Request \(summary.filing.id)")
      invocation.line(
        fr: "  Aide : \(Words.aid(claims.purpose, rules.templates).fr)",
        en: "  Aid: \(Words.aid(claims.purpose, rules.templates).en)")
      invocation.line(
        fr: "  Administration : \(rules.name(ofKeyID: claims.administration))",
        en: "  Administration: \(rules.name(ofKeyID: claims.administration))")
      invocation.line(
        fr: "  Où elle en est : \(FilingSummaryText.standing(summary, invocation))",
        en: "  Where it stands: \(FilingSummaryText.standing(summary, invocation))")
      if let contact = FilingSummaryText.contact(summary) {
        invocation.line(fr: "  Contact : \(contact)", en: "  Contact: \(contact)")
      }
      invocation.line(fr: "  Étapes :", en: "  Steps:")
      for step in summary.timeline.steps {
        invocation.line(
          "    \(Words.day(step.at, language)) — \(step.status.label(invocation.language))")
      }
      for note in summary.notes {
        invocation.line(fr: "  Motifs : \(note)", en: "  Reasons: \(note)")
      }
      if summary.unreadableNotes > 0 {
        invocation.line(
          fr:
            "  Motifs : ILLISIBLES — \(summary.unreadableNotes) message(s) de l'administration ne s'ouvre(nt) pas avec votre clé (scellé(s) à une autre clé que la vôtre).",
          en:
            "  Reasons: UNREADABLE — \(summary.unreadableNotes) message(s) from the administration do not open with your key (sealed to a key other than yours)."
        )
        invocation.line(
          fr:
            "  Demandez à l'administration de vous donner les motifs sur papier, et prévenez l'opérateur.",
          en: "  Ask the administration for the reasons on paper, and tell the operator.")
      }
      if let recourse = summary.recourse {
        invocation.line(fr: "  Recours : \(recourse)", en: "  Recourse: \(recourse)")
      }
    }
  }
}
