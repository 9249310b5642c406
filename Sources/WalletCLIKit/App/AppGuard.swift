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
struct AppGuard<Context: RequestContext>: RouterMiddleware {
  let session: AppSession
  let port: @Sendable () -> Int
  static var cookieName: String { "psp_app" }

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    Self.secured(try await check(request, context: context, next: next))
  }

  private func check(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
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
    if request.uri.path == "/", let token = request.uri.queryParameters.get("token") {
      guard await session.redeem(token) else {
        return Self.refusal(.forbidden, AppWords.addressUsed)
      }
      var headers = HTTPFields()
      headers[.location] = "/"
      headers[.setCookie] =
        "\(Self.cookieName)=\(session.cookie); HttpOnly; SameSite=Strict; Path=/"
      return Response(status: .seeOther, headers: headers)
    }
    guard await session.isSession(request.cookies[Self.cookieName]?.value) else {
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
    response.headers[.referrerPolicy] = "no-referrer"
    response.headers[.cacheControl] = "no-store"
    return response
  }

  /// A refusal as a short page in the four languages (the app's own
  /// language is not known before the session is).
  static func refusal(_ status: HTTPResponse.Status, _ text: LocalizedText) -> Response {
    let html = AppTemplates.refusal(text)
    var headers = HTTPFields()
    headers[.contentType] = "text/html; charset=utf-8"
    return Response(
      status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
  }
}

extension HTTPField.Name {
  static var xFrameOptions: Self { Self("X-Frame-Options")! }
  static var xContentTypeOptions: Self { Self("X-Content-Type-Options")! }
  static var referrerPolicy: Self { Self("Referrer-Policy")! }
}
