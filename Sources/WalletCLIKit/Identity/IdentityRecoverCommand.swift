import ArgumentParser
import PSPWallet

struct IdentityRecoverCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recover",
    abstract: "Choose a new passphrase with the recovery code.",
    discussion: """
      For a forgotten passphrase. The recovery code (from 'identity create') opens
      the keystore; you then choose a new passphrase. The keys and the recovery
      code stay the same. For a script, give the code in PSP_RECOVERY_CODE.

      Example:
        wallet-cli identity recover --as maria
      """)

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let home = Home(self.home, environment: invocation.environment)
      let name = try home.actor(actor.name)
      let keystore = try home.readKeystore(name)
      let code = try Passphrase.recoveryCode(invocation)
      let identity = try keystore.unlock(recoveryCode: code)
      let passphrase = try Passphrase.new(self.home, for: name, invocation)
      try keystore.replacingPassphrase(identity: identity, with: passphrase).write(
        to: home.keystoreURL(name), replacing: true)
      invocation.line(
        fr: "Nouveau mot de passe enregistré pour \(name). Le code de secours reste le même.",
        en: "New passphrase saved for \(name). The recovery code stays the same.")
    }
  }
}
