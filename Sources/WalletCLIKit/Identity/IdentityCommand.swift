import ArgumentParser

struct IdentityCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "identity",
    abstract: "Make and show identities (keys kept in a keystore protected by a passphrase).",
    discussion: """
      Every person or body that uses the PSP has an identity: a key to sign and a
      key to receive sealed data keys, kept encrypted in NAME.keystore in --home.

      Example:
        wallet-cli identity create --kind citizen --name maria
        wallet-cli identity show --as maria
      """,
    subcommands: [
      IdentityCreateCommand.self, IdentityShowCommand.self, IdentityRecoverCommand.self,
    ])
}
