import PSPConsent
import PSPWallet
import WalletAPI

/// What the client library reports. `refused` carries walletd's problem
/// document (a code and a text, never data); the others say what failed here.
public enum ClientError: Error, Equatable, Sendable, CustomStringConvertible {
  /// walletd answered with a problem document.
  case refused(Problem)
  /// walletd could not be reached.
  case unreachable(String)
  /// walletd's answer was not what the API promises (or did not verify).
  case badAnswer(String)
  /// A local check failed before anything was sent.
  case local(String)
  /// A consent rule refused it here, before anything was sent (told in the
  /// person's language from its code, like walletd's refusals).
  case consent(ConsentRefusal)
  /// No registration authority is pinned: administrations cannot be checked.
  case noRegistrar
  /// walletd returned something its author did not sign (or an older one):
  /// refused, and nothing was sealed, opened or shown from it.
  case forged(Forgery)

  public var description: String {
    switch self {
    case .refused(let problem):
      "walletd refused (\(problem.status) \(problem.code)): \(problem.detail)"
    case .unreachable(let what): "walletd cannot be reached at \(what)"
    case .badAnswer(let what): "walletd's answer is not valid: \(what)"
    case .local(let what): what
    case .consent(let refusal): "refused here: \(refusal.message(.english))"
    case .forged(let forgery): "refused: \(forgery.description)"
    case .noRegistrar: "no registration authority is set up: administrations cannot be checked"
    }
  }

  /// The refusal code, when walletd refused.
  public var code: String? {
    switch self {
    case .refused(let problem): problem.code
    case .consent(let refusal): refusal.code
    default: nil
    }
  }

  init(_ error: any Error) {
    switch error {
    case let client as ClientError: self = client
    case let forgery as Forgery: self = .forged(forgery)
    case let refusal as ConsentRefusal: self = .consent(refusal)
    case let wallet as WalletError: self = .local(wallet.description)
    default: self = .local("\(error)")
    }
  }
}
