import Foundation
import HTTPTypes
import Hummingbird
import PSPConsent
import PSPWallet
import WalletClient

/// The citizen's own pages beyond fields and permissions: opening the wallet
/// after reading the consent text (`wallet open`), and the documents of circle
/// 4, uploaded and downloaded (`field set NAME --file`, `field get NAME`).
extension AppPages {
  func registerCitizen(on router: Router<AppRequestContext>) {
    router.get("/open") { _, _ in try await openPage() }
    router.post("/open") { request, _ in try await openWallet(request) }
    router.get("/documents") { request, _ in
      try await documents(
        notice: request.uri.queryParameters.get("saved") != nil ? AppWords.saved : nil)
    }
    router.post("/documents") { request, _ in try await upload(request) }
    router.get("/documents/:name") { _, context in
      try await download(context.parameters.get("name") ?? "")
    }
    registerWallet(on: router)
    registerRequest(on: router)
    registerIdentity(on: router)
  }

  // MARK: opening the wallet

  func openPage(error: Message? = nil) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .citizen else { return redirect("/") }
    var values = try await frame(acting)
    let terms = ConsentTerms.current
    values["terms"] = terms.text(language).components(separatedBy: "\n\n")
    values["version"] = say(WalletWords.termsVersion(terms.version))
    values["question"] = say(WalletWords.acceptQuestion)
    values["acceptLabel"] = say(AppWords.accept)
    values["openLabel"] = say(AppWords.openWallet)
    if let error { tell(error, in: &values) }
    return html(
      AppTemplates.page("open", values, language: language, title: say(AppWords.openWallet)))
  }

  func openWallet(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard acting.identity.kind == .citizen else { return redirect("/") }
    guard form["accept"] == "yes" else {
      return try await openPage(error: Messages.consentNotGiven)
    }
    do {
      let remembered = try HomeState.read(acting.home)[acting.name]
      guard remembered.wallet == nil else { throw Messages.walletAlreadyOpen(acting.name) }
      guard remembered.closedWallet == nil else {
        throw Messages.walletClosedChooseNew(acting.name)
      }
      let acceptance = ConsentAcceptance(
        terms: .current, language: language, acceptedAt: now)
      let citizen = try await CitizenClient.openWallet(
        try acting.transport(context.server, context.invocation), acceptance: acceptance)
      let wallet = citizen.walletID.description
      try HomeState.update(acting.home, acting.name) { $0.wallet = wallet }
    } catch { return try await failed(error, acting) }
    return redirect("/?opened=1")
  }

  // MARK: documents

  func documents(notice: LocalizedText? = nil, error: Message? = nil) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    var values = try await frame(acting)
    let kinds = FieldCatalogue.standard.fields.filter { $0.type == .document }
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      let held = try await citizen.fields()
      values["documents"] = kinds.map { definition -> [String: Any] in
        var row: [String: Any] = ["id": definition.id.rawValue, "label": say(definition.label)]
        if let entry = held.first(where: { $0.record.field == definition.id }),
          case .document(let document) = entry.value
        {
          row["held"] = entry.value.displayText(language: language)
          row["size"] = document.bytes.count
        }
        return row
      }
    } catch { return try await failed(error, acting) }
    values["choices"] = kinds.map { ["id": $0.id.rawValue, "label": say($0.label)] }
    values["labels"] = [
      "none": say(AppWords.noDocument), "download": say(AppWords.download),
      "add": say(AppWords.addDocument), "kind": say(AppWords.field),
      "file": say(AppWords.file), "send": say(AppWords.save),
      "accepted": say(AppWords.documentTypes),
    ]
    if let notice { values["notice"] = say(notice) }
    if let error { tell(error, in: &values) }
    return html(
      AppTemplates.page("documents", values, language: language, title: say(AppWords.documents)))
  }

  /// A document chosen in the page: checked as `field set NAME --file` checks
  /// it (its type, its content, its size), saved, or refused in place.
  func upload(_ request: Request) async throws -> Response {
    guard let upload = await AppUpload.read(request, limit: Document.maximumBytes + 64 * 1024),
      await session.isForm(upload["csrf"])
    else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    let name = upload["name"] ?? ""
    guard let definition = FieldCommand.definition(name), definition.type == .document else {
      return try await documents(error: Messages.unknownField(name))
    }
    guard let file = upload.file("file"), !file.bytes.isEmpty else {
      return try await documents(error: Messages.documentUnreadable)
    }
    let checked = Result { () throws(FieldValidationError) in
      try definition.validateDocument(
        file.bytes, mediaType: FieldSetCommand.mediaType(of: file.filename ?? ""))
    }
    guard case .success(let value) = checked else {
      if case .failure(let error) = checked {
        return try await documents(
          error: Messages.invalidValueWithExample(error, field: definition))
      }
      return try await documents()
    }
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      try await citizen.set([(definition.id, value)], at: now)
    } catch { return try await failed(error, acting) }
    return redirect("/documents?saved=1")
  }

  /// One of the person's documents, to save: never shown inside the page.
  func download(_ name: String) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    guard let definition = FieldCommand.definition(name), definition.type == .document else {
      return try await documents(error: Messages.unknownField(name))
    }
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      guard
        let entry = try await citizen.fields().first(where: { $0.record.field == definition.id }),
        case .document(let document) = entry.value
      else { throw Messages.fieldEmpty(definition) }
      return attachment(
        document.bytes, type: document.mediaType.rawValue,
        filename: "\(definition.id.rawValue).\(Self.fileExtension(document.mediaType))")
    } catch { return try await failed(error, acting) }
  }

  static func fileExtension(_ type: PSPWallet.MediaType) -> String {
    switch type {
    case .pdf: "pdf"
    case .png: "png"
    case .jpeg: "jpg"
    case .plainText: "txt"
    }
  }

  /// Bytes to save as a file (`Content-Disposition: attachment`), never shown
  /// inside the app's pages.
  func attachment(_ bytes: [UInt8], type: String, filename: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = type
    headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
    return Response(
      status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}
