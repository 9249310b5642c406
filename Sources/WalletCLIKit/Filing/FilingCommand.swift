import ArgumentParser

struct FilingCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "filing",
      abstract: helpText(
        fr: "Demander une aide à une administration, et suivre vos demandes.",
        en: "Ask an administration for an aid (demande), and follow your requests.",
        de: "Bei einer Behörde eine Hilfe beantragen und Ihre Anträge verfolgen.",
        pt: "Pedir um apoio a uma administração e seguir os seus pedidos."),
      discussion: helpText(
        fr: """
          Une demande envoie à une administration une demande pour une aide, avec une
          permission à usage unique pour lire les données dont l'aide a besoin.
          L'administration en accuse réception (un numéro, un contact, la date limite
          légale), puis elle décide, avec ses motifs.

          Exemple :
            wallet-cli filing create --purpose aide-sociale --at office-social-redange
            wallet-cli filing list
            wallet-cli filing show FILING_ID
          """,
        en: """
          A filing sends a request for one aid to one administration, with a one-shot
          permission to read the fields the aid needs. The administration acknowledges
          it (a number, a contact, the legal due date) and then decides, with its
          reasons.

          Example:
            wallet-cli filing create --purpose aide-sociale --at office-social-redange
            wallet-cli filing list
            wallet-cli filing show FILING_ID
          """,
        de: """
          Ein Antrag wird für eine Hilfe an eine Behörde geschickt, mit einer einmaligen
          Erlaubnis, die Angaben zu lesen, die die Hilfe braucht. Die Behörde bestätigt
          den Eingang (eine Nummer, ein Kontakt, die gesetzliche Frist) und entscheidet
          dann, mit ihren Gründen.

          Beispiel:
            wallet-cli filing create --purpose aide-sociale --at office-social-redange
            wallet-cli filing list
            wallet-cli filing show FILING_ID
          """,
        pt: """
          Um pedido envia a uma administração um pedido de um apoio, com uma autorização
          de uso único para ler os dados de que o apoio precisa. A administração envia
          um aviso de receção (um número, um contacto, o prazo legal) e depois decide,
          com os seus motivos.

          Exemplo:
            wallet-cli filing create --purpose aide-sociale --at office-social-redange
            wallet-cli filing list
            wallet-cli filing show FILING_ID
          """),
      subcommands: [FilingCreateCommand.self, FilingListCommand.self, FilingShowCommand.self])
  }
}
