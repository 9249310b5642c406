import PSPCrypto

/// An administration registered on the platform: who it is, the keys it reads
/// and signs with, and the aids it is registered for. Registering is the
/// operator's act; an administration may then read only what a citizen's grant
/// for one of these purposes allows.
public struct Administration: Sendable, Hashable {
  public let id: AdministrationID
  public let name: String
  public let kind: AdministrationKind
  /// Authenticates the administration's requests and signs its acknowledgements
  /// and decisions.
  public let signingKey: SigningPublicKey
  /// What a grant seals data keys to.
  public let encryptionKey: AgreementPublicKey
  /// `k4.pid` of the signing key: the name grants and the access log use.
  public let keyID: String
  public let purposes: Set<Purpose>
  public let contact: AdministrationContact

  public init(
    id: AdministrationID,
    name: String,
    kind: AdministrationKind,
    signingKey: SigningPublicKey,
    encryptionKey: AgreementPublicKey,
    purposes: Set<Purpose>,
    contact: AdministrationContact
  ) throws(RegistryError) {
    guard !name.isBlank else { throw .blankName }
    guard !purposes.isEmpty else { throw .noPurpose }
    try AdministrationKeys.checkNotLowOrder(encryptionKey)
    self.id = id
    self.name = name
    self.kind = kind
    self.signingKey = signingKey
    self.encryptionKey = encryptionKey
    self.keyID = Paserk.identifier(of: signingKey)
    self.purposes = purposes
    self.contact = contact
  }

  /// From the text forms an operator handles: a `k4.public.` PASERK and the
  /// base64url of the X25519 key.
  public init(
    id: AdministrationID,
    name: String,
    kind: AdministrationKind,
    signingKey: String,
    encryptionKey: String,
    purposes: Set<Purpose>,
    contact: AdministrationContact
  ) throws(RegistryError) {
    try self.init(
      id: id, name: name, kind: kind,
      signingKey: AdministrationKeys.signingKey(from: signingKey),
      encryptionKey: AdministrationKeys.encryptionKey(from: encryptionKey),
      purposes: purposes, contact: contact)
  }

  /// The signing key as a `k4.public.` PASERK.
  public var signingKeyPaserk: String { Paserk.encode(signingKey) }

  /// The encryption key as unpadded base64url.
  public var encryptionKeyText: String { AdministrationKeys.text(of: encryptionKey) }

  /// Whether the administration is registered for `purpose`. The registry also
  /// checks the purpose's template still lists its kind.
  public func mayProcess(purpose: Purpose) -> Bool { purposes.contains(purpose) }
}

extension Administration: Codable {
  enum CodingKeys: String, CodingKey {
    case id, name, kind, purposes, contact
    case signingKey = "signing_key"
    case encryptionKey = "encryption_key"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    do {
      try self.init(
        id: c.decode(AdministrationID.self, forKey: .id),
        name: c.decode(String.self, forKey: .name),
        kind: c.decode(AdministrationKind.self, forKey: .kind),
        signingKey: c.decode(String.self, forKey: .signingKey),
        encryptionKey: c.decode(String.self, forKey: .encryptionKey),
        purposes: Set(c.decode([Purpose].self, forKey: .purposes)),
        contact: c.decode(AdministrationContact.self, forKey: .contact))
    } catch let error as RegistryError {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encode(kind, forKey: .kind)
    try c.encode(signingKeyPaserk, forKey: .signingKey)
    try c.encode(encryptionKeyText, forKey: .encryptionKey)
    try c.encode(purposes.sorted(), forKey: .purposes)
    try c.encode(contact, forKey: .contact)
  }
}
