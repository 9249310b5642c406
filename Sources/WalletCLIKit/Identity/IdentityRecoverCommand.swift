import ArgumentParser
import PSPWallet

struct IdentityRecoverCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "recover",
      abstract: helpText(
        fr: "Choisir un nouveau mot de passe avec le code de secours.",
        en: "Choose a new passphrase with the recovery code.",
        de: "Mit dem Wiederherstellungscode ein neues Passwort wählen.",
        pt: "Escolher uma nova palavra-passe com o código de recuperação."),
      discussion: helpText(
        fr: """
          Pour un mot de passe oublié. Le code de secours (venant de 'identity create')
          ouvre le coffre ; vous choisissez ensuite un nouveau mot de passe. Les clés et
          le code de secours restent les mêmes. Pour un script, donnez le code dans
          PSP_RECOVERY_CODE.

          Exemple :
            wallet-cli identity recover --as maria
          """,
        en: """
          For a forgotten passphrase. The recovery code (from 'identity create') opens
          the keystore; you then choose a new passphrase. The keys and the recovery
          code stay the same. For a script, give the code in PSP_RECOVERY_CODE.

          Example:
            wallet-cli identity recover --as maria
          """,
        de: """
          Für ein vergessenes Passwort. Der Wiederherstellungscode (von
          'identity create') öffnet den Schlüsselspeicher; dann wählen Sie ein neues
          Passwort. Die Schlüssel und der Wiederherstellungscode bleiben gleich. Für
          ein Skript geben Sie den Code in PSP_RECOVERY_CODE an.

          Beispiel:
            wallet-cli identity recover --as maria
          """,
        pt: """
          Para uma palavra-passe esquecida. O código de recuperação (de
          'identity create') abre o cofre; depois escolhe uma nova palavra-passe. As
          chaves e o código de recuperação ficam iguais. Para um script, indique o
          código em PSP_RECOVERY_CODE.

          Exemplo:
            wallet-cli identity recover --as maria
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
      let code = try Passphrase.recoveryCode(invocation)
      let identity = try keystore.unlock(recoveryCode: code)
      let passphrase = try Passphrase.new(self.home, for: name, invocation)
      try keystore.replacingPassphrase(identity: identity, with: passphrase).write(
        to: home.keystoreURL(name), replacing: true)
      invocation.line(invocation.say(WalletWords.newPassphrase(name)))
    }
  }
}
