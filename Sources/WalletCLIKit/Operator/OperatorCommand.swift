import ArgumentParser

struct OperatorCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "operator",
      abstract: helpText(
        fr: "Pour l'opérateur de la plateforme : inscrire les administrations.",
        en: "For the platform's operator: register administrations.",
        de: "Für den Betreiber der Plattform: Behörden eintragen.",
        pt: "Para o operador da plataforma: registar as administrações."),
      discussion: helpText(
        fr: """
          L'identité de l'opérateur est celle dont la clé a servi à démarrer walletd
          (operatorKey). Publier les certificats de l'autorité d'enregistrement est
          son seul pouvoir : il ne peut jamais lire une donnée, faire un consentement
          ni inventer une administration.

          Exemple :
            wallet-cli operator register --as operateur --certificate fns.certificate
          """,
        en: """
          The operator's identity is the one whose key walletd was started with
          (operatorKey). Publishing the registration authority's certificates is
          its one power: it can never read a field, make a consent, or make up an
          administration.

          Example:
            wallet-cli operator register --as operateur --certificate fns.certificate
          """,
        de: """
          Die Identität des Betreibers ist die, mit deren Schlüssel walletd gestartet
          wurde (operatorKey). Die Zertifikate der Registrierungsstelle zu
          veröffentlichen ist seine einzige Macht: Er kann nie eine Angabe lesen,
          keine Einwilligung geben und keine Behörde erfinden.

          Beispiel:
            wallet-cli operator register --as operateur --certificate fns.certificate
          """,
        pt: """
          A identidade do operador é aquela com cuja chave o walletd foi iniciado
          (operatorKey). Publicar os certificados da autoridade de registo é o seu
          único poder: nunca pode ler um dado, dar um consentimento nem inventar uma
          administração.

          Exemplo:
            wallet-cli operator register --as operateur --certificate fns.certificate
          """),
      subcommands: [OperatorRegisterCommand.self])
  }
}
