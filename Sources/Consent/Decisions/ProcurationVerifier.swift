import PSPCrypto
import PSPWallet

/// Verifies a procuration token: signed by the wallet's owner, for this wallet,
/// well-formed for its kind. Pure: the caller passes the rules.
public enum ProcurationVerifier {
  public static func verify(_ token: String, authority: WalletAuthority, rules: any ConsentRules)
    throws(ConsentRefusal) -> Procuration
  {
    let claims: ProcurationClaims
    do {
      claims = try SignedStatement.verify(
        token, type: ProcurationClaims.type, publicKey: authority.owner, as: ProcurationClaims.self)
    } catch { throw .procurationInvalid }
    guard claims.typ == ProcurationClaims.type, claims.iss == Paserk.identifier(of: authority.owner)
    else { throw .procurationInvalid }
    guard claims.wallet == authority.wallet else { throw .wrongWallet }
    guard let trusteeKey = try? Paserk.signingPublicKey(from: claims.subKey),
      Paserk.identifier(of: trusteeKey) == claims.sub, claims.sub != claims.iss
    else { throw .procurationInvalid }
    if let text = claims.subEncryptionKey {
      // Notes are sealed to it: one anyone could open is refused with the rest.
      guard (try? AdministrationKeys.encryptionKey(from: text)) != nil else {
        throw .procurationInvalid
      }
    }
    let times = try StatementTimes(iat: claims.iat, nbf: claims.nbf, exp: claims.exp)
    guard !claims.actions.isEmpty else { throw .procurationInvalid }
    guard claims.purposes.allSatisfy(rules.isKnownPurpose) else { throw .procurationInvalid }
    if let circle = claims.circle, Circle(rawValue: circle) == nil { throw .procurationInvalid }
    switch claims.kind {
    case .oneShot:
      // One démarche: one purpose, at one administration, for a short time.
      guard claims.purposes.count == 1, claims.administration != nil,
        times.expires - times.notBefore <= ProcurationClaims.maximumOneShotSeconds
      else { throw .procurationInvalid }
    case .personalised:
      // A scope must be given: purposes or circles; and a period of a year at most.
      guard !claims.purposes.isEmpty || claims.circle != nil,
        times.expires - times.notBefore <= ProcurationClaims.maximumPersonalisedSeconds
      else { throw .procurationInvalid }
    }
    return Procuration(
      claims: claims, token: token, notBefore: times.notBefore, expires: times.expires)
  }

  /// The trustee's public signing key, named in the procuration.
  public static func trusteeKey(of procuration: Procuration) throws(ConsentRefusal)
    -> SigningPublicKey
  {
    guard let key = try? Paserk.signingPublicKey(from: procuration.claims.subKey) else {
      throw .procurationInvalid
    }
    return key
  }

  /// The trustee's X25519 key, named in the procuration (checked when it was
  /// verified); nil for a procuration that names none.
  public static func trusteeEncryptionKey(of procuration: Procuration) -> AgreementPublicKey? {
    procuration.claims.subEncryptionKey.flatMap { try? AdministrationKeys.encryptionKey(from: $0) }
  }

  /// Whether the trustee may take `action` now: not revoked or paused, within
  /// its period, the action allowed, and a one-shot procuration not yet used.
  public static func checkUse(
    _ procuration: Procuration, action: ProcurationAction, state: ConsentState, at now: Int64
  ) throws(ConsentRefusal) {
    guard !state.revoked.contains(procuration.id) else { throw .procurationRevoked }
    guard !state.paused.contains(procuration.id) else { throw .procurationRevoked }
    guard now >= procuration.notBefore else { throw .procurationInvalid }
    guard now < procuration.expires else { throw .procurationExpired }
    guard procuration.claims.actions.contains(action) else {
      throw .actionNotAllowed(action.rawValue)
    }
    if procuration.claims.kind == .oneShot && state.consumed.contains(procuration.id) {
      throw .procurationUsed
    }
  }
}
