import Foundation
import HTTPTypes
import Hummingbird
import PSPConsent
import PSPCrypto
import PSPDemo
import PSPWallet
import WalletClient

/// The pages of the app, each acting through the same client library, and
/// saying the same words, as the CLI command it stands for.
struct AppPages: Sendable {
  let context: AppContext
  let session: AppSession

  var language: Language { context.language }

  func register(on router: Router<AppRequestContext>) {
    router.get("/") { request, _ in
      let query = request.uri.queryParameters
      return try await home(
        notice: query.get("opened") != nil
          ? AppWords.walletOpened : query.get("closed") != nil ? WalletWords.closed : nil)
    }
    router.post("/unlock") { request, _ in try await unlock(request) }
    router.post("/lock") { request, _ in try await lock(request) }
    router.get("/fields") { request, _ in
      try await fields(
        notice: request.uri.queryParameters.get("saved") != nil ? AppWords.saved : nil)
    }
    router.post("/fields") { request, _ in try await setField(request) }
    router.get("/log") { _, _ in try await log() }
    registerGrants(on: router)
    registerFilings(on: router)
    registerCitizen(on: router)
    registerProcurations(on: router)
    registerTrustee(on: router)
    registerAdministration(on: router)
    registerSheets(on: router)
  }

  // MARK: pages

  private func home(error: Message? = nil, notice: LocalizedText? = nil) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(error) }
    switch acting.identity.kind {
    case .trustee: return try await trusteeHome(acting)
    case .administration: return try await administrationHome(acting)
    default: break
    }
    var values = try await frame(acting)
    do {
      try showWallet(acting, in: &values)
      values["walletLabel"] = say(AppWords.wallet)
      values["referenceLabel"] = say(AppWords.reference)
      values["consentSheet"] = say(AppWords.consentSheet)
    } catch {
      let entry = try? HomeState.read(acting.home)[acting.name]
      if entry?.closedWallet != nil {
        values["closed"] = say(WalletWords.closed)
      } else {
        values["noWallet"] = say(AppWords.noWalletYet)
        values["openLink"] = say(AppWords.openWallet)
      }
    }
    if let notice { values["notice"] = say(notice) }
    return html(AppTemplates.page("home", values, language: language, title: say(AppWords.title)))
  }

  func unlockPage(_ error: Message?, notice: LocalizedText? = nil) async throws -> Response {
    var values = try await frame(nil)
    var people = unlockable()
    if context.demoPassphrase != nil {
      // The demo's people in the order the story meets them.
      people.sort {
        (AppDemo.people.firstIndex(of: $0.name) ?? .max)
          < (AppDemo.people.firstIndex(of: $1.name) ?? .max)
      }
    }
    values["nobody"] = people.isEmpty
    values["createLink"] = say(AppWords.createTitle)
    values["recoverLink"] = say(AppWords.forgotten)
    values["noIdentity"] = say(AppWords.noIdentityHere)
    if let notice { values["notice"] = say(notice) }
    if context.actor.name == nil, people.count > 1 {
      values["people"] = people.map { person -> [String: Any] in
        ["name": person.name, "label": "\(person.name) (\(say(Words.role(person.kind))))"]
      }
      values["whoLabel"] = say(AppWords.who)
    }
    if let demo = context.demoPassphrase {
      values["demo"] = say(AppWords.demoPassphrase) + " " + demo
    }
    values["unlockTitle"] = say(AppWords.unlockTitle)
    values["passphraseLabel"] = say(AppWords.passphrase)
    values["openLabel"] = say(AppWords.open)
    if let error { tell(error, in: &values) }
    return html(AppTemplates.page("unlock", values, language: language, title: say(AppWords.title)))
  }

  private func unlock(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    let invocation = context.invocation
    do {
      var actor = context.actor
      if actor.name == nil, let who = form["who"], !who.isEmpty {
        guard unlockable().contains(where: { $0.name == who }) else {
          throw Messages.noSuchIdentity(who)
        }
        actor.name = who
      }
      let located = try Acting.locate(
        context.home, actor, as: [.citizen, .trustee, .administration], invocation)
      var typed = Array((form["passphrase"] ?? "").utf8)
      let passphrase = SecureBytes(copying: typed)
      wipe(&typed)
      let identity: Identity
      do { identity = try located.keystore.unlock(passphrase: passphrase) } catch {
        throw Messages.from(error)
      }
      await session.unlock(
        Acting(name: located.name, home: located.home, identity: identity), now: now)
      return redirect("/")
    } catch let message as Message {
      return try await unlockPage(message)
    }
  }

  private func lock(_ request: Request) async throws -> Response {
    guard try await form(request) != nil else { return expired() }
    await session.lock()
    return redirect("/")
  }

  private func fields(
    notice: LocalizedText? = nil, error: Message? = nil, typed: String = "",
    chosen: String? = nil
  ) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    var values = try await frame(acting)
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      values["circles"] = circles(try await citizen.fields())
    } catch { return try await failed(error, acting) }
    values["choices"] = FieldCatalogue.standard.fields.filter { $0.type != .document }.map {
      ["id": $0.id.rawValue, "label": say($0.label), "selected": $0.id.rawValue == chosen]
    }
    values["emptyLabel"] = say(AppWords.empty)
    values["changeLabel"] = say(AppWords.change)
    values["fieldLabel"] = say(AppWords.field)
    values["valueLabel"] = say(AppWords.value)
    values["saveLabel"] = say(AppWords.save)
    values["typed"] = typed
    if let notice { values["notice"] = say(notice) }
    if let error { tell(error, in: &values) }
    return html(
      AppTemplates.page("fields", values, language: language, title: say(AppWords.fields)))
  }

  private func setField(_ request: Request) async throws -> Response {
    guard let form = try await form(request) else { return expired() }
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    let name = form["name"] ?? ""
    let typed = form["value"] ?? ""
    guard let definition = FieldCommand.definition(name), definition.type != .document else {
      return try await fields(error: Messages.unknownField(name), chosen: name)
    }
    // Said in place; the value is given back to correct, never put in the message.
    let checked = Result { () throws(FieldValidationError) in try definition.validate(typed) }
    guard case .success(let value) = checked else {
      if case .failure(let error) = checked {
        return try await fields(
          error: Messages.invalidValueWithExample(error, field: definition), typed: typed,
          chosen: name)
      }
      return try await fields(chosen: name)
    }
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      try await citizen.set([(definition.id, value)], at: now)
    } catch { return try await failed(error, acting) }
    return redirect("/fields?saved=1")
  }

  private func log() async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    var values = try await frame(acting)
    do {
      let citizen = try await acting.readableCitizen(context.server, context.invocation)
      let checked = try await citizen.verifyLog(since: nil)
      let rules = try await ClientRules.fetch(citizen.transport)
      let renderer = AccessLogRenderer(
        vocabulary: NamedVocabulary(
          base: DemoVocabulary(rules: rules), names: NameBook.read(acting)),
        owner: acting.identity.publicIdentity.keyID)
      let entries = checked.intact ? checked.entries : try await citizen.log()
      values["sentences"] = entries.reversed().map { renderer.sentence($0, language) }
      if checked.intact {
        values["intact"] = true
        values["intactLabel"] = say(AppWords.intact)
      } else {
        tell(Messages.logNotVerified(checked.problem ?? "?"), in: &values)
      }
    } catch { return try await failed(error, acting) }
    return html(AppTemplates.page("log", values, language: language, title: say(AppWords.log)))
  }

  // MARK: helpers

  /// The identities here that the app serves (citizens, trusted persons,
  /// administrations), with their kind, read without unlocking anything.
  func unlockable() -> [(name: String, kind: PrincipalKind)] {
    let home = Home(context.home, environment: context.environment)
    let names = context.actor.name.map { [$0] } ?? home.names()
    return names.compactMap { name in
      guard let keystore = try? home.readKeystore(name),
        [.citizen, .trustee, .administration].contains(keystore.kind)
      else { return nil }
      return (name, keystore.kind)
    }
  }

  var now: Int64 { Int64(Date().timeIntervalSince1970) }

  /// The fields opened, circle by circle (an empty circle left out), each
  /// circle's fields by name: the citizen's own and those a trusted person reads.
  func circles(_ opened: [(record: FieldRecord, value: FieldValue)]) -> [[String: Any]] {
    Circle.allCases.compactMap { circle -> [String: Any]? in
      let entries = opened.filter { $0.record.circle == circle }
        .sorted { $0.record.field.rawValue < $1.record.field.rawValue }
        .map { entry -> [String: Any] in
          [
            "label": FieldCatalogue.standard[entry.record.field].map { say($0.label) }
              ?? entry.record.field.rawValue,
            "value": entry.value.displayText(language: language),
          ]
        }
      return entries.isEmpty ? nil : ["name": say(Words.circle(circle)), "entries": entries]
    }
  }

  /// The citizen's wallet number and the reference a trusted person types
  /// (`wallet status`); throws when there is no wallet here.
  func showWallet(_ acting: Acting, in values: inout [String: Any]) throws(Message) {
    let wallet = try acting.walletID()
    values["wallet"] = wallet.description
    values["reference"] =
      WalletReference(wallet: wallet, owner: acting.identity.signingKey.publicKey).description
  }

  func say(_ text: LocalizedText) -> String { text.text(in: language) }

  /// What every page shows: the title, the navigation once unlocked, and the
  /// anti-forgery token of the forms.
  func frame(_ acting: Acting?) async throws -> [String: Any] {
    [
      "csrf": session.csrf, "unlocked": acting != nil, "lock": say(AppWords.lock),
      "links": acting.map { AppNavigation.links(for: $0.identity.kind, language) } ?? [],
    ]
  }

  /// A form's fields, once its anti-forgery token is the session's; nil otherwise.
  func form(_ request: Request) async throws -> AppForm? {
    var request = request
    let buffer = try await request.collectBody(upTo: 64 * 1024)
    let form = AppForm(String(buffer: buffer))
    guard await session.isForm(form["csrf"]) else { return nil }
    return form
  }

  func failed(_ error: any Error, _ acting: Acting) async throws -> Response {
    var values = try await frame(acting)
    tell(Messages.from(error), in: &values)
    return html(AppTemplates.page("home", values, language: language, title: say(AppWords.title)))
  }

  /// A message and its hint, shown at the top of the page (`role="alert"`).
  func tell(_ message: Message, in values: inout [String: Any]) {
    values["error"] = say(message.text)
    values["hint"] = message.hint.map(say)
  }

  func expired() -> Response {
    AppGuard<AppRequestContext>.refusal(.forbidden, AppWords.formExpired)
  }

  func html(_ text: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/html; charset=utf-8"
    return Response(
      status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  func redirect(_ location: String) -> Response {
    var headers = HTTPFields()
    headers[.location] = location
    return Response(status: .seeOther, headers: headers)
  }
}
