/// Keystore failures, each with what to do next. Never contains a passphrase,
/// a recovery code or a key.
public enum KeystoreError: Error, Equatable, Sendable, CustomStringConvertible {
  case wrongPassphrase
  case wrongRecoveryCode
  case malformedRecoveryCode
  case corrupted(String)
  case fileNotFound(String)
  case alreadyExists(String)
  case io(String)
  case unsupportedParameters(String)

  public var description: String {
    switch self {
    case .wrongPassphrase:
      "the passphrase is not right (or the keystore file was changed); nothing was changed"
    case .wrongRecoveryCode:
      "the recovery code is not right for this keystore; nothing was changed"
    case .malformedRecoveryCode:
      "a recovery code has 24 letters and digits, in groups of four"
    case .corrupted(let what): "the keystore file is damaged (\(what)); restore it or use the recovery code"
    case .fileNotFound(let path): "no keystore at \(path)"
    case .alreadyExists(let path): "a keystore already exists at \(path); it was left as it was"
    case .io(let what): "the keystore could not be \(what)"
    case .unsupportedParameters(let why): "the keystore uses parameters this version refuses: \(why)"
    }
  }
}
