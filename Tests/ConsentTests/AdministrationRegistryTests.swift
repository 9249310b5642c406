import Foundation
import PSPConsent
import PSPCrypto
import Testing

@Suite("Administration registry")
struct AdministrationRegistryTests {
  static func contact() throws -> AdministrationContact {
    try AdministrationContact(
      service: "Service des aides", phone: "+352 49 10 81-1", email: "aides@example.lu")
  }

  /// An administration with fresh keys, in the text forms an operator handles.
  static func administration(
    id: AdministrationID = "office-social-esch",
    kind: AdministrationKind = .officeSocial,
    purposes: Set<Purpose> = ["aide-sociale", "tiers-payant-social"],
    signingKey: String = Paserk.encode(SigningKey().publicKey),
    encryptionKey: String = Encoding.base64URL(AgreementKey().publicKey.bytes)
  ) throws -> Administration {
    try Administration(
      id: id, name: "Office social d'Esch-sur-Alzette", kind: kind,
      signingKey: signingKey, encryptionKey: encryptionKey, purposes: purposes, contact: contact())
  }

  @Test func aRegisteredAdministrationIsFoundByIdAndByKeyID() throws {
    let signing = SigningKey()
    let office = try Self.administration(signingKey: Paserk.encode(signing.publicKey))
    var registry = AdministrationRegistry()
    try registry.register(office)

    #expect(office.keyID == Paserk.identifier(of: signing.publicKey))
    #expect(office.keyID.hasPrefix("k4.pid."))
    #expect(registry.administration(id: "office-social-esch") == office)
    #expect(registry.administration(keyID: office.keyID) == office)
    #expect(registry.administration(keyID: Paserk.identifier(of: SigningKey().publicKey)) == nil)
    #expect(registry.administration(id: "office-social-mamer") == nil)
  }

  @Test func mayProcessOnlyThePurposesItIsRegisteredFor() throws {
    var registry = AdministrationRegistry()
    try registry.register(Self.administration(purposes: ["aide-sociale"]))
    #expect(registry.mayProcess("office-social-esch", purpose: "aide-sociale"))
    // Allowed for its kind, but not registered for it.
    #expect(!registry.mayProcess("office-social-esch", purpose: "tiers-payant-social"))
    #expect(!registry.mayProcess("office-social-esch", purpose: "revis"))
    #expect(!registry.mayProcess("office-social-mamer", purpose: "aide-sociale"))
    #expect(
      registry.administrations(processing: "aide-sociale").map(\.id) == ["office-social-esch"])
  }

  @Test func anUnknownPurposeIsRefused() throws {
    var registry = AdministrationRegistry()
    #expect(throws: RegistryError.unknownPurpose("aide-inconnue")) {
      try registry.register(Self.administration(purposes: ["aide-sociale", "aide-inconnue"]))
    }
    #expect(registry.administrations.isEmpty)
  }

  @Test func aKindTheTemplateDoesNotListIsRefused() throws {
    var registry = AdministrationRegistry()
    // REVIS is processed by the FNS, not by a commune.
    #expect(throws: RegistryError.kindNotAllowed(.commune, "revis")) {
      try registry.register(
        Self.administration(id: "commune-mamer", kind: .commune, purposes: ["revis"]))
    }
    // The CNS may process tiers payant social, but not the office social's own aid.
    #expect(throws: RegistryError.kindNotAllowed(.cns, "aide-sociale")) {
      try registry.register(Self.administration(id: "cns", kind: .cns, purposes: ["aide-sociale"]))
    }
    try registry.register(
      Self.administration(id: "cns", kind: .cns, purposes: ["tiers-payant-social"]))
    #expect(registry.mayProcess("cns", purpose: "tiers-payant-social"))
  }

  @Test func anAdministrationForNoPurposeIsRefused() {
    #expect(throws: RegistryError.noPurpose) { try Self.administration(purposes: []) }
  }

  @Test func anIdOrAKeyIsRegisteredOnce() throws {
    let signing = Paserk.encode(SigningKey().publicKey)
    let encryption = Encoding.base64URL(AgreementKey().publicKey.bytes)
    var registry = AdministrationRegistry()
    try registry.register(Self.administration(signingKey: signing, encryptionKey: encryption))

    #expect(throws: RegistryError.duplicateID("office-social-esch")) {
      try registry.register(Self.administration())
    }
    #expect(throws: RegistryError.keyAlreadyRegistered(by: "office-social-esch")) {
      try registry.register(Self.administration(id: "office-social-mamer", signingKey: signing))
    }
    #expect(throws: RegistryError.keyAlreadyRegistered(by: "office-social-esch")) {
      try registry.register(
        Self.administration(id: "office-social-mamer", encryptionKey: encryption))
    }
    #expect(registry.administrations.count == 1)
  }

  @Test func malformedSigningKeysAreRefused() throws {
    let key = SigningKey()
    let good = Paserk.encode(key.publicKey)
    let payload = String(good.dropFirst(Paserk.publicHeader.count))
    let secret = key.secretKey.withUnsafeBytes {
      Paserk.secretHeader + Encoding.base64URL(Array($0))
    }
    let malformed = [
      "",
      payload,  // no header
      "k3.public." + payload,  // another version
      "k4.local." + payload,  // another type
      secret,  // a secret key pasted by mistake
      good + "AA",  // too long
      String(good.dropLast(2)),  // too short
      Paserk.publicHeader + "+" + payload.dropFirst(),  // not base64url
    ]
    for text in malformed {
      #expect(throws: RegistryError.malformedSigningKey) {
        try Self.administration(signingKey: text)
      }
    }
  }

  @Test func malformedEncryptionKeysAreRefused() throws {
    let good = Encoding.base64URL(AgreementKey().publicKey.bytes)
    for text in [
      "", String(good.dropLast(1)), good + "A", good + "=", "k4.public." + good,
      Encoding.hex(Array(repeating: 7, count: 32)),
    ] {
      #expect(throws: RegistryError.malformedEncryptionKey) {
        try Self.administration(encryptionKey: text)
      }
    }
  }

  @Test func lowOrderEncryptionKeysAreRefused() throws {
    // Two of the low-order points of Curve25519 (u = 0 and u = 1): anything sealed to
    // them can be opened by anyone.
    let zero = [UInt8](repeating: 0, count: 32)
    let one = [1] + [UInt8](repeating: 0, count: 31)
    for point in [zero, one] {
      #expect(throws: RegistryError.weakEncryptionKey) {
        try Self.administration(encryptionKey: Encoding.base64URL(point))
      }
    }
  }

  @Test func errorsNeverRepeatTheKeyText() throws {
    let secret = SigningKey().secretKey.withUnsafeBytes { Encoding.base64URL(Array($0)) }
    do {
      _ = try Self.administration(signingKey: secret)
      Issue.record("a secret key was accepted as a signing key")
    } catch {
      #expect(!String(describing: error).contains(secret.prefix(8)))
    }
  }

  @Test func aContactNeedsAServiceAndAWayToReachIt() {
    #expect(throws: RegistryError.self) { try AdministrationContact(service: " ", phone: "+352 1") }
    #expect(throws: RegistryError.self) { try AdministrationContact(service: "Accueil") }
    #expect(throws: RegistryError.self) {
      try AdministrationContact(service: "Accueil", phone: "call us")
    }
    #expect(throws: RegistryError.self) {
      try AdministrationContact(service: "Accueil", email: "accueil")
    }
    #expect(throws: Never.self) {
      try AdministrationContact(service: "Accueil", phone: "(+352) 27 54-1")
    }
  }

  @Test func anAdministrationRoundTripsThroughJSON() throws {
    let office = try Self.administration()
    let json = try JSONEncoder().encode(office)
    let text = String(decoding: json, as: UTF8.self)
    #expect(text.contains(office.signingKeyPaserk))
    #expect(try JSONDecoder().decode(Administration.self, from: json) == office)

    // A stored record with a broken key does not come back.
    let broken = text.replacingOccurrences(of: office.encryptionKeyText, with: "AAAA")
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Administration.self, from: Data(broken.utf8))
    }
  }
}
