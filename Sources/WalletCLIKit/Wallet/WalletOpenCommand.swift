import ArgumentParser
import PSPWallet
import WalletClient

struct WalletOpenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Read the consent text, accept it, and open your wallet.",
    discussion: """
      The consent text says what the PSP keeps, who can see what, and how to take
      a permission back. The wallet opens only if you type "oui" (or "yes"). In a
      script, --accept says that the person read and accepted the text shown.

      Example:
        wallet-cli wallet open --as maria
        wallet-cli wallet open --as maria --accept --lang en
      """)

  @Flag(help: "The person read the consent text and accepts it (for scripts).")
  var accept = false

  @Flag(help: "Open a new wallet although this identity closed one (its log stays readable).")
  var newAfterClose = false

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL() }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let located = try Acting.locate(home, actor, as: [.citizen], invocation)
      let remembered = try HomeState.read(located.home)[located.name]
      guard remembered.wallet == nil else { throw Messages.walletAlreadyOpen(located.name) }
      guard remembered.closedWallet == nil || newAfterClose else {
        throw Messages.walletClosedChooseNew(located.name)
      }
      let terms = ConsentTerms.current
      let show: (String) -> Void =
        invocation.json ? { invocation.console.note($0) } : { invocation.line($0) }
      show(terms.text(invocation.language))
      show(invocation.say(fr: "(texte \(terms.version))", en: "(text \(terms.version))"))
      try invocation.confirm(
        LocalizedText(
          fr: "Acceptez-vous ce texte et ouvrez-vous votre portefeuille ?",
          en: "Do you accept this text and open your wallet?"),
        assumeYes: accept, refusal: Messages.consentNotGiven)
      let acting = try Acting.unlock(located, home, invocation)
      let acceptance = ConsentAcceptance(
        terms: terms, language: invocation.language, acceptedAt: invocation.now)
      let citizen = try await CitizenClient.openWallet(
        try acting.transport(server, invocation), acceptance: acceptance)
      let wallet = citizen.walletID.description
      try HomeState.update(acting.home, acting.name) { $0.wallet = wallet }
      if invocation.json {
        return try invocation.printJSON(["wallet": wallet, "terms": terms.version])
      }
      invocation.line(
        fr: "Votre portefeuille est ouvert. Son numéro : \(wallet).",
        en: "Your wallet is open. Its number: \(wallet).")
      invocation.line(
        fr:
          "Pour remplir une donnée : wallet-cli field set NOM VALEUR (la liste : wallet-cli field list --all).",
        en:
          "To fill in a field: wallet-cli field set NAME VALUE (the list: wallet-cli field list --all)."
      )
    }
  }
}
