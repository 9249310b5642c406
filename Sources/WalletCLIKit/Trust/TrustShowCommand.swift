import ArgumentParser
import PSPCrypto
import PSPWallet
import WalletClient

struct TrustShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract:
      "Show the registration authorities and witnesses set here, and the administrations remembered.",
    discussion: """
      The key ids to compare with those the authority, the operator, the
      witnesses and the administrations published (on paper, at their desk).

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
      invocation.line(fr: "Autorités d'enregistrement :", en: "Registration authorities:")
      if registrars.isEmpty { invocation.line(fr: "  aucune", en: "  none") }
      for keyID in registrars { invocation.line("  \(keyID)") }
      invocation.line(fr: "Témoins du journal :", en: "Witnesses of the log:")
      if let witnesses {
        invocation.line(fr: "  journal : \(witnesses.log)", en: "  log: \(witnesses.log)")
        for witness in witnesses.witnesses { invocation.line("  \(witness)") }
        invocation.line(
          fr:
            "  il en faut \(witnesses.quorum) sur \(witnesses.witnesses.count), confirmation de moins de \(witnesses.maxAgeMinutes) minutes",
          en:
            "  \(witnesses.quorum) of \(witnesses.witnesses.count) needed, confirmed less than \(witnesses.maxAgeMinutes) minutes ago"
        )
      } else {
        invocation.line(fr: "  aucun", en: "  none")
      }
      invocation.line(fr: "Administrations connues :", en: "Administrations remembered:")
      if administrations.isEmpty { invocation.line(fr: "  aucune", en: "  none") }
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
