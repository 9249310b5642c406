import PSPCrypto

/// The administrations registered on the platform, checked against the aid
/// templates: an administration is registered only for aids whose template lets
/// its kind process them. Pure: storing the registry is the caller's job.
public struct AdministrationRegistry: Sendable {
  public let catalogue: TemplateCatalogue
  private var byID: [AdministrationID: Administration] = [:]
  private var idByKeyID: [String: AdministrationID] = [:]
  private var idByEncryptionKey: [AgreementPublicKey: AdministrationID] = [:]

  public init(catalogue: TemplateCatalogue = .standard) {
    self.catalogue = catalogue
  }

  public mutating func register(_ administration: Administration) throws(RegistryError) {
    for purpose in administration.purposes.sorted() {
      guard let template = catalogue[purpose] else { throw .unknownPurpose(purpose) }
      guard template.mayBeProcessed(by: administration.kind) else {
        throw .kindNotAllowed(administration.kind, purpose)
      }
    }
    guard byID[administration.id] == nil else { throw .duplicateID(administration.id) }
    if let other = idByKeyID[administration.keyID]
      ?? idByEncryptionKey[administration.encryptionKey]
    {
      throw .keyAlreadyRegistered(by: other)
    }
    byID[administration.id] = administration
    idByKeyID[administration.keyID] = administration.id
    idByEncryptionKey[administration.encryptionKey] = administration.id
  }

  /// Every registered administration, by id.
  public var administrations: [Administration] { byID.values.sorted { $0.id < $1.id } }

  public func administration(id: AdministrationID) -> Administration? { byID[id] }

  /// The administration whose signing key has this `k4.pid` identifier.
  public func administration(keyID: String) -> Administration? {
    idByKeyID[keyID].flatMap { byID[$0] }
  }

  /// Whether `id` is registered and may process `purpose`.
  public func mayProcess(_ id: AdministrationID, purpose: Purpose) -> Bool {
    guard let administration = byID[id], let template = catalogue[purpose] else { return false }
    return administration.mayProcess(purpose: purpose)
      && template.mayBeProcessed(by: administration.kind)
  }

  /// The administrations registered for `purpose`, by id.
  public func administrations(processing purpose: Purpose) -> [Administration] {
    administrations.filter { mayProcess($0.id, purpose: purpose) }
  }
}
