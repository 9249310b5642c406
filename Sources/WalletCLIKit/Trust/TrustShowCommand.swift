import ArgumentParser
import PSPCrypto
import PSPWallet

struct TrustShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show the registration authorities pinned here and the administrations remembered.",
    discussion: """
      The key ids to compare with those the authority and the administrations
      published (on paper, at their desk).

      Example:
        wallet-cli trust show --as maria
      """)

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let home = Home(self.home, environment: invocation.environment)
      let state = try HomeState.read(home)
      let registrars = try Registrars.pinned(state, invocation.environment).map {
        Paserk.identifier(of: $0)
      }
      let name = try? home.actor(actor.name)
      let remembered = name.flatMap { state[$0].trust?.administrations } ?? [:]
      let administrations = remembered.keys.sorted().map { id in
        (
          id,
          (try? Paserk.signingPublicKey(from: remembered[id]!.signingKey)).map {
            Paserk.identifier(of: $0)
          } ?? "?"
        )
      }
      if invocation.json {
        return try invocation.printJSON(
          TrustListing(
            registrars: registrars,
            administrations: Dictionary(uniqueKeysWithValues: administrations)))
      }
      invocation.line(fr: "Autorités d'enregistrement :", en: "Registration authorities:")
      if registrars.isEmpty { invocation.line(fr: "  aucune", en: "  none") }
      for keyID in registrars { invocation.line("  \(keyID)") }
      invocation.line(fr: "Administrations connues :", en: "Administrations remembered:")
      if administrations.isEmpty { invocation.line(fr: "  aucune", en: "  none") }
      for (id, keyID) in administrations { invocation.line("  \(id) — \(keyID)") }
    }
  }

  struct TrustListing: Encodable {
    let registrars: [String]
    let administrations: [String: String]
  }
}
