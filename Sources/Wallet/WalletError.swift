import PSPCrypto

/// Failures of the wallet layer. Messages never contain a field value, a
/// passphrase or key material: only what failed and what to do.
public enum WalletError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A stored or received structure is malformed (names which one).
  case malformed(String)
  /// A record does not open: wrong key, moved to another field, version or
  /// wallet, or tampered. Nothing is returned.
  case recordDoesNotOpen(field: FieldID, version: UInt64)
  /// A wrapped key or circle key envelope does not open with this key.
  case keyDoesNotOpen(String)
  /// The consent was not given: a wallet is opened only by the citizen's act.
  case consentNotGiven
  /// The consent receipt does not verify under the owner's key.
  case consentReceiptInvalid
  /// The wallet does not exist in this store.
  case unknownWallet
  /// The field has no value yet.
  case unknownField(FieldID)
  /// Another version was written first; read again and retry.
  case versionConflict(field: FieldID, expected: UInt64)
  /// The wallet is closed: its keys were destroyed.
  case walletClosed
  /// A crypto failure that the wallet layer does not refine further.
  case crypto(CryptoError)
  /// The storage failed (names the operation, never the data).
  case storage(String)

  public var description: String {
    switch self {
    case .malformed(let what): "malformed \(what)"
    case .recordDoesNotOpen(let field, let version):
      "the record of \(field) version \(version) does not open: wrong key or tampered data"
    case .keyDoesNotOpen(let what): "the \(what) does not open with this key"
    case .consentNotGiven: "the wallet is opened only after you accept the consent text"
    case .consentReceiptInvalid: "the consent receipt does not verify"
    case .unknownWallet: "no such wallet"
    case .unknownField(let field): "the field \(field) has no value"
    case .versionConflict(let field, let expected):
      "the field \(field) changed meanwhile (expected version \(expected)); read it again"
    case .walletClosed: "the wallet is closed"
    case .crypto(let error): error.description
    case .storage(let operation): "storage failed: \(operation)"
    }
  }
}
