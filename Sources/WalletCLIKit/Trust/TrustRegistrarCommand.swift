import ArgumentParser
import Foundation
import PSPCrypto
import PSPWallet

struct TrustRegistrarCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "registrar",
      abstract: helpText(
        fr:
          "Fixer la clé publique d'une autorité d'enregistrement pour ce dossier (une fois par installation).",
        en: "Pin a registration authority's public key for this folder (once per installation).",
        de:
          "Den öffentlichen Schlüssel einer Registrierungsstelle für diesen Ordner festlegen (einmal pro Installation).",
        pt:
          "Fixar a chave pública de uma autoridade de registo para esta pasta (uma vez por instalação)."
      ),
      discussion: helpText(
        fr: """
          Donnez son fichier d'identité publique ('wallet-cli identity show --json' de
          l'autorité) ou sa clé k4.public. Comparez l'identifiant de clé affiché avec
          celui que l'autorité a publié (sur papier, sur son propre site) avant de
          continuer.
          """,
        en: """
          Give its public identity file ('wallet-cli identity show --json' of the
          authority) or its k4.public key. Compare the key id printed with the one
          the authority published (on paper, on its own site) before you go on.
          """,
        de: """
          Geben Sie ihre öffentliche Identitätsdatei ('wallet-cli identity show --json'
          der Stelle) oder ihren k4.public-Schlüssel an. Vergleichen Sie die angezeigte
          Schlüsselkennung mit der, die die Stelle veröffentlicht hat (auf Papier, auf
          ihrer eigenen Website), bevor Sie weitermachen.
          """,
        pt: """
          Indique o seu ficheiro de identidade pública ('wallet-cli identity show
          --json' da autoridade) ou a sua chave k4.public. Compare o identificador da
          chave mostrado com o que a autoridade publicou (em papel, no seu próprio
          site) antes de continuar.
          """))
  }

  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "Le fichier d'identité publique de l'autorité, ou sa clé k4.public.",
        en: "The authority's public identity file, or its k4.public key.",
        de: "Die öffentliche Identitätsdatei der Stelle, oder ihr k4.public-Schlüssel.",
        pt: "O ficheiro de identidade pública da autoridade, ou a sua chave k4.public."),
      valueName: "file-or-key"))
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
        en: "Registration authority pinned here: \(keyID)",
        de: "Registrierungsstelle hier festgelegt: \(keyID)",
        pt: "Autoridade de registo fixada aqui: \(keyID)")
      invocation.note(
        fr: "Comparez cet identifiant avec celui que l'autorité a publié.",
        en: "Compare this id with the one the authority published.",
        de: "Vergleichen Sie diese Kennung mit der, die die Stelle veröffentlicht hat.",
        pt: "Compare este identificador com o que a autoridade publicou.")
    }
  }
}
