import Foundation
import Hummingbird
import PSPCrypto
import PSPWallet

/// Making an identity in the page (`identity create`: its recovery code shown
/// once, on a sheet to print) and a new passphrase with the recovery code
/// (`identity recover`). Both before any unlocking: the passphrase and the
/// code arrive as form text, copied into guarded memory, the copies wiped.
extension AppPages {
  func registerIdentity(on router: Router<AppRequestContext>) {
    router.get("/create") { _, _ in try await createPage() }
    router.post("/create") { request, _ in try await createIdentity(request) }
    router.get("/recover") { _, _ in try await recoverPage() }
    router.post("/recover") { request, _ in try await recover(request) }
  }

  func createPage(error: Message? = nil, name: String = "") async throws -> Response {
    var values = try await frame(nil)
    values["name"] = name
    values["labels"] = identityLabels
    if let error { tell(error, in: &values) }
    return html(
      AppTemplates.page("create", values, language: language, title: say(AppWords.createTitle)))
  }

  func createIdentity(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    let name = form["name"] ?? ""
    let kind: PrincipalKind = form["kind"] == "trustee" ? .trustee : .citizen
    let home = Home(context.home, environment: context.environment)
    do {
      guard IdentityName.isValid(name) else { throw Messages.identityNameInvalid }
      let file = home.keystoreURL(name)
      guard !FileManager.default.fileExists(atPath: file.path) else {
        throw Messages.identityExists(name)
      }
      let passphrase = try Self.newPassphrase(form)
      let (_, code) = try IdentityCreateCommand.make(
        kind, passphrase: passphrase, at: file, in: home,
        fast: context.environment["PSP_FAST_KDF"] == "1")
      // Shown once, on the sheet to print; nothing keeps it here.
      let grouped = code.withGroupedText { $0 }
      return try await recoverySheet(name: name, code: grouped)
    } catch {
      return try await createPage(
        error: Messages.from(error), name: IdentityName.isValid(name) ? name : "")
    }
  }

  func recoverPage(error: Message? = nil) async throws -> Response {
    var values = try await frame(nil)
    let people = unlockable()
    values["people"] = people.map { ["name": $0.name] }
    values["several"] = people.count > 1
    values["labels"] = identityLabels
    if let error { tell(error, in: &values) }
    return html(
      AppTemplates.page("recover", values, language: language, title: say(AppWords.recoverTitle)))
  }

  func recover(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    let home = Home(context.home, environment: context.environment)
    do {
      let name = form["who"] ?? unlockable().first?.name ?? ""
      guard unlockable().contains(where: { $0.name == name }) else {
        throw Messages.noSuchIdentity(name)
      }
      let keystore = try home.readKeystore(name)
      var typed = Array((form["code"] ?? "").utf8)
      let secret = SecureBytes(copying: typed)
      wipe(&typed)
      let identity: Identity
      do { identity = try keystore.unlock(recoveryCode: try RecoveryCode(parsing: secret)) } catch {
        throw Messages.from(error)
      }
      let passphrase = try Self.newPassphrase(form)
      try keystore.replacingPassphrase(identity: identity, with: passphrase).write(
        to: home.keystoreURL(name), replacing: true)
      return try await unlockPage(nil, notice: WalletWords.newPassphrase(name))
    } catch {
      return try await recoverPage(error: Messages.from(error))
    }
  }

  /// The new passphrase typed twice, the same, long enough; the form's copies wiped.
  static func newPassphrase(_ form: AppForm) throws(Message) -> SecureBytes {
    var first = Array((form["passphrase"] ?? "").utf8)
    var second = Array((form["again"] ?? "").utf8)
    defer {
      wipe(&first)
      wipe(&second)
    }
    let passphrase = SecureBytes(copying: first)
    guard passphrase.constantTimeEquals(SecureBytes(copying: second)) else {
      throw Messages.passphrasesDiffer
    }
    guard Passphrase.characterCount(passphrase) >= Passphrase.minimumCharacters else {
      throw Messages.passphraseTooShort(Passphrase.minimumCharacters)
    }
    return passphrase
  }

  private var identityLabels: [String: String] {
    [
      "name": say(AppWords.yourName), "nameHelp": say(AppWords.nameHelp),
      "kind": say(AppWords.iAm), "citizen": say(Words.role(.citizen)),
      "trustee": say(Words.role(.trustee)), "passphrase": say(AppWords.newPassphrase),
      "again": say(AppWords.passphraseAgain), "create": say(AppWords.createButton),
      "who": say(AppWords.who), "code": say(AppWords.recoveryCode),
      "recover": say(AppWords.recoverButton),
    ]
  }
}
