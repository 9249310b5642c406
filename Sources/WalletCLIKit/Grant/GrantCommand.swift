import ArgumentParser
import PSPConsent

struct GrantCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    let aids = TemplateCatalogue.standard.purposes.map(\.rawValue).joined(separator: ", ")
    return CommandConfiguration(
      commandName: "grant",
      abstract: helpText(
        fr:
          "Permettre à une administration de lire les données dont une aide a besoin (permissions), et les reprendre.",
        en:
          "Let an administration read the fields one aid needs (permissions), and take them back.",
        de:
          "Einer Behörde erlauben, die Angaben zu lesen, die eine Hilfe braucht (Erlaubnisse), und sie zurücknehmen.",
        pt:
          "Permitir a uma administração ler os dados de que um apoio precisa (autorizações), e retirá-las."
      ),
      discussion: helpText(
        fr: """
          Une permission permet à une administration de lire exactement les données
          d'une aide, pour un temps limité. Elle est signée par vous ; walletd ne
          peut ni en créer une ni l'élargir. Vous pouvez la suspendre, la reprendre
          ou la retirer à tout moment ; ce qui a déjà été lu ne peut pas être repris.

          Aides (--purpose) : \(aids).

          Exemple :
            wallet-cli grant create --to fns --purpose allocation-vie-chere
            wallet-cli grant list
            wallet-cli grant revoke GRANT_ID
          """,
        en: """
          A grant (permission) lets one administration read exactly the fields of one
          aid, for a limited time. It is signed by you; walletd cannot make or widen
          one. You can pause, resume or withdraw it at any time; what was already read
          cannot be taken back.

          Aids (--purpose): \(aids).

          Example:
            wallet-cli grant create --to fns --purpose allocation-vie-chere
            wallet-cli grant list
            wallet-cli grant revoke GRANT_ID
          """,
        de: """
          Eine Erlaubnis lässt eine Behörde genau die Angaben einer Hilfe lesen, für
          eine begrenzte Zeit. Sie wird von Ihnen unterschrieben; walletd kann keine
          erstellen und keine erweitern. Sie können sie jederzeit aussetzen,
          fortsetzen oder zurücknehmen. Was schon gelesen wurde, kann nicht
          zurückgeholt werden.

          Hilfen (--purpose): \(aids).

          Beispiel:
            wallet-cli grant create --to fns --purpose allocation-vie-chere
            wallet-cli grant list
            wallet-cli grant revoke GRANT_ID
          """,
        pt: """
          Uma autorização permite a uma administração ler exatamente os dados de um
          apoio, durante um tempo limitado. É assinada por si; o walletd não pode
          criar nem alargar nenhuma. Pode suspendê-la, retomá-la ou retirá-la a
          qualquer momento. O que já foi lido não pode ser recuperado.

          Apoios (--purpose): \(aids).

          Exemplo:
            wallet-cli grant create --to fns --purpose allocation-vie-chere
            wallet-cli grant list
            wallet-cli grant revoke GRANT_ID
          """),
      subcommands: [
        GrantCreateCommand.self, GrantListCommand.self, GrantPauseCommand.self,
        GrantResumeCommand.self,
        GrantRevokeCommand.self,
      ])
  }
}
