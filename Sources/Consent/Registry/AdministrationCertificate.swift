import Foundation
import PSPCrypto
import PSPWallet

/// A registration certificate (`spec/consent.md` §"Administration
/// certificates"): the registration authority (`registrar`, not the operator)
/// signs, as `PSP-v1/administration-certificate`, an administration's id, name,
/// kind, purposes, signing and encryption keys and contact, with a validity.
/// The operator only publishes certificates; walletd and every client accept an
/// administration only through a certificate that verifies under a registrar key
/// they were configured with. A platform that swapped an administration's
/// encryption key would have to forge the registrar's signature.
public struct AdministrationCertificateClaims: Codable, Sendable, Equatable {
  public static let type = "PSP-v1/administration-certificate"
  /// A certificate is valid for two years at most.
  public static let maximumSeconds: Int64 = 2 * 366 * 86_400

  public let typ: String
  public let jti: StatementID
  /// Key id of the registrar.
  public let iss: String
  public let administration: Administration
  public let iat: String
  public let nbf: String
  public let exp: String

  public init(
    id: StatementID = StatementID(), issuer: String, administration: Administration,
    issuedAt: Int64,
    notBefore: Int64, expires: Int64
  ) {
    typ = Self.type
    jti = id
    iss = issuer
    self.administration = administration
    iat = Timestamp.rfc3339(issuedAt)
    nbf = Timestamp.rfc3339(notBefore)
    exp = Timestamp.rfc3339(expires)
  }
}

/// An administration whose certificate verified: the only form a client seals
/// to or trusts a signature of.
public struct CertifiedAdministration: Sendable, Equatable {
  public let administration: Administration
  public let certificate: String
  /// Key id of the registrar that signed it.
  public let registrar: String
  public let notBefore: Int64
  public let expires: Int64

  public var id: AdministrationID { administration.id }
}

public enum AdministrationCertificate {
  /// Why a certificate was refused; the messages name no key.
  public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not signed by a registrar key this installation trusts (the operator's
    /// own key, say), or altered.
    case unknownRegistrar
    case malformed
    case notYetValid
    case expired
    case invalid(RegistryError)

    public var description: String {
      switch self {
      case .unknownRegistrar:
        "the certificate is not signed by a registration authority this installation trusts"
      case .malformed: "the certificate is malformed"
      case .notYetValid: "the certificate is not valid yet"
      case .expired: "the certificate has expired"
      case .invalid(let error): "the certified administration is invalid: \(error)"
      }
    }
  }

  /// The registrar signs a certificate for `administration`, valid from `now`
  /// for `days` days.
  public static func issue(
    _ administration: Administration, by registrar: Identity, at now: Int64, days: Int64
  ) throws(WalletError) -> String {
    let claims = AdministrationCertificateClaims(
      issuer: registrar.publicIdentity.keyID, administration: administration, issuedAt: now,
      notBefore: now,
      expires: now + days * 86_400)
    return try SignedStatement.sign(
      claims, type: AdministrationCertificateClaims.type, with: registrar.signingKey)
  }

  /// Verifies a certificate under one of `registrars` (the footer's key id only
  /// chooses which), in force at `now`.
  public static func verify(_ token: String, registrars: [SigningPublicKey], at now: Int64)
    throws(Refusal)
    -> CertifiedAdministration
  {
    guard let kid = SignedStatement.unverifiedKeyID(of: token),
      let key = registrars.first(where: { Paserk.identifier(of: $0) == kid })
    else { throw .unknownRegistrar }
    let claims: AdministrationCertificateClaims
    do {
      claims = try SignedStatement.verify(
        token, type: AdministrationCertificateClaims.type, publicKey: key,
        as: AdministrationCertificateClaims.self)
    } catch .invalidToken("claims do not match the statement type") {
      throw .malformed
    } catch { throw .unknownRegistrar }
    guard claims.typ == AdministrationCertificateClaims.type, claims.iss == kid else {
      throw .malformed
    }
    guard let times = try? StatementTimes(iat: claims.iat, nbf: claims.nbf, exp: claims.exp),
      times.expires - times.notBefore <= AdministrationCertificateClaims.maximumSeconds
    else { throw .malformed }
    guard now >= times.notBefore else { throw .notYetValid }
    guard now < times.expires else { throw .expired }
    return CertifiedAdministration(
      administration: claims.administration, certificate: token, registrar: kid,
      notBefore: times.notBefore,
      expires: times.expires)
  }
}
