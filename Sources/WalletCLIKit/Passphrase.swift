import Foundation
import PSPCrypto
import PSPWallet

/// Where a passphrase comes from: `--passphrase-file` (its first line), else
/// `PSP_PASSPHRASE`, else the terminal without echo. The bytes live in guarded
/// memory; a passphrase is never printed, logged or written anywhere.
enum Passphrase {
  static let minimumCharacters = 8

  /// The passphrase of an existing identity.
  static func existing(_ options: HomeOptions, for name: String, _ invocation: Invocation)
    throws(Message) -> SecureBytes
  {
    if let given = try given(options, invocation) { return given }
    let prompt = invocation.say(
      fr: "Mot de passe de \(name) : ", en: "Passphrase for \(name): ",
      de: "Passwort für \(name): ", pt: "Palavra-passe de \(name): ")
    guard let typed = invocation.console.readSecret(prompt) else { throw Messages.noPassphrase }
    return typed
  }

  /// A new passphrase: asked twice on a terminal; at least 8 characters.
  static func new(_ options: HomeOptions, for name: String, _ invocation: Invocation)
    throws(Message) -> SecureBytes
  {
    let passphrase: SecureBytes
    if let given = try given(options, invocation) {
      passphrase = given
    } else {
      let prompt = invocation.say(
        fr: "Choisissez un mot de passe pour \(name) : ", en: "Choose a passphrase for \(name): ",
        de: "Wählen Sie ein Passwort für \(name): ",
        pt: "Escolha uma palavra-passe para \(name): ")
      guard let first = invocation.console.readSecret(prompt) else { throw Messages.noPassphrase }
      let again = invocation.say(
        fr: "Tapez-le une seconde fois : ", en: "Type it a second time: ",
        de: "Geben Sie es ein zweites Mal ein: ", pt: "Escreva-a uma segunda vez: ")
      guard let second = invocation.console.readSecret(again) else { throw Messages.noPassphrase }
      guard first.constantTimeEquals(second) else { throw Messages.passphrasesDiffer }
      passphrase = first
    }
    guard characterCount(passphrase) >= minimumCharacters else {
      throw Messages.passphraseTooShort(minimumCharacters)
    }
    return passphrase
  }

  private static func given(_ options: HomeOptions, _ invocation: Invocation) throws(Message)
    -> SecureBytes?
  {
    if let path = options.passphraseFile {
      guard var bytes = try? Array(Data(contentsOf: URL(fileURLWithPath: path))) else {
        throw Messages.passphraseFileUnreadable
      }
      defer { wipe(&bytes) }
      let end = bytes.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.endIndex
      return SecureBytes(copying: bytes[..<end])
    }
    if let text = invocation.environment["PSP_PASSPHRASE"], !text.isEmpty {
      return SecureBytes(copying: Array(text.utf8))
    }
    return nil
  }

  /// Unicode scalars, counted in place (no copy of the secret as a String).
  static func characterCount(_ secret: SecureBytes) -> Int {
    secret.withUnsafeBytes { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
  }

  /// A recovery code: `PSP_RECOVERY_CODE`, else typed without echo.
  static func recoveryCode(_ invocation: Invocation) throws(Message) -> RecoveryCode {
    let secret: SecureBytes
    if let text = invocation.environment["PSP_RECOVERY_CODE"], !text.isEmpty {
      secret = SecureBytes(copying: Array(text.utf8))
    } else {
      let prompt = invocation.say(
        fr: "Votre code de secours : ", en: "Your recovery code: ",
        de: "Ihr Wiederherstellungscode: ", pt: "O seu código de recuperação: ")
      guard let typed = invocation.console.readSecret(prompt) else { throw Messages.noRecoveryCode }
      secret = typed
    }
    do { return try RecoveryCode(parsing: secret) } catch { throw Messages.from(error) }
  }
}
