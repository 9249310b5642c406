import ArgumentParser

struct AdminCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "admin",
      abstract: helpText(
        fr:
          "Pour une administration : voir les permissions, lire ce qui est permis, répondre aux demandes.",
        en: "For an administration: see grants, read what was granted, answer requests.",
        de:
          "Für eine Behörde: Erlaubnisse sehen, erlaubte Angaben lesen, auf Anträge antworten.",
        pt:
          "Para uma administração: ver as autorizações, ler o que foi autorizado, responder aos pedidos."
      ),
      discussion: helpText(
        fr: """
          Les données sont ouvertes ici, avec la clé de l'administration : seules les
          données qu'une permission couvre s'ouvrent, et chaque lecture est inscrite
          au journal des accès de la personne.

          Exemple :
            wallet-cli admin grants --as fns
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere
          """,
        en: """
          Fields are opened here, with the administration's key: only the fields a grant
          covers ever open, and every reading is written in the citizen's access log.

          Example:
            wallet-cli admin grants --as fns
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere
          """,
        de: """
          Die Angaben werden hier geöffnet, mit dem Schlüssel der Behörde: Es öffnen
          sich nur die Angaben, die eine Erlaubnis abdeckt, und jedes Lesen wird in das
          Zugriffsprotokoll der Person geschrieben.

          Beispiel:
            wallet-cli admin grants --as fns
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere
          """,
        pt: """
          Os dados são abertos aqui, com a chave da administração: só se abrem os dados
          que uma autorização abrange, e cada leitura fica escrita no registo de acessos
          da pessoa.

          Exemplo:
            wallet-cli admin grants --as fns
            wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
                --purpose allocation-vie-chere
          """),
      subcommands: [
        AdminGrantsCommand.self, AdminReadCommand.self, AdminAcknowledgeCommand.self,
        AdminDecideCommand.self,
      ])
  }
}
