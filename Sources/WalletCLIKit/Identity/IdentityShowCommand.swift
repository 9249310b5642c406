import ArgumentParser
import PSPWallet

struct IdentityShowCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "show",
      abstract: helpText(
        fr:
          "Montrer les clés publiques et le portefeuille d'une identité (sans mot de passe).",
        en: "Show an identity's public keys and wallet (no passphrase needed).",
        de:
          "Die öffentlichen Schlüssel und die Brieftasche einer Identität zeigen (kein Passwort nötig).",
        pt:
          "Mostrar as chaves públicas e a carteira de uma identidade (sem palavra-passe)."),
      discussion: helpText(
        fr: """
          Seules des choses publiques sont montrées : donnez-les à qui en a besoin. Une
          personne de confiance donne la forme JSON au titulaire, qui la nomme dans une
          procuration ; une administration la donne à l'opérateur, qui l'inscrit.

          Exemple :
            wallet-cli identity show --as paul --json > paul.public.json
          """,
        en: """
          Only public things are shown: give them to whoever needs them. A trustee
          gives the JSON form to the citizen, who names them in a procuration; an
          administration gives it to the operator, who registers it.

          Example:
            wallet-cli identity show --as paul --json > paul.public.json
          """,
        de: """
          Nur Öffentliches wird gezeigt: Geben Sie es allen, die es brauchen. Eine
          Vertrauensperson gibt die JSON-Form dem Inhaber oder der Inhaberin, der oder
          die sie in einer Vollmacht nennt; eine Behörde gibt sie dem Betreiber, der
          sie einträgt.

          Beispiel:
            wallet-cli identity show --as paul --json > paul.public.json
          """,
        pt: """
          Só são mostradas coisas públicas: dê-as a quem precisar delas. Uma pessoa de
          confiança dá a forma JSON ao titular, que a nomeia numa procuração; uma
          administração dá-a ao operador, que a regista.

          Exemplo:
            wallet-cli identity show --as paul --json > paul.public.json
          """))
  }

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let home = Home(self.home, environment: invocation.environment)
      let name = try home.actor(actor.name)
      let keystore = try home.readKeystore(name)
      let shown = PublicIdentityFile(
        name: name, keystore: keystore, wallet: try HomeState.read(home)[name].wallet)
      if invocation.json { return try invocation.printJSON(shown) }
      let role = invocation.say(Words.role(keystore.kind))
      invocation.line(
        fr: "Identité : \(name) (\(role)).", en: "Identity: \(name) (\(role)).",
        de: "Identität: \(name) (\(role)).", pt: "Identidade: \(name) (\(role)).")
      shown.printKeys(invocation)
      if let wallet = shown.wallet {
        invocation.line(
          fr: "  Portefeuille : \(wallet)", en: "  Wallet: \(wallet)",
          de: "  Brieftasche: \(wallet)", pt: "  Carteira: \(wallet)")
      }
    }
  }
}
