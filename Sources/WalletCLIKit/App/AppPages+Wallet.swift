import Foundation
import Hummingbird
import PSPConsent
import PSPWallet
import WalletClient

/// The wallet as a whole: its number and reference, an encrypted copy to
/// keep (`wallet export --encrypted`), bringing a copy or a file of fields
/// back in (`wallet import`), and closing it for good (`wallet close`).
extension AppPages {
  func registerWallet(on router: Router<AppRequestContext>) {
    router.get("/wallet") { request, _ in
      try await walletPage(
        notice: request.uri.queryParameters.get("imported").flatMap(Int.init).map(Messages.imported)
      )
    }
    router.get("/wallet/export") { _, _ in try await exportBundle() }
    router.post("/wallet/import") { request, _ in try await importFile(request) }
    router.post("/wallet/close") { request, _ in try await closeWallet(request) }
  }

  func walletPage(notice: LocalizedText? = nil, error: Message? = nil) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .citizen else { return redirect("/") }
    var values = try await frame(acting)
    do {
      try showWallet(acting, in: &values)
      values["open"] = true
    } catch { tell(error, in: &values) }
    values["labels"] = [
      "wallet": say(AppWords.wallet), "reference": say(AppWords.reference),
      "exportTitle": say(AppWords.exportTitle), "exportText": say(AppWords.exportText),
      "export": say(AppWords.exportLink), "importTitle": say(AppWords.importTitle),
      "importText": say(AppWords.importText), "file": say(AppWords.file),
      "import": say(AppWords.importButton), "closeTitle": say(AppWords.closeTitle),
      "closeQuestion": say(WalletWords.closeQuestion), "readStays": say(WalletWords.readStays),
      "forGood": say(AppWords.closeForGood), "close": say(AppWords.closeButton),
      "consentSheet": say(AppWords.consentSheet),
    ]
    if let notice { values["notice"] = say(notice) }
    if let error { tell(error, in: &values) }
    return html(
      AppTemplates.page("wallet", values, language: language, title: say(AppWords.walletPage)))
  }

  /// The encrypted copy, signed by the person and sealed to their own key:
  /// only they can bring it back (`wallet import`).
  func exportBundle() async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .citizen else { return redirect("/") }
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      let bundle = try JSONEncoder().encode(try await citizen.exportBundle())
      return attachment(Array(bundle), type: "application/json", filename: "psp-export.json")
    } catch { return try await failed(error, acting) }
  }

  func importFile(_ request: Request) async throws -> Response {
    guard let upload = await AppUpload.read(request, limit: 64 * 1024 * 1024),
      await session.isForm(upload["csrf"])
    else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .citizen else { return redirect("/") }
    guard let file = upload.file("file"), !file.bytes.isEmpty else {
      return try await walletPage(error: Messages.importUnreadable)
    }
    let count: Int
    do {
      let values = try WalletImportCommand.values(
        in: Data(file.bytes), typed: true, context.invocation
      ) {
        acting.identity
      }
      try await acting.citizen(context.server, context.invocation).set(values, at: now)
      count = values.count
    } catch let message as Message {
      return try await walletPage(error: message)
    } catch { return try await failed(error, acting) }
    return redirect("/wallet?imported=\(count)")
  }

  func closeWallet(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .citizen else { return redirect("/") }
    guard form["confirm"] == "yes" else {
      return try await walletPage(error: Messages.notConfirmed)
    }
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      try await citizen.close(at: now)
      try HomeState.update(acting.home, acting.name) {
        $0.closedWallet = $0.wallet
        $0.wallet = nil
        $0.checkpoint = nil
      }
    } catch { return try await failed(error, acting) }
    return redirect("/?closed=1")
  }
}
