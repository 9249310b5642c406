import ArgumentParser
import PSPWallet

struct IdentityShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show an identity's public keys and wallet (no passphrase needed).",
    discussion: """
      Only public things are shown: give them to whoever needs them. A trustee
      gives the JSON form to the citizen, who names them in a procuration; an
      administration gives it to the operator, who registers it.

      Example:
        wallet-cli identity show --as paul --json > paul.public.json
      """)

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
      invocation.line(fr: "Identité : \(name) (\(role)).", en: "Identity: \(name) (\(role)).")
      shown.printKeys(invocation)
      if let wallet = shown.wallet {
        invocation.line(fr: "  Portefeuille : \(wallet)", en: "  Wallet: \(wallet)")
      }
    }
  }
}
