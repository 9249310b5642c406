import Foundation
import Hummingbird
import PSPConsent
import PSPWallet
import WalletAPI
import WalletClient

/// The printable sheets: one A4 page each, good in black and white, read
/// through the same client library as the CLI commands that show the same
/// things — the consent receipt (`wallet status`), a grant (`grant list`), a
/// procuration for the trusted person with the wallet reference as a QR code
/// (`procuration list`, `procuration create`), a filing's acknowledgement
/// (`filing show`), and the recovery sheet (`identity create`), shown once.
extension AppPages {
  func registerSheets(on router: Router<AppRequestContext>) {
    router.get("/sheets/consent") { _, _ in try await consentSheet() }
    router.get("/sheets/grant/:grant") { _, context in
      try await grantSheet(context.parameters.get("grant") ?? "")
    }
    router.get("/sheets/procuration/:procuration") { _, context in
      try await procurationSheet(context.parameters.get("procuration") ?? "")
    }
    router.get("/sheets/filing/:filing") { _, context in
      try await filingSheet(context.parameters.get("filing") ?? "")
    }
  }

  /// The consent receipt the person signed when opening the wallet, checked
  /// under their own key: which text, accepted when, in which language.
  func consentSheet() async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    let words = AppWords.Sheets.self
    var values: [String: Any] = [:]
    do {
      let wallet = try acting.readableWalletID()
      let transport = try acting.transport(context.server, context.invocation)
      let view = try await transport.send("GET", "/v1/wallets/\(wallet)", as: WalletView.self)
      guard
        let receipt = try? ConsentReceipt.verify(
          view.wallet.consentReceipt, wallet: wallet,
          ownerKey: acting.identity.signingKey.publicKey),
        let accepted = Timestamp.parse(receipt.iat)
      else { throw Messages.forged(.ownerKeyMismatch) }
      var rows = [
        row(words.person, acting.name), row(AppWords.wallet, wallet.description),
        row(words.openedOn, Words.day(view.wallet.createdAt, language)),
      ]
      if let closed = view.wallet.closedAt { rows.append(row(words.closedOn, day(closed))) }
      rows += [
        row(words.termsAccepted, receipt.terms), row(words.acceptedOn, day(accepted)),
        row(words.acceptedIn, words.languageName(receipt.lang)),
      ]
      values["rows"] = rows
      // The text is shown only if it is the very one accepted (same version, same digest).
      let terms = ConsentTerms.current
      let same = receipt.terms == terms.version && receipt.termsDigest == terms.digest
      values["sections"] = [
        section(
          words.whatAccepted, [say(words.receiptSigned)] + (same ? [] : [say(words.olderTerms)]),
          items: same ? terms.text(language).split(separator: "\n").map(String.init) : []),
        section(
          words.closeTitle,
          [say(words.closeWhat), say(words.closeHow(page: say(AppWords.walletPage)))]),
      ]
    } catch { return try await failed(error, acting) }
    return sheet(values, title: words.consentSheet, back: "/")
  }

  /// One grant: who reads which fields, for which aid, until when, and how to stop it.
  func grantSheet(_ id: String) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    let words = AppWords.Sheets.self
    var values: [String: Any] = [:]
    do {
      let citizen = try await acting.citizen(context.server, context.invocation)
      let rules = try await ClientRules.fetch(citizen.transport)
      guard let entry = try await citizen.grants().first(where: { $0.grant.id.rawValue == id })
      else { return try await notFound(Messages.grantNotFound, acting) }
      let grant = entry.grant
      values["rows"] = [
        row(words.administration, rules.name(ofKeyID: grant.grantee)),
        row(words.aid, say(Words.aid(grant.claims.purpose, rules.templates))),
        row(words.number, grant.id.rawValue),
        row(words.state, say(Words.grantState(entry.state))),
        row(words.reads, say(Words.grantKind(grant.claims.kind))),
        row(words.givenOn, day(grant.issuedAt)), row(words.untilDay, day(grant.expires)),
      ]
      if let warning = entry.warning { values["warning"] = say(Messages.forged(warning).text) }
      values["sections"] = [
        section(words.mayRead, [], items: GrantPreview.labels(grant.fields, language)),
        section(
          words.howToStop,
          [
            say(
              words.stopGrantApp(
                page: say(AppWords.grants), pause: say(AppWords.pause),
                revoke: say(AppWords.revoke))),
            say(words.stopGrantCLI(grant.id.rawValue)), say(GrantPreview.takeBack),
          ]),
      ]
    } catch { return try await failed(error, acting) }
    return sheet(values, title: words.grantSheet, back: "/grants")
  }

  /// One procuration, for the trusted person: who gives it to whom, what they
  /// may do, until when, and the wallet reference as a QR code and as text.
  func procurationSheet(_ id: String) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    let words = AppWords.Sheets.self
    var values: [String: Any] = [:]
    do {
      let wallet = try acting.walletID()
      let transport = try acting.transport(context.server, context.invocation)
      let rules = try await ClientRules.fetch(transport)
      let owner = acting.identity.signingKey.publicKey
      let found = try await ProcurationListCommand.given(
        wallet: wallet, owner: owner, transport, rules: rules
      ).first { $0.0.id.rawValue == id }
      guard let (procuration, state) = found else {
        return try await notFound(Messages.procurationNotFound, acting)
      }
      let claims = procuration.claims
      let aids = claims.purposes.map { say(Words.aid($0, rules.templates)) }
      var rows = [
        row(words.givenBy, acting.name),
        row(words.givenTo, NameBook.read(acting).shown(claims.sub)),
        row(words.number, procuration.id.rawValue),
        row(words.kind, say(ProcurationWords.kind(claims.kind))),
        row(words.state, say(Words.grantState(state))),
        row(
          AppWords.procurationMay,
          claims.actions.map { say(Words.action($0)) }.joined(separator: ", ")),
        row(
          AppWords.procurationFor,
          aids.isEmpty ? say(ProcurationWords.anyAid) : aids.joined(separator: ", ")),
      ]
      if let administration = claims.administration {
        rows.append(row(AppWords.procurationWith, rules.name(ofKeyID: administration)))
      }
      if let circle = claims.circle {
        rows.append(row(AppWords.procurationFields, say(AppWords.procurationCircles(circle))))
      }
      let until = day(procuration.expires)
      rows.append(
        row(
          words.validity,
          say(claims.kind == .oneShot ? words.onceUntil(until) : words.untilText(until))))
      values["rows"] = rows
      let reference = WalletReference(wallet: wallet, owner: owner).description
      values["code"] = try code(
        reference, heading: words.walletReference, explained: [say(words.referenceUse)])
      values["sections"] = [
        section(
          words.howToWithdraw,
          [
            say(
              words.withdrawProcuration(
                page: say(AppWords.procurations), id: procuration.id.rawValue))
          ])
      ]
    } catch { return try await failed(error, acting) }
    return sheet(values, title: words.procurationSheet, back: "/procurations")
  }

  /// A filing's acknowledgement: its numbers, the administration and who to
  /// contact there, the day it was filed and the day the decision is due.
  func filingSheet(_ id: String) async throws -> Response {
    guard let acting = await session.unlocked(now: now) else { return try await unlockPage(nil) }
    let words = AppWords.Sheets.self
    var values: [String: Any] = [:]
    do {
      let citizen = try await acting.readableCitizen(context.server, context.invocation)
      let rules = try await ClientRules.fetch(citizen.transport)
      guard let summary = try await citizen.filings().first(where: { $0.filing.id.rawValue == id })
      else { return try await notFound(Messages.filingNotFound, acting) }
      let claims = summary.filing.claims
      var rows = [
        row(words.request, summary.filing.id.rawValue),
        row(words.aid, say(Words.aid(claims.purpose, rules.templates))),
        row(words.administration, rules.name(ofKeyID: claims.administration)),
        row(words.sentOn, day(summary.filing.filedAt)),
        row(words.standing, FilingSummaryText.standing(summary, context.invocation)),
      ]
      if let number = summary.timeline.number { rows.append(row(words.fileNumber, number)) }
      if let due = summary.timeline.dueOn, summary.timeline.outcome == nil {
        rows.append(row(words.dueBy, Words.day(due, language)))
      }
      if let contact = FilingSummaryText.contact(summary) {
        rows.append(row(AppWords.contact, contact))
      }
      values["rows"] = rows
      values["sections"] = [
        section(
          words.filingSheet,
          summary.timeline.number == nil
            ? [say(words.notAcknowledged)] : [say(words.keepSheet)])
      ]
    } catch { return try await failed(error, acting) }
    return sheet(values, title: words.filingSheet, back: "/filings/\(id)")
  }

  /// The recovery sheet, right after an identity is made (the code is shown
  /// once: there is no route to it). `code` is the code grouped as the CLI
  /// prints it (`RecoveryCode.withGroupedText`), shown as text and as a QR code.
  func recoverySheet(name: String, code recovery: String) async throws -> Response {
    html(try recoverySheetPage(name: name, code: recovery))
  }

  /// The recovery sheet's HTML (`Cache-Control: no-store`, as every answer).
  func recoverySheetPage(name: String, code recovery: String) throws -> String {
    let words = AppWords.Sheets.self
    var values: [String: Any] = [:]
    values["rows"] = [row(words.identity, name)]
    values["code"] = try code(recovery, heading: words.recoverySheet, explained: [])
    values["sections"] = [
      section(words.recoveryFor, [say(words.recoveryWhat)]),
      section(words.recoveryWhere, [say(words.recoveryKeep)]),
      section(words.recoveryHow, [say(words.recoveryUse(name))]),
    ]
    return sheetPage(values, title: words.recoverySheet, back: "/")
  }

  // MARK: helpers

  private func row(_ term: LocalizedText, _ value: String) -> [String: String] {
    ["term": say(term), "value": value]
  }

  private func section(_ heading: LocalizedText, _ paragraphs: [String], items: [String] = [])
    -> [String: Any]
  {
    ["heading": say(heading), "paragraphs": paragraphs, "items": items, "hasItems": !items.isEmpty]
  }

  /// A text beside its QR code: the symbol says the same as the text.
  private func code(_ text: String, heading: LocalizedText, explained: [String]) throws
    -> [String: Any]
  {
    let svg = try QRCode(text).svg(label: say(AppWords.Sheets.qrOf(text)))
    return ["heading": say(heading), "svg": svg, "text": text, "explained": explained]
  }

  private func day(_ seconds: Int64) -> String { Words.day(seconds, language) }

  /// An unknown number: said in place, as the CLI says it, with 404.
  private func notFound(_ message: Message, _ acting: Acting) async throws -> Response {
    var response = try await failed(message, acting)
    response.status = .notFound
    return response
  }

  private func sheet(_ values: [String: Any], title: LocalizedText, back: String) -> Response {
    html(sheetPage(values, title: title, back: back))
  }

  private func sheetPage(_ values: [String: Any], title: LocalizedText, back: String) -> String {
    var values = values
    let content = AppTemplates.library.render(values, withTemplate: "sheet") ?? ""
    values["content"] = content
    values["lang"] = language.rawValue
    values["title"] = say(title)
    values["printHint"] = say(AppWords.Sheets.printHint)
    values["backHref"] = back
    values["backLabel"] = say(AppWords.Sheets.back)
    values["printedOn"] = say(AppWords.Sheets.printedOn(day(now)))
    return AppTemplates.library.render(values, withTemplate: "sheet-layout") ?? ""
  }
}
