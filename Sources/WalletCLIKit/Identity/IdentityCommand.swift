import ArgumentParser

struct IdentityCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "identity",
      abstract: helpText(
        fr:
          "Créer et montrer des identités (clés gardées dans un coffre protégé par un mot de passe).",
        en: "Make and show identities (keys kept in a keystore protected by a passphrase).",
        de:
          "Identitäten erstellen und zeigen (Schlüssel in einem Schlüsselspeicher, durch ein Passwort geschützt).",
        pt:
          "Criar e mostrar identidades (chaves guardadas num cofre protegido por uma palavra-passe)."
      ),
      discussion: helpText(
        fr: """
          Chaque personne ou organisme qui utilise le PSP a une identité : une clé pour
          signer et une clé pour recevoir les clés de données scellées, gardées
          chiffrées dans NAME.keystore dans --home.

          Exemple :
            wallet-cli identity create --kind citizen --name maria
            wallet-cli identity show --as maria
          """,
        en: """
          Every person or body that uses the PSP has an identity: a key to sign and a
          key to receive sealed data keys, kept encrypted in NAME.keystore in --home.

          Example:
            wallet-cli identity create --kind citizen --name maria
            wallet-cli identity show --as maria
          """,
        de: """
          Jede Person oder Stelle, die das PSP nutzt, hat eine Identität: einen
          Schlüssel zum Unterschreiben und einen Schlüssel, um versiegelte
          Datenschlüssel zu empfangen, verschlüsselt aufbewahrt in NAME.keystore in
          --home.

          Beispiel:
            wallet-cli identity create --kind citizen --name maria
            wallet-cli identity show --as maria
          """,
        pt: """
          Cada pessoa ou organismo que usa o PSP tem uma identidade: uma chave para
          assinar e uma chave para receber chaves de dados seladas, guardadas cifradas
          em NAME.keystore em --home.

          Exemplo:
            wallet-cli identity create --kind citizen --name maria
            wallet-cli identity show --as maria
          """),
      subcommands: [
        IdentityCreateCommand.self, IdentityShowCommand.self, IdentityRecoverCommand.self,
      ])
  }
}
