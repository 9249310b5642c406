import PSPConsent
import PSPWallet

/// What walletd answers when it refuses. Each case chooses its HTTP status and
/// becomes an RFC 9457 problem document; none carries a value, a key or a
/// token, only a code and a short message a person can act on.
public enum APIError: Error, Equatable, Sendable {
  case unauthenticated(String)
  case forbidden(String)
  case notFound(String)
  case badRequest(String)
  case conflict(String)
  case refused(ConsentRefusal)
  /// A trustee refused under one of its procurations (internal: logged, then
  /// answered as `refused`).
  case trusteeRefused(ConsentRefusal, procuration: StatementID)
  case tooLarge
  /// A body whose `Content-Type` is not `application/json`.
  case unsupportedMediaType
  case tooManyRequests
  case unavailable(String)

  /// Whether `error` is walletd's own failure (503: its store not answering,
  /// walletd stopping), not the caller's: the failure limiter does not count it.
  static func isOutage(_ error: any Error) -> Bool {
    if case .unavailable = error as? APIError { return true }
    return false
  }

  public var status: Int {
    switch self {
    case .unauthenticated: 401
    case .forbidden, .refused, .trusteeRefused: 403
    case .notFound: 404
    case .badRequest: 400
    case .conflict: 409
    case .tooLarge: 413
    case .unsupportedMediaType: 415
    case .tooManyRequests: 429
    case .unavailable: 503
    }
  }

  /// Stable problem code: the last part of the problem `type` URI.
  public var code: String {
    switch self {
    case .unauthenticated: "unauthenticated"
    case .forbidden: "forbidden"
    case .notFound: "not-found"
    case .badRequest: "bad-request"
    case .conflict: "conflict"
    case .refused(let refusal), .trusteeRefused(let refusal, _): refusal.code
    case .tooLarge: "too-large"
    case .unsupportedMediaType: "unsupported-media-type"
    case .tooManyRequests: "too-many-requests"
    case .unavailable: "unavailable"
    }
  }

  public var detail: String {
    switch self {
    case .unauthenticated(let why), .forbidden(let why), .notFound(let why), .badRequest(let why),
      .conflict(let why), .unavailable(let why):
      why
    case .refused(let refusal), .trusteeRefused(let refusal, _): refusal.message(.english)
    case .tooLarge: "the request body is too large"
    case .unsupportedMediaType: "a request body must be sent as Content-Type: application/json"
    case .tooManyRequests: "too many failed attempts; wait a minute"
    }
  }

  /// Maps lower-level errors: consent refusals keep their code; wallet
  /// conflicts become 409; anything unexpected a 400 or 503 with a neutral text.
  init(_ error: any Error) {
    switch error {
    case let api as APIError: self = api
    case let refusal as ConsentRefusal: self = .refused(refusal)
    case WalletError.versionConflict(let field, let expected):
      self = .conflict("field \(field) is at another version; expected \(expected)")
    case WalletError.unknownWallet: self = .notFound("no such wallet")
    case WalletError.walletClosed: self = .conflict("the wallet is closed")
    case WalletError.storage(let what) where what.hasPrefix("constraint"):
      self = .conflict("already recorded")
    case WalletError.storage: self = .unavailable("storage failed")
    case StoreError.ambiguousCommit:
      self = .unavailable("the database did not confirm the write; it may have been stored")
    case is StoreError: self = .unavailable("storage failed")
    case let wallet as WalletError: self = .badRequest(wallet.description)
    default: self = .badRequest("the request could not be processed")
    }
  }
}
