import ArgumentParser
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletClient

struct AdminDecideCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "decide",
      abstract: helpText(
        fr: "Envoyer la décision motivée sur une demande.",
        en: "Post the motivated decision on a request.",
        de: "Die begründete Entscheidung über einen Antrag senden.",
        pt: "Enviar a decisão fundamentada sobre um pedido."),
      discussion: helpText(
        fr: """
          Les motifs concernent la personne : ils sont scellés pour elle (elle seule
          peut les lire) ; la décision signée ne porte que leur empreinte. La clé de
          chiffrement du titulaire vient d'un 'admin read' antérieur de la demande, ou
          de --citizen-key.

          Exemple :
            wallet-cli admin decide --as office --wallet WALLET_ID \\
                --filing FILING_ID --outcome granted \\
                --motivation "Aide accordée : facture d'électricité de novembre." \\
                --recourse "Recours possible : voir la lettre de décision."
          """,
        en: """
          The motivation is about the person: it is sealed to them (only they can read
          it); the signed decision carries only its digest. The citizen's encryption
          key comes from an earlier 'admin read' of the request, or from
          --citizen-key.

          Example:
            wallet-cli admin decide --as office --wallet WALLET_ID \\
                --filing FILING_ID --outcome granted \\
                --motivation "Aide accordée : facture d'électricité de novembre." \\
                --recourse "Recours possible : voir la lettre de décision."
          """,
        de: """
          Die Begründung betrifft die Person: Sie wird für sie versiegelt (nur sie kann
          sie lesen); die unterschriebene Entscheidung trägt nur ihren Fingerabdruck.
          Der Verschlüsselungsschlüssel des Inhabers oder der Inhaberin kommt aus einem
          früheren 'admin read' des Antrags, oder aus --citizen-key.

          Beispiel:
            wallet-cli admin decide --as office --wallet WALLET_ID \\
                --filing FILING_ID --outcome granted \\
                --motivation "Aide accordée : facture d'électricité de novembre." \\
                --recourse "Recours possible : voir la lettre de décision."
          """,
        pt: """
          A fundamentação diz respeito à pessoa: é selada para ela (só ela a pode ler);
          a decisão assinada leva apenas o seu resumo (hash). A chave de cifra do
          titular vem de um 'admin read' anterior do pedido, ou de --citizen-key.

          Exemplo:
            wallet-cli admin decide --as office --wallet WALLET_ID \\
                --filing FILING_ID --outcome granted \\
                --motivation "Aide accordée : facture d'électricité de novembre." \\
                --recourse "Recours possible : voir la lettre de décision."
          """))
  }

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "Le numéro du portefeuille du titulaire.",
        en: "The citizen's wallet number.",
        de: "Die Nummer der Brieftasche des Inhabers oder der Inhaberin.",
        pt: "O número da carteira do titular."),
      valueName: "wallet-id"))
  var wallet: String

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "Le numéro de la demande dans le portefeuille.",
        en: "The request's number in the wallet.",
        de: "Die Nummer des Antrags in der Brieftasche.",
        pt: "O número do pedido na carteira."),
      valueName: "filing-id"))
  var filing: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "granted (accordée), refused (refusée) ou partial (en partie).",
        en: "granted, refused or partial.",
        de: "granted (bewilligt), refused (abgelehnt) oder partial (teilweise).",
        pt: "granted (concedido), refused (recusado) ou partial (em parte).")))
  var outcome: OutcomeArgument

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Les motifs, en mots simples (scellés pour le titulaire).",
        en: "The reasons, in plain words (sealed to the citizen).",
        de: "Die Gründe, in einfachen Worten (für den Inhaber oder die Inhaberin versiegelt).",
        pt: "Os motivos, em palavras simples (selados para o titular)."),
      valueName: "text"))
  var motivation: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Comment contester la décision.",
        en: "How to contest the decision.",
        de: "Wie man die Entscheidung anfechten kann.",
        pt: "Como contestar a decisão."),
      valueName: "text"))
  var recourse: String

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "La clé de chiffrement du titulaire (base64url), si elle n'a pas été lue avant.",
        en: "The citizen's encryption key (base64url), if not read before.",
        de:
          "Der Verschlüsselungsschlüssel des Inhabers oder der Inhaberin (base64url), wenn er nicht vorher gelesen wurde.",
        pt: "A chave de cifra do titular (base64url), se não foi lida antes."),
      valueName: "key"))
  var citizenKey: String?

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    guard (try? WalletID(wallet)) != nil else {
      throw usageError(Messages.adminWalletNumberMalformed, output)
    }
    guard (try? StatementID(filing)) != nil else {
      throw usageError(Messages.filingNotFound, output)
    }
    guard !motivation.trimmingCharacters(in: .whitespaces).isEmpty,
      !recourse.trimmingCharacters(in: .whitespaces).isEmpty
    else {
      throw usageError(
        Message(
          fr: "Une décision a besoin de ses motifs (--motivation) et du recours (--recourse).",
          en: "a decision needs its --motivation and its --recourse",
          de:
            "Eine Entscheidung braucht ihre Gründe (--motivation) und den Rechtsbehelf (--recourse).",
          pt: "Uma decisão precisa dos seus motivos (--motivation) e do recurso (--recourse).",
          hintFR: "Écrivez les deux en mots simples. Voyez 'wallet-cli admin decide --help'.",
          hintEN: "Write both in plain words. See 'wallet-cli admin decide --help'.",
          hintDE:
            "Schreiben Sie beides in einfachen Worten. Siehe 'wallet-cli admin decide --help'.",
          hintPT: "Escreva os dois em palavras simples. Veja 'wallet-cli admin decide --help'."),
        output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let walletID = try WalletID(wallet)
      let acting = try Acting.unlock(home, actor, as: [.administration], invocation)
      let known = try HomeState.read(acting.home)[acting.name].citizenKeys?[walletID.description]
      guard let text = citizenKey ?? known,
        let bytes = try? Encoding.fromBase64URL(text), let key = try? AgreementPublicKey(bytes)
      else { throw Messages.citizenKeyUnknown }
      let client = AdministrationClient(transport: try acting.transport(server, invocation))
      let view = try await AdminFiling.find(client, wallet: walletID, filing: filing)
      try await client.decide(
        wallet: walletID, filing: view, outcome: outcome.outcome, motivation: motivation,
        recourse: recourse,
        citizenKey: key, at: invocation.now)
      if invocation.json {
        return try invocation.printJSON(["filing": filing, "outcome": outcome.rawValue])
      }
      let said = Words.outcome(outcome.outcome)
      invocation.line(
        fr:
          "Décision envoyée : \(said.text(in: .french)). Les motifs sont scellés pour la personne.",
        en:
          "Decision sent: \(said.text(in: .english)). The reasons are sealed to the person.",
        de:
          "Entscheidung gesendet: \(said.text(in: .german)). Die Gründe sind für die Person versiegelt.",
        pt:
          "Decisão enviada: \(said.text(in: .portuguese)). Os motivos estão selados para a pessoa."
      )
    }
  }
}
