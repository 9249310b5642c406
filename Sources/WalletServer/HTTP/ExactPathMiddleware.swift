import Hummingbird

/// Paths are exact (`spec/api.md` §2): a trailing slash or an empty segment
/// (`/v1/wallets/W/`, `/v1//wallets/W`) names no resource and is answered 404,
/// rather than being matched to the path it resembles.
struct ExactPathMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let path = request.uri.path
    if path != "/" && (path.hasSuffix("/") || path.contains("//")) {
      return Responses.problem(.notFound("no such path (paths are exact)"))
    }
    return try await next(request, context)
  }
}
