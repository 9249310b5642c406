import Foundation
import HTTPTypes
import Hummingbird
import PSPWallet

/// Every request to the app, checked before any page: it comes to this
/// address (`Host` 127.0.0.1 or localhost, this port: a page of another site
/// rebinding a name to 127.0.0.1 is refused), from it (`Origin`, required on a
/// form), and from the person's browser (the session cookie, given once for
/// the address's one-time token). Every answer forbids framing, sniffing,
/// caching and referrers, and allows no script and no resource from elsewhere.
struct AppGuard<Context: RemoteAddressRequestContext>: RouterMiddleware {
  let session: AppSession
  let port: @Sendable () -> Int
  /// Named after the port: two apps on this computer keep their own cookie.
  var cookieName: String { "psp_app_\(port())" }

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let response: Response
    do {
      response = try await check(request, context: context, next: next)
    } catch let error as HTTPResponseError {
      // A route not found, a body too large: refused with the same headers.
      response = Self.refusal(
        error.status, error.status == .notFound ? AppWords.pageNotFound : AppWords.failedHere)
    } catch {
      response = Self.refusal(.internalServerError, AppWords.failedHere)
    }
    return Self.secured(response)
  }

  private func check(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    // Another user's program on this computer, even with a copied cookie: refused.
    if let client = context.remoteAddress?.port,
      !AppPeer.isThisUser(clientPort: client, serverPort: port())
    {
      return Self.refusal(.forbidden, AppWords.anotherUser)
    }
    let hosts = ["127.0.0.1:\(port())", "localhost:\(port())"]
    guard let authority = request.head.authority, hosts.contains(authority) else {
      return Self.refusal(.misdirectedRequest, AppWords.wrongHost)
    }
    if let origin = request.headers[.origin], !hosts.map({ "http://" + $0 }).contains(origin) {
      return Self.refusal(.forbidden, AppWords.wrongOrigin)
    }
    if request.method == .post, request.headers[.origin] == nil {
      return Self.refusal(.forbidden, AppWords.wrongOrigin)
    }
    // What the browser loads ahead, or what a page elsewhere (another port of
    // 127.0.0.1 is "same-site") makes it ask: never served.
    let purpose = (request.headers[.secPurpose] ?? request.headers[.purpose] ?? "").lowercased()
    if purpose.contains("prefetch") || purpose.contains("prerender") {
      return Self.refusal(.forbidden, AppWords.wrongOrigin)
    }
    if request.uri.path == "/", let token = request.uri.queryParameters.get("token") {
      guard await session.redeem(token, now: Int64(Date().timeIntervalSince1970)) else {
        return Self.refusal(.forbidden, AppWords.addressUsed)
      }
      // A page of the app's own, that goes on to `/`: the next request is then
      // "same-origin", wherever the address was opened from.
      var response = Self.refusal(.ok, AppWords.goingOn, link: "/")
      response.headers[.setCookie] =
        "\(cookieName)=\(session.cookie); HttpOnly; SameSite=Strict; Path=/"
      response.headers[.refresh] = "0; url=/"
      return response
    }
    if let site = request.headers[.secFetchSite], site != "same-origin", site != "none" {
      return Self.refusal(.forbidden, AppWords.wrongOrigin)
    }
    guard await session.isSession(request.cookies[cookieName]?.value) else {
      return Self.refusal(.forbidden, AppWords.noSession)
    }
    return try await next(request, context)
  }

  static func secured(_ response: Response) -> Response {
    var response = response
    response.headers[.contentSecurityPolicy] =
      "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    response.headers[.xFrameOptions] = "DENY"
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.referrerPolicy] = "same-origin"
    response.headers[.cacheControl] = "no-store"
    return response
  }

  /// A refusal as a short page in the four languages (the app's own
  /// language is not known before the session is).
  static func refusal(_ status: HTTPResponse.Status, _ text: LocalizedText, link: String? = nil)
    -> Response
  {
    let html = AppTemplates.refusal(text, link: link)
    var headers = HTTPFields()
    headers[.contentType] = "text/html; charset=utf-8"
    return Response(
      status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
  }
}

extension HTTPField.Name {
  static var secFetchSite: Self { Self("Sec-Fetch-Site")! }
  static var secPurpose: Self { Self("Sec-Purpose")! }
  static var purpose: Self { Self("Purpose")! }
  static var refresh: Self { Self("Refresh")! }
  static var xFrameOptions: Self { Self("X-Frame-Options")! }
  static var xContentTypeOptions: Self { Self("X-Content-Type-Options")! }
  static var referrerPolicy: Self { Self("Referrer-Policy")! }
}
