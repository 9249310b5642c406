import ArgumentParser
import PSPConsent
import PSPWallet
import WalletClient

/// `wallet-cli administrations`: who is registered on walletd, for which aid,
/// and how to reach them. Anyone may ask; each certificate is checked against
/// the registration authorities pinned in the folder.
struct AdministrationsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "administrations",
    abstract: "List the administrations registered, their aids and their contact.",
    discussion: """
      Use the number in the first line (for example adem) after --to or --at.
      Each administration's certificate is checked against the registration
      authorities you trust ('trust registrar'). No identity is needed.

      Example:
        wallet-cli administrations
      """)

  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL() }

  struct Contact: Encodable {
    let service: String
    let phone: String?
    let email: String?
  }

  struct Registered: Encodable {
    let id: String
    let name: String
    let kind: String
    let purposes: [String]
    let contact: Contact
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let folder = Home(home, environment: invocation.environment)
      let registrars = try Registrars.pinned(try HomeState.read(folder), invocation.environment)
      let rules = try await ClientRules.registered(
        baseURL: server.url(invocation.environment), registrars: registrars)
      let administrations = rules.registry.administrations
      if invocation.json {
        return try invocation.printJSON(
          administrations.map { one in
            Registered(
              id: one.id.rawValue, name: one.name, kind: one.kind.rawValue,
              purposes: one.purposes.map(\.rawValue).sorted(),
              contact: Contact(
                service: one.contact.service, phone: one.contact.phone, email: one.contact.email))
          })
      }
      guard !administrations.isEmpty else {
        return invocation.line(
          fr: "Aucune administration n'est inscrite.", en: "No administration is registered.")
      }
      for (index, one) in administrations.enumerated() {
        if index > 0 { invocation.line() }
        invocation.line("\(one.name) (\(one.id.rawValue))")
        invocation.line(fr: "  type : \(one.kind.rawValue)", en: "  kind: \(one.kind.rawValue)")
        for purpose in one.purposes.sorted(by: { $0.rawValue < $1.rawValue }) {
          let aid = invocation.say(Words.aid(purpose, rules.templates))
          invocation.line(
            fr: "  aide : \(aid) (\(purpose.rawValue))", en: "  aid: \(aid) (\(purpose.rawValue))")
          if let basis = rules.templates[purpose]?.legalBasis {
            invocation.line(fr: "    base légale : \(basis)", en: "    legal basis: \(basis)")
          }
        }
        let reach = [one.contact.service, one.contact.phone, one.contact.email].compactMap { $0 }
          .joined(separator: ", ")
        invocation.line(fr: "  contact : \(reach)", en: "  contact: \(reach)")
      }
    }
  }
}
