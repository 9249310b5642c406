import ArgumentParser
import PSPConsent
import PSPWallet
import WalletClient

struct GrantListCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "list",
      abstract: helpText(
        fr: "Montrer toutes les permissions que vous avez données, et où elles en sont.",
        en: "Show every permission you gave, and where it stands.",
        de: "Alle Erlaubnisse zeigen, die Sie gegeben haben, und wie es um sie steht.",
        pt: "Mostrar todas as autorizações que deu, e em que ponto estão."),
      discussion: helpText(
        fr: """
          Chaque permission est vérifiée ici avec votre propre signature : une
          permission inventée par walletd ne serait pas montrée.

          Exemple :
            wallet-cli grant list --as maria
            wallet-cli grant list --as paul --on-behalf-of PSP-…
          """,
        en: """
          Each grant is checked here against your own signature: one walletd made up
          would not be shown.

          Example:
            wallet-cli grant list --as maria
            wallet-cli grant list --as paul --on-behalf-of PSP-…
          """,
        de: """
          Jede Erlaubnis wird hier mit Ihrer eigenen Unterschrift geprüft: Eine
          Erlaubnis, die walletd erfunden hat, würde nicht gezeigt.

          Beispiel:
            wallet-cli grant list --as maria
            wallet-cli grant list --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Cada autorização é verificada aqui com a sua própria assinatura: uma
          autorização inventada pelo walletd não seria mostrada.

          Exemplo:
            wallet-cli grant list --as maria
            wallet-cli grant list --as paul --on-behalf-of PSP-…
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

  struct Listed: Encodable {
    let grant: String
    let administration: String
    let purpose: String
    let kind: String
    let state: String
    let fields: [String]
    let expires: String
    /// For a trusted person only: "trustee" (they gave it) or "citizen".
    var givenBy: String? = nil
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let rules: StandardConsentRules
      var grants: [GrantEntry]
      // For a trusted person: their own key id, to tell the grants they gave.
      var trusteeKeyID: String? = nil
      if let onBehalfOf = trustee.onBehalfOf {
        let acted = try await OnBehalfOf.connect(onBehalfOf, home, actor, server, invocation)
        guard
          acted.procurations.contains(where: {
            $0.claims.actions.contains(.grant) || $0.claims.actions.contains(.update)
          })
        else { throw Messages.trusteeNotAllowed(.grant) }
        rules = try await ClientRules.fetch(acted.trustee.transport)
        trusteeKeyID = acted.trustee.transport.identity.publicIdentity.keyID
        grants = try await acted.trustee.grants(
          wallet: acted.wallet, ownerKey: acted.owner, procurations: acted.procurations)
      } else {
        let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
        let citizen = try await acting.citizen(server, invocation)
        rules = try await ClientRules.fetch(citizen.transport)
        grants = try await citizen.grants()
      }
      grants.sort { $0.grant.issuedAt > $1.grant.issuedAt }
      if invocation.json {
        return try invocation.printJSON(
          grants.map { entry in
            let grant = entry.grant
            return Listed(
              grant: grant.id.rawValue, administration: rules.name(ofKeyID: grant.grantee),
              purpose: grant.claims.purpose.rawValue, kind: grant.claims.kind.rawValue,
              state: entry.state.rawValue,
              fields: grant.fields.map(\.rawValue), expires: Timestamp.rfc3339(grant.expires),
              givenBy: trusteeKeyID.map { grant.claims.iss == $0 ? "trustee" : "citizen" })
          })
      }
      guard !grants.isEmpty else {
        if trusteeKeyID != nil {
          return invocation.line(
            fr: "Ce portefeuille n'a aucune permission.", en: "This wallet has no permission.",
            de: "Diese Brieftasche hat keine Erlaubnis.", pt: "Esta carteira não tem autorizações.")
        }
        return invocation.line(
          fr: "Vous n'avez donné aucune permission.", en: "You have given no permission.",
          de: "Sie haben keine Erlaubnis gegeben.", pt: "Não deu nenhuma autorização.")
      }
      let language = invocation.language
      for entry in grants {
        let (grant, state) = (entry.grant, entry.state)
        let aid = invocation.say(Words.aid(grant.claims.purpose, rules.templates))
        invocation.line(
          "\(grant.id) — \(rules.name(ofKeyID: grant.grantee)) — \(aid) — \(invocation.say(Words.grantState(state)))"
        )
        let uses = invocation.say(Words.grantKind(grant.claims.kind))
        let day = Words.day(grant.expires, language)
        let count = grant.fields.count
        invocation.line(
          fr: "    \(count) donnée(s), \(uses), jusqu'au \(day)",
          en: "    \(count) field(s), \(uses), until \(day)",
          de: "    \(count) Angabe(n), \(uses), bis zum \(day)",
          pt: "    \(count) dado(s), \(uses), até \(day)")
        if let trusteeKeyID {
          if grant.claims.iss == trusteeKeyID {
            invocation.line(
              fr: "    Permission donnée par vous.", en: "    Permission given by you.",
              de: "    Erlaubnis von Ihnen gegeben.", pt: "    Autorização dada por si.")
          } else {
            invocation.line(
              fr: "    Permission donnée par la personne.",
              en: "    Permission given by the person.",
              de: "    Erlaubnis von der Person gegeben.", pt: "    Autorização dada pela pessoa.")
          }
        }
        if let warning = entry.warning {
          let message = Messages.forged(warning)
          invocation.line(
            "    "
              + invocation.say(
                fr: "ATTENTION : ", en: "WARNING: ", de: "ACHTUNG: ", pt: "ATENÇÃO: ")
              + invocation.say(message.text))
          if let hint = message.hint { invocation.line("    " + invocation.say(hint)) }
        }
      }
    }
  }
}
