import ArgumentParser
import PSPConsent
import WalletClient

struct FilingListCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "list",
      abstract: helpText(
        fr: "Montrer chaque demande d'aide, où elle en est et quand une décision est attendue.",
        en: "Show every request for an aid, where it stands and when a decision is due.",
        de:
          "Jeden Antrag auf Hilfe zeigen, wie weit er ist und bis wann eine Entscheidung fällig ist.",
        pt: "Mostrar cada pedido de apoio, em que ponto está e até quando deve haver uma decisão."),
      discussion: helpText(
        fr: """
          Chaque demande et chaque réponse est vérifiée avec les signatures de ceux qui
          les ont faites.

          Exemple :
            wallet-cli filing list --as maria
            wallet-cli filing list --as paul --on-behalf-of PSP-…
          """,
        en: """
          Each request and each answer is checked against the signatures of who made
          them.

          Example:
            wallet-cli filing list --as maria
            wallet-cli filing list --as paul --on-behalf-of PSP-…
          """,
        de: """
          Jeder Antrag und jede Antwort wird mit den Unterschriften derer geprüft, die
          sie gemacht haben.

          Beispiel:
            wallet-cli filing list --as maria
            wallet-cli filing list --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Cada pedido e cada resposta é verificado com as assinaturas de quem os fez.

          Exemplo:
            wallet-cli filing list --as maria
            wallet-cli filing list --as paul --on-behalf-of PSP-…
          """))
  }

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    try trustee.validate(output)
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let (read, rules) = try await FilingReading.read(
        trustee.onBehalfOf, home, actor, server, invocation)
      let filings = read.sorted { $0.filing.filedAt > $1.filing.filedAt }
      if invocation.json {
        return try invocation.printJSON(filings.map { FilingSummaryText($0, rules: rules) })
      }
      guard !filings.isEmpty else {
        return invocation.line(
          fr: "Aucune demande d'aide pour le moment.", en: "No request for an aid yet.",
          de: "Noch kein Antrag auf Hilfe.", pt: "Ainda não há nenhum pedido de apoio.")
      }
      for summary in filings {
        let claims = summary.filing.claims
        let aid = invocation.say(Words.aid(claims.purpose, rules.templates))
        invocation.line(
          "\(summary.filing.id) — \(aid) — \(rules.name(ofKeyID: claims.administration))")
        let day = Words.day(summary.filing.filedAt, invocation.language)
        invocation.line(
          fr: "    envoyée le \(day)", en: "    filed on \(day)", de: "    geschickt am \(day)",
          pt: "    enviado em \(day)")
        invocation.line("    " + FilingSummaryText.standing(summary, invocation))
        if let contact = FilingSummaryText.contact(summary) {
          invocation.line(
            fr: "    contact : \(contact)", en: "    contact: \(contact)",
            de: "    Kontakt: \(contact)", pt: "    contacto: \(contact)")
        }
      }
    }
  }
}
