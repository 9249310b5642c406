import PSPCrypto

/// Who a principal is to the PSP. Every principal has the same two keys; the
/// kind only says which role the keystore was made for.
public enum PrincipalKind: String, Sendable, Codable, CaseIterable {
  case citizen, trustee, administration, `operator`
  /// The registration authority (in Luxembourg, the ministry that supervises the
  /// aid): signs the certificates of administrations; not the operator.
  case registrar
}

/// A principal's secret keys: Ed25519 to sign (consents, requests), X25519 to
/// receive sealed keys. Both in guarded memory.
public struct Identity: Sendable {
  public let kind: PrincipalKind
  public let signingKey: SigningKey
  public let encryptionKey: AgreementKey

  public init(kind: PrincipalKind) {
    self.kind = kind
    self.signingKey = SigningKey()
    self.encryptionKey = AgreementKey()
  }

  public init(kind: PrincipalKind, signingKey: SigningKey, encryptionKey: AgreementKey) {
    self.kind = kind
    self.signingKey = signingKey
    self.encryptionKey = encryptionKey
  }

  public var publicIdentity: PublicIdentity {
    PublicIdentity(
      kind: kind, signingKey: signingKey.publicKey, encryptionKey: encryptionKey.publicKey)
  }
}

/// The public half of an identity, as others know it.
public struct PublicIdentity: Sendable, Hashable {
  public let kind: PrincipalKind
  public let signingKey: SigningPublicKey
  public let encryptionKey: AgreementPublicKey

  public init(kind: PrincipalKind, signingKey: SigningPublicKey, encryptionKey: AgreementPublicKey)
  {
    self.kind = kind
    self.signingKey = signingKey
    self.encryptionKey = encryptionKey
  }

  /// The key id (`k4.pid`) that names this principal in tokens and the access log.
  public var keyID: String { Paserk.identifier(of: signingKey) }
}
