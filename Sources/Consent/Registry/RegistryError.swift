/// Why an administration could not be registered. The messages speak to the
/// operator; they name ids, kinds and purposes, never a key's bytes.
public enum RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
  case blankName
  case invalidContact(String)
  /// The signing key is not a `k4.public.` PASERK of 32 bytes.
  case malformedSigningKey
  /// The encryption key is not the base64url of 32 bytes.
  case malformedEncryptionKey
  /// The encryption key is a low-order X25519 point: what is sealed to it is
  /// readable by anyone.
  case weakEncryptionKey
  case noPurpose
  /// No aid template exists for the purpose.
  case unknownPurpose(Purpose)
  /// The purpose's template does not let this kind of administration process it.
  case kindNotAllowed(AdministrationKind, Purpose)
  case duplicateID(AdministrationID)
  /// Another administration already uses this signing or encryption key: a key
  /// names one administration only, or grants and the access log would be ambiguous.
  case keyAlreadyRegistered(by: AdministrationID)

  public var description: String {
    switch self {
    case .blankName:
      "the administration has no name"
    case .invalidContact(let reason):
      "the contact is invalid: \(reason)"
    case .malformedSigningKey:
      "the signing key is not a k4.public PASERK; hint: expected 'k4.public.' then 43 base64url characters (an Ed25519 public key)"
    case .malformedEncryptionKey:
      "the encryption key is not an X25519 public key; hint: expected 43 base64url characters (32 bytes, no padding)"
    case .weakEncryptionKey:
      "the encryption key is a low-order X25519 point and would protect nothing; hint: generate a new key pair"
    case .noPurpose:
      "the administration is registered for no aid; hint: give at least one purpose"
    case .unknownPurpose(let purpose):
      "no aid template for purpose \(purpose); hint: check the purpose id or update the templates"
    case .kindNotAllowed(let kind, let purpose):
      "an administration of kind \(kind) may not process \(purpose); hint: check the kind or the purpose's template"
    case .duplicateID(let id):
      "an administration with id \(id) is already registered"
    case .keyAlreadyRegistered(let other):
      "this key is already registered for administration \(other); hint: each administration needs its own keys"
    }
  }
}
