import PSPConsent
import PSPWallet
import WalletAPI

/// The consent rules as a client knows them: the bundled templates and field
/// catalogue, and the registry of administrations as walletd publishes it
/// (each registration re-checked on reading).
public enum ClientRules {
  public static func fetch(_ transport: Transport) async throws(ClientError) -> StandardConsentRules {
    let view = try await transport.get("/v1/administrations", as: AdministrationsView.self)
    var registry = AdministrationRegistry()
    for entry in view.administrations {
      do {
        guard let id = AdministrationID(rawValue: entry.id), let kind = AdministrationKind(rawValue: entry.kind) else {
          throw ClientError.badAnswer("malformed administration")
        }
        try registry.register(
          Administration(
            id: id, name: entry.name, kind: kind, signingKey: entry.signingKey, encryptionKey: entry.encryptionKey,
            purposes: Set(entry.purposes.compactMap(Purpose.init(rawValue:))),
            contact: AdministrationContact(service: entry.service, phone: entry.phone, email: entry.email)))
      } catch { throw .badAnswer("an administration's registration does not check") }
    }
    return StandardConsentRules(registry: registry, circles: { FieldCatalogue.standard[$0]?.circle })
  }
}

extension StandardConsentRules {
  func administration(_ id: String) throws(ClientError) -> Administration {
    guard let raw = AdministrationID(rawValue: id), let administration = registry.administration(id: raw) else {
      throw .local("no administration \(id) is registered")
    }
    return administration
  }

  func publicIdentity(of administration: Administration) -> PublicIdentity {
    PublicIdentity(
      kind: .administration, signingKey: administration.signingKey, encryptionKey: administration.encryptionKey)
  }
}
