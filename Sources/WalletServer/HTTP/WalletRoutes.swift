import Foundation
import HTTPTypes
import Hummingbird
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// The HTTP API (`spec/openapi.yaml`), wired to `WalletService`. Each handler
/// collects its body within a limit, authenticates the caller, decodes strictly
/// and calls the service; every failure becomes a problem document.
public struct WalletRoutes: Sendable {
  public static let bodyLimit = 1 << 20
  public static let fieldsBodyLimit = 16 << 20

  let service: WalletService
  let sessions: any SessionAuthority
  let limiter: FailureLimiter
  let metrics: @Sendable () -> String

  public init(
    service: WalletService, limiter: FailureLimiter = FailureLimiter(),
    metrics: @escaping @Sendable () -> String = { "" }
  ) {
    self.service = service
    sessions = service.sessions
    self.limiter = limiter
    self.metrics = metrics
  }

  public func router() -> Router<WalletRequestContext> {
    let router = Router(context: WalletRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ExactPathMiddleware())
    let s = service

    router.get("/healthz") { _, _ in Responses.json(["status": "alive"]) }
    router.get("/readyz") { _, _ in
      if let blocked = s.witnessing.blocked { return Responses.problem(.unavailable(blocked)) }
      return (try? await s.store.ping()) != nil
        ? Responses.json(["status": "ready"])
        : Responses.problem(.unavailable("the database is not reachable"))
    }
    router.get("/metrics") { _, _ in
      Responses.text(metrics() + (await s.gauges()), contentType: "text/plain; version=0.0.4")
    }
    router.get("/openapi.yaml") { _, _ in
      Responses.text(OpenAPIDocument.text, contentType: "application/yaml")
    }
    router.get("/v1/purposes") { _, _ in Responses.json(PurposesView(TemplateCatalogue.standard)) }
    // The latest witnessed checkpoint of the epoch log, for monitors (public: it names no one).
    router.get("/v1/log/checkpoint") { _, _ in
      guard let note = await s.witnessing.checkpoint() else {
        return Responses.problem(.notFound("no epoch has been witnessed yet"))
      }
      return Responses.text(
        String(decoding: note, as: UTF8.self), contentType: "text/plain; charset=utf-8")
    }
    router.get("/v1/log/vkey") { _, _ in
      Responses.text(s.witnessing.vkey + "\n", contentType: "text/plain; charset=utf-8")
    }
    router.get("/v1/administrations") { _, _ in Responses.json(s.administrations()) }

    router.post("/v1/sessions") { request, context in
      await respond(request, context, authenticate: false) { _, body in
        guard !limiter.isThrottled(context.remoteAddress, at: s.now) else {
          throw APIError.tooManyRequests
        }
        do {
          return Responses.json(
            try await sessions.open(
              StrictJSON.decode(SessionRequest.self, from: body), at: s.now))
        } catch {
          if !APIError.isOutage(error) { limiter.recordFailure(context.remoteAddress, at: s.now) }
          throw error
        }
      }
    }
    router.post("/v1/administrations") { request, context in
      await respond(request, context) { caller, body in
        try await s.register(
          StrictJSON.decode(AdministrationCertificateView.self, from: body), caller: caller!)
        return Responses.json(Done(), status: .created)
      }
    }
    router.post("/v1/wallets") { request, context in
      await respond(request, context) { caller, body in
        try await s.openWallet(
          StrictJSON.decode(OpenWalletRequest.self, from: body), caller: caller!)
        return Responses.json(Done(), status: .created)
      }
    }
    router.get("/v1/wallets/:wallet") { request, context in
      await respond(request, context) { caller, _ in
        Responses.json(try await s.walletView(try wallet(context), caller: caller!))
      }
    }
    router.post("/v1/wallets/:wallet/close") { request, context in
      await respond(request, context) { caller, body in
        try await s.closeWallet(
          try wallet(context), request: StrictJSON.decode(CloseRequest.self, from: body),
          caller: caller!)
        return Responses.json(Done())
      }
    }
    router.get("/v1/wallets/:wallet/envelopes") { request, context in
      await respond(request, context) { caller, _ in
        Responses.json(try await s.envelopes(try wallet(context), caller: caller!))
      }
    }
    router.post("/v1/wallets/:wallet/fields") { request, context in
      await respond(request, context, limit: Self.fieldsBodyLimit) { caller, body in
        try await s.putFields(
          try wallet(context), request: StrictJSON.decode(FieldsRequest.self, from: body),
          caller: caller!)
        return Responses.json(Done(), status: .created)
      }
    }
    router.get("/v1/wallets/:wallet/fields") { request, context in
      await respond(request, context) { caller, _ in
        let history = try queryValue(request, "history").map {
          raw throws(APIError) -> FieldID in
          guard let field = FieldID(rawValue: raw) else { throw .badRequest("malformed field id") }
          return field
        }
        return Responses.json(
          try await s.records(try wallet(context), history: history, caller: caller!))
      }
    }
    router.post("/v1/wallets/:wallet/grants") { request, context in
      await respond(request, context) { caller, body in
        try await s.issueGrant(
          try wallet(context), request: StrictJSON.decode(GrantRequest.self, from: body),
          caller: caller!)
        return Responses.json(Done(), status: .created)
      }
    }
    router.get("/v1/wallets/:wallet/grants") { request, context in
      await respond(request, context) { caller, _ in
        Responses.json(try await s.grants(try wallet(context), caller: caller!))
      }
    }
    router.post("/v1/wallets/:wallet/status-changes") { request, context in
      await respond(request, context, limit: Self.fieldsBodyLimit) { caller, body in
        try await s.changeStatus(
          try wallet(context), request: StrictJSON.decode(StatusChangeRequest.self, from: body),
          caller: caller!)
        return Responses.json(Done(), status: .created)
      }
    }
    router.post("/v1/wallets/:wallet/procurations") { request, context in
      await respond(request, context) { caller, body in
        try await s.issueProcuration(
          try wallet(context), request: StrictJSON.decode(ProcurationRequest.self, from: body),
          caller: caller!)
        return Responses.json(Done(), status: .created)
      }
    }
    router.get("/v1/wallets/:wallet/procurations") { request, context in
      await respond(request, context) { caller, _ in
        Responses.json(try await s.procurations(try wallet(context), caller: caller!))
      }
    }
    router.post("/v1/wallets/:wallet/filings") { request, context in
      await respond(request, context) { caller, body in
        Responses.json(
          try await s.file(
            try wallet(context), request: StrictJSON.decode(FilingRequest.self, from: body),
            caller: caller!),
          status: .created)
      }
    }
    router.get("/v1/wallets/:wallet/filings") { request, context in
      await respond(request, context) { caller, _ in
        Responses.json(try await s.filings(try wallet(context), caller: caller!))
      }
    }
    router.post("/v1/wallets/:wallet/filings/:filing/responses") { request, context in
      await respond(request, context) { caller, body in
        guard let raw = context.parameters.get("filing"), let filing = try? StatementID(raw) else {
          throw APIError.badRequest("malformed filing id")
        }
        try await s.respond(
          try wallet(context), filing: filing,
          request: StrictJSON.decode(FilingResponseRequest.self, from: body),
          caller: caller!)
        return Responses.json(Done(), status: .created)
      }
    }
    router.get("/v1/grants") { request, context in
      await respond(request, context) { caller, _ in
        Responses.json(try await s.incomingGrants(caller: caller!))
      }
    }
    router.post("/v1/reads") { request, context in
      await respond(request, context) { caller, body in
        let answer = try await s.read(
          StrictJSON.decode(ReadRequestBody.self, from: body), caller: caller!)
        return Responses.json(bytes: ReadAnswerJSON.bytes(answer))
      }
    }
    router.get("/v1/wallets/:wallet/log") { request, context in
      await respond(request, context) { caller, _ in
        let start = try integer(request, "start") ?? 0
        return Responses.json(
          try await s.logEntries(try wallet(context), start: start, caller: caller!))
      }
    }
    router.get("/v1/wallets/:wallet/log/proof") { request, context in
      await respond(request, context) { caller, _ in
        Responses.json(try await s.logProof(try wallet(context), caller: caller!))
      }
    }
    router.get("/v1/wallets/:wallet/log/consistency") { request, context in
      await respond(request, context) { caller, _ in
        guard let from = try integer(request, "from"), let to = try integer(request, "to") else {
          throw APIError.badRequest("from and to are needed")
        }
        return Responses.json(
          try await s.consistencyProof(try wallet(context), from: from, to: to, caller: caller!))
      }
    }
    router.get("/v1/wallets/:wallet/log/inclusion") { request, context in
      await respond(request, context) { caller, _ in
        guard let index = try integer(request, "index"), let size = try integer(request, "size")
        else {
          throw APIError.badRequest("index and size are needed")
        }
        return Responses.json(
          try await s.inclusionProof(try wallet(context), index: index, size: size, caller: caller!)
        )
      }
    }
    return router
  }

  /// Collects the body within `limit`, authenticates (unless told not to),
  /// runs `body`, and turns any failure into a problem document.
  func respond(
    _ request: Request, _ context: WalletRequestContext, authenticate: Bool = true,
    limit: Int = bodyLimit,
    _ handler: (Caller?, [UInt8]) async throws -> Response
  ) async -> Response {
    var request = request
    let bytes: [UInt8]
    do {
      let buffer = try await request.collectBody(upTo: limit)
      bytes = Array(buffer.readableBytesView)
    } catch {
      return Responses.problem(.tooLarge)
    }
    do {
      // A body is JSON and says so: anything else (a form, text, a missing
      // type) is refused before it is read as JSON.
      if !bytes.isEmpty, !Self.isJSON(request.headers[.contentType]) {
        throw APIError.unsupportedMediaType
      }
      var caller: Caller? = nil
      if authenticate {
        caller = try await self.authenticate(request, body: bytes, context: context)
      }
      return try await handler(caller, bytes)
    } catch let error as APIError {
      return Responses.problem(error)
    } catch {
      return Responses.problem(APIError(error))
    }
  }

  /// `application/json`, in any case, with or without parameters (`; charset=utf-8`).
  /// The media type before any parameter, without surrounding blanks, is
  /// `application/json` in any case (RFC 9110 §8.3.1). On the bytes: it runs
  /// on every request with a body, and Foundation's trimming and lowercasing
  /// cost 2 % of a read.
  static func isJSON(_ contentType: String?) -> Bool {
    guard let contentType else { return false }
    var mediaType = contentType.utf8[...]
    if let semicolon = mediaType.firstIndex(of: UInt8(ascii: ";")) {
      mediaType = mediaType[..<semicolon]
    }
    func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    while let first = mediaType.first, blank(first) { mediaType = mediaType.dropFirst() }
    while let last = mediaType.last, blank(last) { mediaType = mediaType.dropLast() }
    let expected = "application/json".utf8
    return mediaType.count == expected.count
      && zip(mediaType, expected).allSatisfy { byte, wanted in
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
          ? byte | 0x20 == wanted : byte == wanted
      }
  }

  func authenticate(_ request: Request, body: [UInt8], context: WalletRequestContext)
    async throws(APIError) -> Caller
  {
    let headers = request.headers
    func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
    guard
      let (session, counter, mac) = RequestAuthentication.parseHeaders(
        session: header(RequestAuthentication.sessionHeader),
        counter: header(RequestAuthentication.counterHeader),
        mac: header(RequestAuthentication.macHeader))
    else {
      throw .unauthenticated("missing or malformed authentication headers; open a session first")
    }
    let now = service.now
    do throws(APIError) {
      return try await sessions.authenticate(
        session: session, counter: counter, mac: mac, method: request.method.rawValue,
        path: request.uri.description, body: body, at: now)
    } catch {
      // walletd unable to check (its store not answering) is no failure of the caller's.
      if APIError.isOutage(error) { throw error }
      limiter.recordFailure(context.remoteAddress, at: now)
      if limiter.isThrottled(context.remoteAddress, at: now) { throw .tooManyRequests }
      throw error
    }
  }
}

private func wallet(_ context: WalletRequestContext) throws(APIError) -> WalletID {
  guard let raw = context.parameters.get("wallet"), let id = try? WalletID(raw) else {
    throw .badRequest("malformed wallet id")
  }
  return id
}

/// The raw value of query parameter `name`, given at most once: a repeated
/// parameter is refused, not resolved to one of its values.
private func queryValue(_ request: Request, _ name: String) throws(APIError) -> String? {
  var found: String? = nil
  for part in (request.uri.query ?? "").split(separator: "&", omittingEmptySubsequences: false) {
    let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    guard pieces.first.map(String.init) == name else { continue }
    guard found == nil else { throw .badRequest("\(name) is given more than once") }
    found = pieces.count == 2 ? String(pieces[1]) : ""
  }
  return found
}

/// A whole number in the query, written as the counter header is: ASCII
/// digits only (no sign, no blank, no percent-encoding), 1 to 18 of them, no
/// leading zero but for 0 itself.
private func integer(_ request: Request, _ name: String) throws(APIError) -> Int? {
  guard let raw = try queryValue(request, name) else { return nil }
  guard (1...18).contains(raw.utf8.count), raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
    raw == "0" || raw.utf8.first != 0x30, let value = Int(raw)
  else { throw .badRequest("\(name) must be a whole number written in digits") }
  return value
}
