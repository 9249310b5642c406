import ArgumentParser
import Foundation
import PSPCrypto
import PSPWallet

struct IdentityCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Make a new identity and show its recovery code once.",
    discussion: """
      The keys are made here and never leave this computer unencrypted. The
      keystore NAME.keystore is protected by your passphrase (Argon2id). A
      recovery code is shown once: write it on paper; with it, a forgotten
      passphrase can be replaced.

      Example:
        wallet-cli identity create --kind citizen --name maria
        wallet-cli identity create --kind trustee --name paul --home /media/usb/psp
      """)

  @Option(help: "What the identity is for: citizen, trustee, administration or operator.")
  var kind: RoleArgument

  @Option(help: ArgumentHelp("A short name for it; the file is NAME.keystore.", valueName: "name"))
  var name: String

  /// Cheap key derivation, for tests only (also PSP_FAST_KDF=1).
  @Flag(help: .hidden)
  var fastKdf = false

  @OptionGroup var home: HomeOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard IdentityName.isValid(name) else { throw ValidationError("--name: " + IdentityName.rule) }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let home = Home(self.home, environment: invocation.environment)
      let file = home.keystoreURL(name)
      guard !FileManager.default.fileExists(atPath: file.path) else {
        throw Messages.identityExists(name)
      }
      let passphrase = try Passphrase.new(self.home, for: name, invocation)
      let identity = Identity(kind: kind.kind)
      let fast = fastKdf || invocation.environment["PSP_FAST_KDF"] == "1"
      let (keystore, code) = try Keystore.create(
        for: identity, passphrase: passphrase,
        passphraseParameters: fast ? try Self.testParameters() : .moderate(),
        recoveryParameters: fast ? try Self.testParameters() : .interactive())
      try home.createIfNeeded()
      try keystore.write(to: file)
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
      fr: "Identité créée : \(name) (\(role)).", en: "Identity created: \(name) (\(role)).")
    shown.printKeys(invocation)
    invocation.line()
    invocation.line(fr: "Code de secours : \(recoveryCode)", en: "Recovery code: \(recoveryCode)")
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
        """)
  }
}
