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
    // A certificate for an id already published renews it (new validity, or
    // new keys the registrar certified), if it starts no earlier than the one
    // it replaces; grants to old keys then no longer name a registered
    // administration. Any other clash (a key of another administration) is refused.
    let current = certificates
    var replaced: String? = nil
    var renewed = AdministrationRegistry()
    for certificate in current {
      guard
        let one = try? AdministrationCertificate.verify(
          certificate, registrars: registrars, at: now)
      else {
        continue
      }
      if one.id == administration.id {
        guard certified.notBefore >= one.notBefore else {
          throw .conflict("a newer certificate of this administration is already published")
        }
        replaced = certificate
        continue
      }
      try? renewed.register(one.administration)
    }
    do { try renewed.register(administration) } catch { throw .badRequest(error.description) }
    let text: String
    do { text = String(decoding: try JSONEncoder().encode(administration), as: UTF8.self) } catch {
      throw .badRequest("the registration is not valid")
    }
    let at = now
    let registrars = registrars
    // Inserted, or replacing the row of its id (a renewal, also of a
    // certificate that lapsed and is no longer published) — unless the row
    // holds a certificate that starts later: another walletd sharing the
    // store may have renewed it since this one last read the certificates.
    let _: Bool = try await write(wallet: nil) { tx in
      if let stored = try tx.administrationCertificate(id: administration.id.rawValue),
        let one = try? AdministrationCertificate.verify(stored, registrars: registrars, at: at),
        certified.notBefore < one.notBefore
      {
        throw APIError.conflict("a newer certificate of this administration is already published")
      }
      try tx.upsertAdministration(
        id: administration.id.rawValue, keyID: administration.keyID, record: text,
        certificate: certified.certificate, at: at)
      return true
    }
    // Rebuilt from the certificates as they are now, under the lock: another
    // registration may have landed since `renewed` was checked.
    publish(registered: certified.certificate, replacing: replaced)
  }

  /// The registrars' certificates, as published: clients verify each one.
  public func administrations() -> AdministrationsView {
    AdministrationsView(
      administrations: certificates.map(AdministrationCertificateView.init(certificate:)))
  }
}
