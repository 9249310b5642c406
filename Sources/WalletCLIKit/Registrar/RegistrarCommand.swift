import ArgumentParser

struct RegistrarCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "registrar",
      abstract: helpText(
        fr: "Pour l'autorité d'enregistrement : certifier les administrations.",
        en: "For the registration authority: certify administrations.",
        de: "Für die Registrierungsstelle: Behörden zertifizieren.",
        pt: "Para a autoridade de registo: certificar as administrações."),
      discussion: helpText(
        fr: """
          L'autorité d'enregistrement (au Luxembourg, le ministère qui surveille l'aide)
          se porte garante des clés de chaque administration. Ce n'est pas l'opérateur :
          l'opérateur ne fait que publier ses certificats. Sa clé publique est donnée
          une fois à chaque installation ('wallet-cli trust registrar FILE').

          Exemple :
            wallet-cli identity create --kind registrar --name ministere
            wallet-cli identity show --as ministere --json > ministere.public.json
            wallet-cli registrar certify --as ministere --id fns \\
                --name "Fonds national de solidarité" --kind fns \\
                --keys fns.public.json --purposes allocation-vie-chere \\
                --service "Service AVC" --phone "+352 2000 0000" --out fns.certificate
          """,
        en: """
          The registration authority (in Luxembourg, the ministry that supervises
          the aid) vouches for each administration's keys. It is not the operator:
          the operator only publishes its certificates. Its public key is given to
          every installation once ('wallet-cli trust registrar FILE').

          Example:
            wallet-cli identity create --kind registrar --name ministere
            wallet-cli identity show --as ministere --json > ministere.public.json
            wallet-cli registrar certify --as ministere --id fns \\
                --name "Fonds national de solidarité" --kind fns \\
                --keys fns.public.json --purposes allocation-vie-chere \\
                --service "Service AVC" --phone "+352 2000 0000" --out fns.certificate
          """,
        de: """
          Die Registrierungsstelle (in Luxemburg das Ministerium, das die Hilfe
          beaufsichtigt) bürgt für die Schlüssel jeder Behörde. Sie ist nicht der
          Betreiber: Der Betreiber veröffentlicht nur ihre Zertifikate. Ihr
          öffentlicher Schlüssel wird jeder Installation einmal gegeben
          ('wallet-cli trust registrar FILE').

          Beispiel:
            wallet-cli identity create --kind registrar --name ministere
            wallet-cli identity show --as ministere --json > ministere.public.json
            wallet-cli registrar certify --as ministere --id fns \\
                --name "Fonds national de solidarité" --kind fns \\
                --keys fns.public.json --purposes allocation-vie-chere \\
                --service "Service AVC" --phone "+352 2000 0000" --out fns.certificate
          """,
        pt: """
          A autoridade de registo (no Luxemburgo, o ministério que supervisiona o
          apoio) garante as chaves de cada administração. Não é o operador: o
          operador só publica os seus certificados. A sua chave pública é dada uma
          vez a cada instalação ('wallet-cli trust registrar FILE').

          Exemplo:
            wallet-cli identity create --kind registrar --name ministere
            wallet-cli identity show --as ministere --json > ministere.public.json
            wallet-cli registrar certify --as ministere --id fns \\
                --name "Fonds national de solidarité" --kind fns \\
                --keys fns.public.json --purposes allocation-vie-chere \\
                --service "Service AVC" --phone "+352 2000 0000" --out fns.certificate
          """),
      subcommands: [RegistrarCertifyCommand.self])
  }
}
