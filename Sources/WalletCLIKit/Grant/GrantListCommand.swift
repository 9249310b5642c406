import ArgumentParser
import PSPConsent
import PSPWallet
import WalletClient

struct GrantListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Show every permission you gave, and where it stands.",
    discussion: """
      Each grant is checked here against your own signature: one walletd made up
      would not be shown.

      Example:
        wallet-cli grant list --as maria
        wallet-cli grant list --as paul --on-behalf-of PSP-…
      """)

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL()
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
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let rules: StandardConsentRules
      var grants: [GrantEntry]
      if let onBehalfOf = trustee.onBehalfOf {
        let acted = try await OnBehalfOf.connect(onBehalfOf, home, actor, server, invocation)
        guard
          acted.procurations.contains(where: {
            $0.claims.actions.contains(.grant) || $0.claims.actions.contains(.update)
          })
        else { throw Messages.trusteeNotAllowed(.grant) }
        rules = try await ClientRules.fetch(acted.trustee.transport)
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
          grants.map {
            Listed(
              grant: $0.grant.id.rawValue, administration: rules.name(ofKeyID: $0.grant.grantee),
              purpose: $0.grant.claims.purpose.rawValue, kind: $0.grant.claims.kind.rawValue,
              state: $0.state.rawValue,
              fields: $0.grant.fields.map(\.rawValue), expires: Timestamp.rfc3339($0.grant.expires))
          })
      }
      guard !grants.isEmpty else {
        return invocation.line(
          fr: "Vous n'avez donné aucune permission.", en: "You have given no permission.")
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
        invocation.line(
          fr: "    \(grant.fields.count) donnée(s), \(uses), jusqu'au \(day)",
          en: "    \(grant.fields.count) field(s), \(uses), until \(day)")
        if let warning = entry.warning {
          let message = Messages.forged(warning)
          invocation.line(
            "    " + invocation.say(fr: "ATTENTION : ", en: "WARNING: ")
              + invocation.say(message.text))
          if let hint = message.hint { invocation.line("    " + invocation.say(hint)) }
        }
      }
    }
  }
}
