import ArgumentParser
import PSPCrypto
import PSPWallet
import WalletClient

struct TrustShowCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "show",
      abstract: helpText(
        fr:
          "Montrer les autorités d'enregistrement et les témoins fixés ici, et les administrations retenues.",
        en:
          "Show the registration authorities and witnesses set here, and the administrations remembered.",
        de:
          "Die hier festgelegten Registrierungsstellen und Zeugen zeigen, und die gespeicherten Behörden.",
        pt:
          "Mostrar as autoridades de registo e as testemunhas fixadas aqui, e as administrações guardadas."
      ),
      discussion: helpText(
        fr: """
          Les identifiants de clé à comparer avec ceux que l'autorité, l'opérateur,
          les témoins et les administrations ont publiés (sur papier, à leur guichet).

          Exemple :
            wallet-cli trust show --as maria
          """,
        en: """
          The key ids to compare with those the authority, the operator, the
          witnesses and the administrations published (on paper, at their desk).

          Example:
            wallet-cli trust show --as maria
          """,
        de: """
          Die Schlüsselkennungen, die Sie mit denen vergleichen, die die Stelle, der
          Betreiber, die Zeugen und die Behörden veröffentlicht haben (auf Papier, an
          ihrem Schalter).

          Beispiel:
            wallet-cli trust show --as maria
          """,
        pt: """
          Os identificadores de chave a comparar com os que a autoridade, o operador,
          as testemunhas e as administrações publicaram (em papel, no seu balcão).

          Exemplo:
            wallet-cli trust show --as maria
          """))
  }

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
      let witnesses = try Witnesses.policy(state, invocation.environment).map(WitnessListing.init)
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
            registrars: registrars, witnesses: witnesses,
            administrations: Dictionary(uniqueKeysWithValues: administrations)))
      }
      invocation.line(
        fr: "Autorités d'enregistrement :", en: "Registration authorities:",
        de: "Registrierungsstellen:", pt: "Autoridades de registo:")
      if registrars.isEmpty {
        invocation.line(fr: "  aucune", en: "  none", de: "  keine", pt: "  nenhuma")
      }
      for keyID in registrars { invocation.line("  \(keyID)") }
      invocation.line(
        fr: "Témoins du journal :", en: "Witnesses of the log:",
        de: "Zeugen des Protokolls:", pt: "Testemunhas do registo:")
      if let witnesses {
        invocation.line(
          fr: "  journal : \(witnesses.log)", en: "  log: \(witnesses.log)",
          de: "  Protokoll: \(witnesses.log)", pt: "  registo: \(witnesses.log)")
        for witness in witnesses.witnesses { invocation.line("  \(witness)") }
        invocation.line(
          fr:
            "  il en faut \(witnesses.quorum) sur \(witnesses.witnesses.count), confirmation de moins de \(witnesses.maxAgeMinutes) minutes",
          en:
            "  \(witnesses.quorum) of \(witnesses.witnesses.count) needed, confirmed less than \(witnesses.maxAgeMinutes) minutes ago",
          de:
            "  \(witnesses.quorum) von \(witnesses.witnesses.count) nötig, Bestätigung vor weniger als \(witnesses.maxAgeMinutes) Minuten",
          pt:
            "  são precisas \(witnesses.quorum) de \(witnesses.witnesses.count), confirmação há menos de \(witnesses.maxAgeMinutes) minutos"
        )
      } else {
        invocation.line(fr: "  aucun", en: "  none", de: "  keine", pt: "  nenhuma")
      }
      invocation.line(
        fr: "Administrations connues :", en: "Administrations remembered:",
        de: "Gespeicherte Behörden:", pt: "Administrações guardadas:")
      if administrations.isEmpty {
        invocation.line(fr: "  aucune", en: "  none", de: "  keine", pt: "  nenhuma")
      }
      for (id, keyID) in administrations { invocation.line("  \(id) — \(keyID)") }
    }
  }

  struct TrustListing: Encodable {
    let registrars: [String]
    /// Absent when none are set.
    let witnesses: WitnessListing?
    let administrations: [String: String]
  }

  /// Key names and ids only, as `trust witnesses` printed them.
  struct WitnessListing: Encodable {
    let log: String
    let witnesses: [String]
    let quorum: Int
    let maxAgeMinutes: Int

    init(_ policy: WitnessPolicy) {
      log = Witnesses.shortName(policy.log)
      witnesses = policy.witnesses.map(Witnesses.shortName)
      quorum = policy.quorum
      maxAgeMinutes = Int(policy.maximumAge / 60)
    }
  }
}
