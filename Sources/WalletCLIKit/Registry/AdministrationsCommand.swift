import ArgumentParser
import PSPConsent
import PSPWallet
import WalletClient

/// `wallet-cli administrations`: who is registered on walletd, for which aid,
/// and how to reach them. Anyone may ask; each certificate is checked against
/// the registration authorities pinned in the folder.
struct AdministrationsCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "administrations",
      abstract: helpText(
        fr: "Lister les administrations inscrites, leurs aides et leur contact.",
        en: "List the administrations registered, their aids and their contact.",
        de: "Die eingetragenen Behörden auflisten, ihre Hilfen und ihren Kontakt.",
        pt: "Listar as administrações registadas, os seus apoios e o seu contacto."),
      discussion: helpText(
        fr: """
          Utilisez le numéro de la première ligne (par exemple adem) après --to ou
          --at. Le certificat de chaque administration est vérifié avec les autorités
          d'enregistrement auxquelles vous faites confiance ('trust registrar').
          Aucune identité n'est nécessaire.

          Exemple :
            wallet-cli administrations
          """,
        en: """
          Use the number in the first line (for example adem) after --to or --at.
          Each administration's certificate is checked against the registration
          authorities you trust ('trust registrar'). No identity is needed.

          Example:
            wallet-cli administrations
          """,
        de: """
          Verwenden Sie die Nummer in der ersten Zeile (zum Beispiel adem) nach --to
          oder --at. Das Zertifikat jeder Behörde wird mit den Registrierungsstellen
          geprüft, denen Sie vertrauen ('trust registrar'). Keine Identität ist nötig.

          Beispiel:
            wallet-cli administrations
          """,
        pt: """
          Use o número da primeira linha (por exemplo adem) depois de --to ou --at.
          O certificado de cada administração é verificado com as autoridades de
          registo em que confia ('trust registrar'). Não é precisa nenhuma identidade.

          Exemplo:
            wallet-cli administrations
          """))
  }

  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL(output) }

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
          fr: "Aucune administration n'est inscrite.", en: "No administration is registered.",
          de: "Keine Behörde ist eingetragen.", pt: "Nenhuma administração está registada.")
      }
      for (index, one) in administrations.enumerated() {
        if index > 0 { invocation.line() }
        invocation.line("\(one.name) (\(one.id.rawValue))")
        invocation.line(
          fr: "  type : \(one.kind.rawValue)", en: "  kind: \(one.kind.rawValue)",
          de: "  Art: \(one.kind.rawValue)", pt: "  tipo: \(one.kind.rawValue)")
        for purpose in one.purposes.sorted(by: { $0.rawValue < $1.rawValue }) {
          let aid = invocation.say(Words.aid(purpose, rules.templates))
          invocation.line(
            fr: "  aide : \(aid) (\(purpose.rawValue))", en: "  aid: \(aid) (\(purpose.rawValue))",
            de: "  Hilfe: \(aid) (\(purpose.rawValue))", pt: "  apoio: \(aid) (\(purpose.rawValue))"
          )
          if let basis = rules.templates[purpose]?.legalBasis {
            invocation.line(
              fr: "    base légale : \(basis)", en: "    legal basis: \(basis)",
              de: "    Rechtsgrundlage: \(basis)", pt: "    base legal: \(basis)")
          }
        }
        let reach = [one.contact.service, one.contact.phone, one.contact.email].compactMap { $0 }
          .joined(separator: ", ")
        invocation.line(
          fr: "  contact : \(reach)", en: "  contact: \(reach)", de: "  Kontakt: \(reach)",
          pt: "  contacto: \(reach)")
      }
    }
  }
}
