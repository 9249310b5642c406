import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// The consent rules as a client knows them: the bundled templates and field
/// catalogue, and the administrations walletd publishes — each one only
/// through its registrar's certificate, verified here against the registrar
/// keys pinned in the client's trust, and against the keys this client
/// remembers for it. A certificate that does not verify, or keys that changed
/// without the person's confirmation, stop the client: it seals nothing.
public enum ClientRules {
  public static func fetch(_ transport: Transport) async throws(ClientError) -> StandardConsentRules
  {
    let view = try await transport.get("/v1/administrations", as: AdministrationsView.self)
    return try certify(view, trust: transport.trust, at: Int64(Date().timeIntervalSince1970))
  }

  /// The registry of the certificates that verify; an expired one is left out.
  static func certify(_ view: AdministrationsView, trust: ClientTrust, at now: Int64)
    throws(ClientError)
    -> StandardConsentRules
  {
    var registry = AdministrationRegistry()
    var certified: [CertifiedAdministration] = []
    if trust.registrars.isEmpty && !view.administrations.isEmpty { throw .noRegistrar }
    for entry in view.administrations {
      do {
        certified.append(
          try AdministrationCertificate.verify(
            entry.certificate, registrars: trust.registrars, at: now))
      } catch .expired {
        continue
      } catch .notYetValid {
        continue
      } catch {
        throw .forged(.certificateInvalid(unverifiedID(entry.certificate)))
      }
    }
    // A renewed certificate replaces the older one of the same id: the one in
    // force that started last (then the one that ends last) counts.
    var newest: [AdministrationID: CertifiedAdministration] = [:]
    for one in certified {
      if let other = newest[one.id],
        (other.notBefore, other.expires) >= (one.notBefore, one.expires)
      {
        continue
      }
      newest[one.id] = one
    }
    certified = newest.values.sorted { $0.id < $1.id }
    try trust.update { (memory) throws(ClientError) in
      for one in certified {
        let known = ClientMemory.KnownAdministration(one)
        guard var remembered = memory.administrations[one.id.rawValue] else {
          memory.administrations[one.id.rawValue] = known
          continue
        }
        if remembered.sameKeys(known) {
          // A renewal with the same keys: remember that it is the newest.
          if one.notBefore > remembered.notBefore ?? .min {
            remembered.notBefore = one.notBefore
            memory.administrations[one.id.rawValue] = remembered
          }
          continue
        }
        // Other keys, from a certificate older than the one accepted: an old
        // certificate served again (keys the administration left), not a change.
        if let accepted = remembered.notBefore, one.notBefore < accepted {
          throw .forged(.certificateRolledBack(one.id.rawValue))
        }
        trust.notePendingChange(one.id.rawValue, old: remembered, new: one)
        throw .forged(.administrationKeysChanged(one.id.rawValue))
      }
    }
    for one in certified {
      do { try registry.register(one.administration) } catch {
        throw .forged(.certificateInvalid(one.id.rawValue))
      }
    }
    return StandardConsentRules(
      registry: registry, circles: { FieldCatalogue.standard[$0]?.circle })
  }

  /// After a fetch, the key change that stopped it for administration `id`
  /// (the keys remembered and the certificate with new ones), or nil if the
  /// keys of `id` did not change.
  public static func pendingKeyChange(_ id: String, transport: Transport) async throws(ClientError)
    -> (old: ClientMemory.KnownAdministration, new: CertifiedAdministration)?
  {
    do {
      _ = try await fetch(transport)
      return nil
    } catch {
      if case .forged(let forgery) = error, forgery == .administrationKeysChanged(id) {
        return transport.trust.pendingKeyChange(id)
      }
      throw error
    }
  }

  /// The rules without any administration: enough to verify a chain of
  /// statements (procurations are checked against the templates only).
  static let chains = StandardConsentRules(
    registry: AdministrationRegistry(), circles: { FieldCatalogue.standard[$0]?.circle })

  /// The administration id a certificate claims, read only to name it in a refusal.
  public static func unverifiedID(_ certificate: String) -> String {
    struct Claims: Decodable {
      struct Inner: Decodable { let id: String }
      let administration: Inner
    }
    guard let claims = SignedStatement.unverifiedClaims(of: certificate, as: Claims.self),
      AdministrationID(rawValue: claims.administration.id) != nil
    else { return "?" }
    return claims.administration.id
  }
}

extension StandardConsentRules {
  func administration(_ id: String) throws(ClientError) -> Administration {
    guard let raw = AdministrationID(rawValue: id),
      let administration = registry.administration(id: raw)
    else {
      throw .local("no administration \(id) is registered")
    }
    return administration
  }

  func publicIdentity(of administration: Administration) -> PublicIdentity {
    PublicIdentity(
      kind: .administration, signingKey: administration.signingKey,
      encryptionKey: administration.encryptionKey)
  }
}

