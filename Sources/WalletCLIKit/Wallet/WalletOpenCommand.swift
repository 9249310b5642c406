import ArgumentParser
import PSPWallet
import WalletClient

struct WalletOpenCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "open",
      abstract: helpText(
        fr: "Lire le texte de consentement, l'accepter, et ouvrir votre portefeuille.",
        en: "Read the consent text, accept it, and open your wallet.",
        de: "Den Einwilligungstext lesen, ihn annehmen und Ihre Brieftasche öffnen.",
        pt: "Ler o texto de consentimento, aceitá-lo e abrir a sua carteira."),
      discussion: helpText(
        fr: """
          Le texte de consentement dit ce que le PSP garde, qui peut voir quoi, et
          comment retirer une permission. Le portefeuille ne s'ouvre que si vous
          tapez « oui » (ou « yes »). Dans un script, --accept dit que la personne a
          lu et accepté le texte montré.

          Exemple :
            wallet-cli wallet open --as maria
            wallet-cli wallet open --as maria --accept --lang en
          """,
        en: """
          The consent text says what the PSP keeps, who can see what, and how to take
          a permission back. The wallet opens only if you type "oui" (or "yes"). In a
          script, --accept says that the person read and accepted the text shown.

          Example:
            wallet-cli wallet open --as maria
            wallet-cli wallet open --as maria --accept --lang en
          """,
        de: """
          Der Einwilligungstext sagt, was das PSP aufbewahrt, wer was sehen kann und
          wie man eine Erlaubnis zurücknimmt. Die Brieftasche wird nur geöffnet, wenn
          Sie „ja“ tippen. In einem Skript sagt --accept, dass die Person den
          gezeigten Text gelesen und angenommen hat.

          Beispiel:
            wallet-cli wallet open --as maria
            wallet-cli wallet open --as maria --accept --lang en
          """,
        pt: """
          O texto de consentimento diz o que o PSP guarda, quem pode ver o quê e como
          retirar uma autorização. A carteira só abre se escrever «sim». Num script,
          --accept diz que a pessoa leu e aceitou o texto mostrado.

          Exemplo:
            wallet-cli wallet open --as maria
            wallet-cli wallet open --as maria --accept --lang en
          """))
  }

  @Flag(
    help: ArgumentHelp(
      helpText(
        fr: "La personne a lu le texte de consentement et l'accepte (pour les scripts).",
        en: "The person read the consent text and accepts it (for scripts).",
        de: "Die Person hat den Einwilligungstext gelesen und nimmt ihn an (für Skripte).",
        pt: "A pessoa leu o texto de consentimento e aceita-o (para scripts).")))
  var accept = false

  @Flag(
    help: ArgumentHelp(
      helpText(
        fr:
          "Ouvrir un nouveau portefeuille même si cette identité en a fermé un (son journal reste lisible).",
        en: "Open a new wallet although this identity closed one (its log stays readable).",
        de:
          "Eine neue Brieftasche öffnen, obwohl diese Identität eine geschlossen hat (ihr Protokoll bleibt lesbar).",
        pt:
          "Abrir uma carteira nova, embora esta identidade tenha fechado uma (o seu registo continua legível)."
      )))
  var newAfterClose = false

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL(output) }

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
      show(invocation.say(WalletWords.termsVersion(terms.version)))
      try invocation.confirm(
        WalletWords.acceptQuestion, assumeYes: accept, refusal: Messages.consentNotGiven)
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
      invocation.line(invocation.say(WalletWords.opened(wallet)))
      invocation.line(
        fr:
          "Pour remplir une donnée : wallet-cli field set NOM VALEUR (la liste : wallet-cli field list --all).",
        en:
          "To fill in a field: wallet-cli field set NAME VALUE (the list: wallet-cli field list --all).",
        de:
          "Um eine Angabe einzutragen: wallet-cli field set NAME WERT (die Liste: wallet-cli field list --all).",
        pt:
          "Para preencher um dado: wallet-cli field set NOME VALOR (a lista: wallet-cli field list --all)."
      )
    }
  }
}
