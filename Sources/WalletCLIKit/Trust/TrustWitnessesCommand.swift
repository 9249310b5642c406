import ArgumentParser
import Foundation
import WalletClient

struct TrustWitnessesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "witnesses",
    abstract: "Set the witnesses of walletd's log for this folder (once per installation).",
    discussion: """
      walletd's access log is confirmed (cosigned) by independent witnesses. Give
      walletd's log key (--log, published by the operator), the number of
      witnesses that must have confirmed it (--quorum, more than half of them),
      and each witness's key (published by the witness). A reading, a request
      or a log is then believed only if that many of these witnesses confirmed
      it recently (--max-age-minutes). Setting them again replaces them.
      Compare the key ids printed with the ones published before you go on.

      Example:
        wallet-cli trust witnesses --log psp.lu/walletd+1a2b3c4d+AQ… \\
            --quorum 2 cnpd.lu/witness+5e6f7a8b+BA… eos.lu/witness+9c0d1e2f+BA…
      """)

  @Option(help: ArgumentHelp("walletd's log key (its vkey).", valueName: "vkey"))
  var log: String

  @Option(help: ArgumentHelp("How many of the witnesses must have confirmed.", valueName: "n"))
  var quorum: Int

  @Option(
    help: ArgumentHelp(
      "How old their confirmation may be, in minutes.", valueName: "minutes"))
  var maxAgeMinutes: Int = Int(WitnessPolicy.defaultMaximumAge / 60)

  @Argument(help: ArgumentHelp("The witnesses' keys (their vkeys).", valueName: "vkey"))
  var witnesses: [String] = []

  @OptionGroup var home: HomeOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard !witnesses.isEmpty else { throw ValidationError("give at least one witness's key") }
    // More than half: two disjoint groups of witnesses could otherwise each
    // cosign another history of the log.
    guard quorum <= witnesses.count, 2 * quorum > witnesses.count else {
      throw ValidationError(
        "--quorum: more than half of the witnesses, and at most all \(witnesses.count)")
    }
    guard maxAgeMinutes > 0 else { throw ValidationError("--max-age-minutes: 1 or more") }
  }

  struct Shown: Encodable {
    let log: String
    let witnesses: [String]
    let quorum: Int
    let maxAgeMinutes: Int
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let policy: WitnessPolicy
      do {
        policy = try WitnessPolicy(
          log: log, witnesses: witnesses, quorum: quorum, maximumAge: Int64(maxAgeMinutes) * 60)
      } catch { throw Messages.witnessSettingsMalformed }
      let home = Home(self.home, environment: invocation.environment)
      var state = try HomeState.read(home)
      state.witnesses = try Witnesses.checked(policy)
      try state.write(home)
      let shown = Shown(
        log: Witnesses.shortName(log), witnesses: witnesses.map(Witnesses.shortName),
        quorum: quorum, maxAgeMinutes: maxAgeMinutes)
      if invocation.json { return try invocation.printJSON(shown) }
      invocation.line(
        fr: "Témoins enregistrés ici pour le journal \(shown.log) :",
        en: "Witnesses set here for the log \(shown.log):")
      for witness in shown.witnesses { invocation.line("  \(witness)") }
      invocation.line(
        fr:
          "Il en faut \(quorum) sur \(witnesses.count), qui l'ont confirmé il y a moins de \(maxAgeMinutes) minutes.",
        en:
          "\(quorum) of \(witnesses.count) must have confirmed it, less than \(maxAgeMinutes) minutes ago."
      )
      invocation.note(
        fr: "Comparez ces identifiants avec ceux que l'opérateur et les témoins ont publiés.",
        en: "Compare these ids with the ones the operator and the witnesses published.")
    }
  }
}
