import PSPCrypto

/// An authenticated caller: the keys its session was opened with.
public struct Caller: Sendable, Equatable {
  public let keyID: String
  public let signingKey: SigningPublicKey
  public let encryptionKey: AgreementPublicKey

  public init(signingKey: SigningPublicKey, encryptionKey: AgreementPublicKey) {
    self.signingKey = signingKey
    self.encryptionKey = encryptionKey
    keyID = Paserk.identifier(of: signingKey)
  }
}
