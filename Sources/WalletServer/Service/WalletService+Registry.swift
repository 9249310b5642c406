import Foundation
import PSPConsent
import PSPCrypto
import WalletAPI

extension WalletService {
  /// The operator publishes an administration: its key alone may, and only
  /// with a certificate signed by a registration authority walletd was
  /// configured with (`registrarKeys`), for purposes whose templates list the
  /// administration's kind. The operator cannot make up an administration:
  /// every client verifies the same certificate against its own pinned key.
  public func register(_ request: AdministrationCertificateView, caller: Caller)
    async throws(APIError)
  {
    guard let operatorKeyID, caller.keyID == operatorKeyID else {
      throw .forbidden("only the operator registers administrations")
    }
    let certified: CertifiedAdministration
    do {
      certified = try AdministrationCertificate.verify(
        request.certificate, registrars: registrars, at: now)
    } catch { throw .badRequest(error.description) }
    let administration = certified.administration
    do {
      var check = registry
      try check.register(administration)
    } catch { throw .badRequest(error.description) }
    let text: String
    do { text = String(decoding: try JSONEncoder().encode(administration), as: UTF8.self) } catch {
      throw .badRequest("the registration is not valid")
    }
    let at = now
    let _: Bool = try await write { tx in
      try tx.query(
        "INSERT INTO administrations (id, key_id, record, registered_at, certificate) VALUES (?, ?, ?, ?, ?)",
        [
          .text(administration.id.rawValue), .text(administration.keyID), .text(text), .integer(at),
          .text(certified.certificate),
        ])
      return true
    }
    do {
      try updateRegistry { registry, certificates in
        try registry.register(administration)
        certificates.append(certified.certificate)
      }
    } catch { throw .conflict("already registered") }
  }

  /// The registrars' certificates, as published: clients verify each one.
  public func administrations() -> AdministrationsView {
    AdministrationsView(
      administrations: certificates.map(AdministrationCertificateView.init(certificate:)))
  }
}
