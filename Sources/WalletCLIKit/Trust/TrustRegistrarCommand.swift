import ArgumentParser
import Foundation
import PSPCrypto
import PSPWallet

struct TrustRegistrarCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "registrar",
    abstract: "Pin a registration authority's public key for this folder (once per installation).",
    discussion: """
      Give its public identity file ('wallet-cli identity show --json' of the
      authority) or its k4.public key. Compare the key id printed with the one
      the authority published (on paper, on its own site) before you go on.
      """)

  @Argument(
    help: ArgumentHelp(
      "The authority's public identity file, or its k4.public key.", valueName: "file-or-key"))
  var source: String

  @OptionGroup var home: HomeOptions
  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let key: SigningPublicKey
      if let direct = try? Paserk.signingPublicKey(from: source) {
        key = direct
      } else if let identity = PublicIdentityFile.publicIdentity(at: URL(fileURLWithPath: source)),
        identity.kind == .registrar
      {
        key = identity.signingKey
      } else {
        throw Messages.registrarKeyMalformed
      }
      let home = Home(self.home, environment: invocation.environment)
      var state = try HomeState.read(home)
      let text = Paserk.encode(key)
      if !(state.registrars ?? []).contains(text) {
        state.registrars = (state.registrars ?? []) + [text]
      }
      try state.write(home)
      let keyID = Paserk.identifier(of: key)
      if invocation.json { return try invocation.printJSON(["registrar": keyID]) }
      invocation.line(
        fr: "Autorité d'enregistrement enregistrée ici : \(keyID)",
        en: "Registration authority pinned here: \(keyID)")
      invocation.note(
        fr: "Comparez cet identifiant avec celui que l'autorité a publié.",
        en: "Compare this id with the one the authority published.")
    }
  }
}
