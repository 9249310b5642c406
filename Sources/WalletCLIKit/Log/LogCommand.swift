import ArgumentParser
import PSPConsent
import PSPDemo
import PSPWallet
import WalletClient

struct LogCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Read your access log (journal): who did what with your data, newest first.",
    discussion: """
      Every reading, permission, refusal, procuration and request is in the log:
      when, who, for which aid, which fields — never their values. With --verify,
      the log is checked against walletd's signed checkpoint, and against the
      checkpoint kept from the last verification (in --home), which proves it only
      grew.

      Example:
        wallet-cli log --as maria
        wallet-cli log --verify
      """)

  @Flag(help: "Check that the log is intact and only grew since the last check.")
  var verify = false

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL() }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let acting = try Acting.unlock(home, actor, as: [.citizen], invocation)
      let citizen = try await acting.citizen(server, invocation)
      if verify { return try await check(citizen, acting, invocation) }
      let rules = try await ClientRules.fetch(citizen.transport)
      let renderer = AccessLogRenderer(
        vocabulary: DemoVocabulary(rules: rules), owner: citizen.identity.publicIdentity.keyID)
      // Only entries that hash to walletd's signed checkpoint are shown.
      let verified = try await citizen.verifyLog(since: nil)
      guard verified.intact else { throw Messages.logNotIntact(verified.problem ?? "?") }
      let entries = verified.entries.reversed()
      if invocation.json {
        struct Told: Encodable {
          let entry: AccessLogEntry
          let sentence: String
        }
        return try invocation.printJSON(
          entries.map { Told(entry: $0, sentence: renderer.sentence($0, invocation.language)) })
      }
      for entry in entries { invocation.line("- " + renderer.sentence(entry, invocation.language)) }
    }
  }

  /// Verifies against the kept checkpoint; keeps the new one only when intact.
  private func check(_ citizen: CitizenClient, _ acting: Acting, _ invocation: Invocation)
    async throws
  {
    let previous = try HomeState.read(acting.home)[acting.name].checkpoint
    let result = try await citizen.verifyLog(since: previous)
    guard result.intact else { throw Messages.logNotIntact(result.problem ?? "?") }
    try HomeState.update(acting.home, acting.name) { $0.checkpoint = result.checkpoint }
    if invocation.json {
      struct Verified: Encodable {
        let intact: Bool
        let size: Int
        let comparedWithPreviousCheckpoint: Bool
      }
      return try invocation.printJSON(
        Verified(intact: true, size: result.size, comparedWithPreviousCheckpoint: previous != nil))
    }
    invocation.line(
      fr: "Votre journal est intact (\(result.size) entrées).",
      en: "Your access log is intact (\(result.size) entries).")
    invocation.line(
      previous == nil
        ? invocation.say(
          fr:
            "C'est la première vérification ici : le point de contrôle est gardé pour la prochaine.",
          en: "This is the first check here: the checkpoint is kept for the next one.")
        : invocation.say(
          fr: "Il a seulement grandi depuis la dernière vérification.",
          en: "It only grew since the last check."))
  }
}
