import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient

// How the platform edits walletd's answers: decode, change, encode again. The
// API's bodies are immutable structs; these mutable copies keep each forgery
// to the one member it changes.

/// A read answer (`POST /v1/reads`), editable.
struct ReadAnswer {
  var grant: String
  var records: [FieldRecord]
  var keys: [GrantKey]
  var manifest: String?
  var consentReceipt: String
  var procurations: [String]
  var receipt: String?

  init(_ answer: RewritingProxy.Answer) throws {
    let body = try JSONDecoder().decode(ReadResponseBody.self, from: Data(answer.body))
    grant = body.grant
    records = body.records
    keys = body.keys
    manifest = body.manifest
    consentReceipt = body.consentReceipt
    procurations = body.procurations
    receipt = body.receipt
  }

  func answer(status: Int = 200) throws -> RewritingProxy.Answer {
    let body = ReadResponseBody(
      grant: grant, records: records, keys: keys, manifest: manifest,
      consentReceipt: consentReceipt, procurations: procurations, receipt: receipt)
    return .init(status: status, body: try encodeJSON(body))
  }

  func record(_ field: FieldID) -> FieldRecord? { records.first { $0.field == field } }

  /// Puts `record` and `key` in the place of `field`'s (or adds them).
  mutating func replace(_ field: FieldID, record: FieldRecord, key: GrantKey) {
    records.removeAll { $0.field == field }
    keys.removeAll { $0.field == field }
    records.append(record)
    keys.append(key)
  }

  /// Edits a read answer as it passes.
  static func edit(_ edit: @escaping @Sendable (inout ReadAnswer) throws -> Void)
    -> RewritingProxy.Rewrite
  {
    { answer in
      var read = try ReadAnswer(answer)
      try edit(&read)
      return try read.answer(status: answer.status)
    }
  }
}

/// A records listing (`GET /v1/wallets/W/fields`), editable.
struct RecordsAnswer {
  var records: [FieldRecord]
  var statements: [String]
  var procurations: [String]
  var receipt: String?

  init(_ answer: RewritingProxy.Answer) throws {
    let view = try JSONDecoder().decode(RecordsView.self, from: Data(answer.body))
    records = view.records
    statements = view.statements
    procurations = view.procurations
    receipt = view.receipt
  }

  static func edit(_ edit: @escaping @Sendable (inout RecordsAnswer) throws -> Void)
    -> RewritingProxy.Rewrite
  {
    { answer in
      var listing = try RecordsAnswer(answer)
      try edit(&listing)
      return .init(
        status: answer.status,
        body: try encodeJSON(
          RecordsView(
            records: listing.records, statements: listing.statements,
            procurations: listing.procurations, receipt: listing.receipt)))
    }
  }
}

/// `GET /v1/administrations` with one administration's certificate replaced.
func replacingCertificate(of id: String, by forged: String) -> RewritingProxy.Rewrite {
  { answer in
    let view = try JSONDecoder().decode(AdministrationsView.self, from: Data(answer.body))
    var found = false
    let certificates = view.administrations.map { entry in
      guard ClientRules.unverifiedID(entry.certificate) == id else { return entry }
      found = true
      return AdministrationCertificateView(certificate: forged)
    }
    guard found else { throw ForgeryError.nothingToReplace(id) }
    return .init(
      status: answer.status,
      body: try encodeJSON(AdministrationsView(administrations: certificates)))
  }
}

/// `GET /v1/wallets/W/filings` with each response's sealed note rewritten
/// (`nil`: dropped).
func rewritingNotes(_ note: @escaping @Sendable (FilingView.Response) throws -> Bytes?)
  -> RewritingProxy.Rewrite
{
  { answer in
    let view = try JSONDecoder().decode(FilingsView.self, from: Data(answer.body))
    let filings = try view.filings.map { filing in
      FilingView(
        id: filing.id, filing: filing.filing, grant: filing.grant,
        responses: try filing.responses.map {
          FilingView.Response(token: $0.token, sealedNote: try note($0))
        })
    }
    return .init(status: answer.status, body: try encodeJSON(FilingsView(filings: filings)))
  }
}

enum ForgeryError: Error { case nothingToReplace(String), notAToken }

func encodeJSON(_ value: some Encodable) throws -> [UInt8] {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  return Array(try encoder.encode(value))
}

/// A PASETO v4.public token with its claims edited and its original signature
/// kept (the forgery a platform without the signer's key can make).
func keepingSignature(_ token: String, _ edit: (inout [String: Any]) -> Void) throws -> String {
  let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
  guard parts.count >= 3, parts[0] == "v4", parts[1] == "public" else {
    throw ForgeryError.notAToken
  }
  let payload = try Encoding.fromBase64URL(parts[2])
  let signature = Array(payload.suffix(64))
  guard
    var claims = try JSONSerialization.jsonObject(with: Data(payload.dropLast(64)))
      as? [String: Any]
  else { throw ForgeryError.notAToken }
  edit(&claims)
  let message = try JSONSerialization.data(
    withJSONObject: claims, options: [.sortedKeys, .withoutEscapingSlashes])
  return
    ([parts[0], parts[1], Encoding.base64URL(Array(message) + signature)] + parts.dropFirst(3))
    .joined(separator: ".")
}

/// The grant a filing names (read from the filing token, unverified: the test
/// knows it is the one it made).
func filingGrant(_ filing: FilingView) throws -> StatementID {
  let message = try PasetoV4Public.unverifiedMessage(of: filing.filing)
  return try JSONDecoder().decode(FilingClaims.self, from: Data(message)).grant
}
