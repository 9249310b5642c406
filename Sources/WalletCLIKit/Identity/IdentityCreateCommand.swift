import ArgumentParser
import Foundation
import PSPCrypto
import PSPWallet

struct IdentityCreateCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "create",
      abstract: helpText(
        fr: "Créer une nouvelle identité et montrer son code de secours une seule fois.",
        en: "Make a new identity and show its recovery code once.",
        de: "Eine neue Identität erstellen und ihren Wiederherstellungscode einmal zeigen.",
        pt: "Criar uma nova identidade e mostrar o seu código de recuperação uma só vez."),
      discussion: helpText(
        fr: """
          Les clés sont créées ici et ne quittent jamais cet ordinateur sans être
          chiffrées. Le coffre NAME.keystore est protégé par votre mot de passe
          (Argon2id). Un code de secours est montré une seule fois : écrivez-le sur
          papier ; avec lui, un mot de passe oublié peut être remplacé.

          Exemple :
            wallet-cli identity create --kind citizen --name maria
            wallet-cli identity create --kind trustee --name paul --home /media/usb/psp
          """,
        en: """
          The keys are made here and never leave this computer unencrypted. The
          keystore NAME.keystore is protected by your passphrase (Argon2id). A
          recovery code is shown once: write it on paper; with it, a forgotten
          passphrase can be replaced.

          Example:
            wallet-cli identity create --kind citizen --name maria
            wallet-cli identity create --kind trustee --name paul --home /media/usb/psp
          """,
        de: """
          Die Schlüssel werden hier erstellt und verlassen diesen Computer nie
          unverschlüsselt. Der Schlüsselspeicher NAME.keystore ist durch Ihr Passwort
          geschützt (Argon2id). Ein Wiederherstellungscode wird einmal gezeigt:
          Schreiben Sie ihn auf Papier; mit ihm kann ein vergessenes Passwort ersetzt
          werden.

          Beispiel:
            wallet-cli identity create --kind citizen --name maria
            wallet-cli identity create --kind trustee --name paul --home /media/usb/psp
          """,
        pt: """
          As chaves são criadas aqui e nunca saem deste computador sem estarem
          cifradas. O cofre NAME.keystore está protegido pela sua palavra-passe
          (Argon2id). Um código de recuperação é mostrado uma só vez: escreva-o em
          papel; com ele, uma palavra-passe esquecida pode ser substituída.

          Exemplo:
            wallet-cli identity create --kind citizen --name maria
            wallet-cli identity create --kind trustee --name paul --home /media/usb/psp
          """))
  }

  @Option(
    help: ArgumentHelp(
      helpText(
        fr:
          "À quoi sert l'identité : citizen (titulaire), trustee (personne de confiance), administration ou operator (opérateur).",
        en: "What the identity is for: citizen, trustee, administration or operator.",
        de:
          "Wofür die Identität ist: citizen (Inhaber/in), trustee (Vertrauensperson), administration (Behörde) oder operator (Betreiber).",
        pt:
          "Para que serve a identidade: citizen (titular), trustee (pessoa de confiança), administration (administração) ou operator (operador)."
      )))
  var kind: RoleArgument

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Un nom court pour elle ; le fichier est NAME.keystore.",
        en: "A short name for it; the file is NAME.keystore.",
        de: "Ein kurzer Name dafür; die Datei heißt NAME.keystore.",
        pt: "Um nome curto para ela; o ficheiro é NAME.keystore."),
      valueName: "name"))
  var name: String

  /// Cheap key derivation, for tests only (also PSP_FAST_KDF=1).
  @Flag(help: .hidden)
  var fastKdf = false

  @OptionGroup var home: HomeOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard IdentityName.isValid(name) else {
      throw usageError(Messages.identityNameInvalid, output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let home = Home(self.home, environment: invocation.environment)
      let file = home.keystoreURL(name)
      guard !FileManager.default.fileExists(atPath: file.path) else {
        throw Messages.identityExists(name)
      }
      let passphrase = try Passphrase.new(self.home, for: name, invocation)
      let (keystore, code) = try Self.make(
        kind.kind, passphrase: passphrase, at: file, in: home,
        fast: fastKdf || invocation.environment["PSP_FAST_KDF"] == "1")
      let shown = PublicIdentityFile(name: name, keystore: keystore, wallet: nil)
      code.withGroupedText { recoveryCode in
        if invocation.json {
          try? invocation.printJSON(Created(identity: shown, recoveryCode: recoveryCode))
        } else {
          print(shown, recoveryCode: recoveryCode, invocation)
        }
      }
    }
  }

  /// The smallest cost libsodium accepts: a test must not wait on Argon2id.
  /// A new identity of `kind`, its keystore written at `file` (sealed with the
  /// passphrase and with a new recovery code, returned to be shown once).
  static func make(
    _ kind: PrincipalKind, passphrase: SecureBytes, at file: URL, in home: Home, fast: Bool
  ) throws -> (Keystore, RecoveryCode) {
    let (keystore, code) = try Keystore.create(
      for: Identity(kind: kind), passphrase: passphrase,
      passphraseParameters: fast ? try testParameters() : .moderate(),
      recoveryParameters: fast ? try testParameters() : .interactive())
    try home.createIfNeeded()
    try keystore.write(to: file)
    return (keystore, code)
  }

  static func testParameters() throws -> Argon2idParameters {
    try Argon2idParameters(iterations: 1, memoryBytes: 8 * 1024)
  }

  private struct Created: Encodable {
    let identity: PublicIdentityFile
    let recoveryCode: String
  }

  private func print(_ shown: PublicIdentityFile, recoveryCode: String, _ invocation: Invocation) {
    let role = invocation.say(Words.role(shown.kind))
    invocation.line(
      fr: "Identité créée : \(name) (\(role)).", en: "Identity created: \(name) (\(role)).",
      de: "Identität erstellt: \(name) (\(role)).", pt: "Identidade criada: \(name) (\(role)).")
    shown.printKeys(invocation)
    invocation.line()
    invocation.line(
      fr: "Code de secours : \(recoveryCode)", en: "Recovery code: \(recoveryCode)",
      de: "Wiederherstellungscode: \(recoveryCode)", pt: "Código de recuperação: \(recoveryCode)")
    invocation.line()
    invocation.line(
      fr: """
        Notez ce code sur papier, maintenant, et gardez-le en lieu sûr.
        Il ne sera plus jamais affiché. Sans lui, un mot de passe oublié ne peut pas être remplacé.
        Ne le donnez à personne : avec ce code, on peut agir à votre place.
        """,
      en: """
        Write this code on paper, now, and keep it in a safe place.
        It will never be shown again. Without it, a forgotten passphrase cannot be replaced.
        Give it to nobody: with this code, someone could act in your name.
        """,
      de: """
        Schreiben Sie diesen Code jetzt auf Papier und bewahren Sie ihn an einem sicheren Ort auf.
        Er wird nie wieder gezeigt. Ohne ihn kann ein vergessenes Passwort nicht ersetzt werden.
        Geben Sie ihn niemandem: Mit diesem Code könnte jemand in Ihrem Namen handeln.
        """,
      pt: """
        Escreva este código em papel, agora, e guarde-o num lugar seguro.
        Nunca mais será mostrado. Sem ele, uma palavra-passe esquecida não pode ser substituída.
        Não o dê a ninguém: com este código, alguém poderia agir em seu nome.
        """)
  }
}
