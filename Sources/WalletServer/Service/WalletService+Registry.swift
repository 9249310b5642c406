import Foundation
import PSPConsent
import PSPCrypto
import WalletAPI

extension WalletService {
  /// The operator's key alone registers an administration, for purposes whose
  /// templates list its kind.
  public func register(_ registration: AdministrationRegistration, caller: Caller) async throws(APIError) {
    guard let operatorKeyID, caller.keyID == operatorKeyID else {
      throw .forbidden("only the operator registers administrations")
    }
    let administration: Administration
    do {
      guard let id = AdministrationID(rawValue: registration.id),
        let kind = AdministrationKind(rawValue: registration.kind)
      else { throw APIError.badRequest("malformed administration id or kind") }
      var purposes = Set<Purpose>()
      for raw in registration.purposes {
        guard let purpose = Purpose(rawValue: raw) else { throw APIError.badRequest("malformed purpose") }
        purposes.insert(purpose)
      }
      administration = try Administration(
        id: id, name: registration.name, kind: kind, signingKey: registration.signingKey,
        encryptionKey: registration.encryptionKey, purposes: purposes,
        contact: AdministrationContact(service: registration.service, phone: registration.phone, email: registration.email))
      var check = registry
      try check.register(administration)
    } catch let error as APIError {
      throw error
    } catch let error as RegistryError {
      throw .badRequest(error.description)
    } catch { throw .badRequest("the registration is not valid") }
    let text: String
    do { text = String(decoding: try JSONEncoder().encode(administration), as: UTF8.self) } catch {
      throw .badRequest("the registration is not valid")
    }
    let at = now
    let _: Bool = try await write { tx in
      try tx.query(
        "INSERT INTO administrations (id, key_id, record, registered_at) VALUES (?, ?, ?, ?)",
        [.text(administration.id.rawValue), .text(administration.keyID), .text(text), .integer(at)])
      return true
    }
    do { try updateRegistry { try $0.register(administration) } } catch { throw .conflict("already registered") }
  }

  public func administrations() -> AdministrationsView {
    AdministrationsView(
      administrations: registry.administrations.map {
        AdministrationRegistration(
          id: $0.id.rawValue, name: $0.name, kind: $0.kind.rawValue, signingKey: $0.signingKeyPaserk,
          encryptionKey: $0.encryptionKeyText, purposes: $0.purposes.map(\.rawValue).sorted(),
          service: $0.contact.service, phone: $0.contact.phone, email: $0.contact.email)
      })
  }
}
