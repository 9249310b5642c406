import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI

@testable import WalletClient

/// The client's own checks of what walletd publishes, without a walletd:
/// `ClientRules.certify` against the pinned registrars and the remembered
/// keys, `ClientTrust`'s memory and its change notifications.
@Suite("Client trust: certificates and memory")
struct ClientTrustTests {
  let now: Int64 = 1_790_000_000
  static let day: Int64 = 86_400
  let registrar = Identity(kind: .registrar)
  let fns = Identity(kind: .administration)
  let office = Identity(kind: .administration)

  /// Counts the memory changes a `ClientTrust` reports.
  final class Changes: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [ClientMemory] = []
    var all: [ClientMemory] { lock.withLock { seen } }
    func note(_ memory: ClientMemory) { lock.withLock { seen.append(memory) } }
  }

  func administration(
    _ identity: Identity, id: AdministrationID, kind: AdministrationKind, purposes: Set<Purpose>
  ) throws -> Administration {
    try Administration(
      id: id, name: id.rawValue, kind: kind, signingKey: identity.signingKey.publicKey,
      encryptionKey: identity.encryptionKey.publicKey, purposes: purposes,
      contact: AdministrationContact(service: "Accueil", phone: "+352 2000 0000"))
  }

  func fnsCertificate(
    _ identity: Identity? = nil, signer: Identity? = nil, at start: Int64? = nil, days: Int64 = 365
  )
    throws -> String
  {
    try AdministrationCertificate.issue(
      administration(identity ?? fns, id: "fns", kind: .fns, purposes: ["allocation-vie-chere"]),
      by: signer ?? registrar, at: start ?? now - 60, days: days)
  }

  func officeCertificate(signer: Identity? = nil, at start: Int64? = nil, days: Int64 = 365) throws
    -> String
  {
    try AdministrationCertificate.issue(
      administration(
        office, id: "office-social-redange", kind: .officeSocial, purposes: ["aide-sociale"]),
      by: signer ?? registrar, at: start ?? now - 60, days: days)
  }

  func view(_ certificates: String...) -> AdministrationsView {
    AdministrationsView(administrations: certificates.map(AdministrationCertificateView.init))
  }

  func trust(_ changes: Changes? = nil, registrars: [SigningPublicKey]? = nil) -> ClientTrust {
    var onChange: (@Sendable (ClientMemory) -> Void)? = nil
    if let changes { onChange = { changes.note($0) } }
    return ClientTrust(
      registrars: registrars ?? [registrar.signingKey.publicKey], onChange: onChange)
  }

  @Test func aValidViewGivesTheCertifiedRegistry() throws {
    let changes = Changes()
    let trust = trust(changes)
    let rules = try ClientRules.certify(
      view(fnsCertificate(), officeCertificate()), trust: trust, at: now)
    let fnsEntry = try #require(rules.registry.administration(id: "fns"))
    #expect(fnsEntry.signingKey == fns.signingKey.publicKey)
    #expect(fnsEntry.encryptionKey == fns.encryptionKey.publicKey)
    #expect(
      rules.registry.administration(keyID: office.publicIdentity.keyID)?.id
        == "office-social-redange")
    #expect(rules.registry.mayProcess("fns", purpose: "allocation-vie-chere"))
    // The keys are remembered (trust on first use), once.
    // (With the start of the certificate they came with: an older certificate
    // bringing other keys is then told apart from a change.)
    #expect(
      trust.memory.administrations == [
        "fns": .init(
          signingKey: Paserk.encode(fns.signingKey.publicKey),
          encryptionKey: Encoding.base64URL(fns.encryptionKey.publicKey.bytes),
          notBefore: now - 60),
        "office-social-redange": .init(
          signingKey: Paserk.encode(office.signingKey.publicKey),
          encryptionKey: Encoding.base64URL(office.encryptionKey.publicKey.bytes),
          notBefore: now - 60),
      ])
    #expect(changes.all.count == 1)
    #expect(changes.all.last == trust.memory)
    // The same view again: nothing new to remember, no change reported.
    _ = try ClientRules.certify(
      view(fnsCertificate(), officeCertificate()), trust: trust, at: now + 1)
    #expect(changes.all.count == 1)
    // An empty view needs no registrar and changes nothing.
    #expect(try ClientRules.certify(view(), trust: trust, at: now).registry.administrations.isEmpty)
    #expect(
      try ClientRules.certify(view(), trust: self.trust(registrars: []), at: now).registry
        .administrations.isEmpty)
  }

  @Test func anInvalidCertificateFailsTheWholeView() throws {
    let genuine = try fnsCertificate()
    // Signed by the operator, by an unpinned registrar, altered, cut, not a token.
    let operatorSigned = try officeCertificate(signer: Identity(kind: .operator))
    let otherRegistrar = try officeCertificate(signer: Identity(kind: .registrar))
    var bytes = Array(genuine.utf8)
    bytes[bytes.count / 2] ^= 0x01
    let altered = String(decoding: bytes, as: UTF8.self)
    let cases: [(String, String, String)] = [
      ("operator", operatorSigned, "office-social-redange"),
      ("another registrar", otherRegistrar, "office-social-redange"),
      ("altered", altered, ClientRules.unverifiedID(altered)),
      ("cut", String(genuine.dropLast(10)), ClientRules.unverifiedID(String(genuine.dropLast(10)))),
      ("not a token", "hello", "?"),
    ]
    for (name, bad, id) in cases {
      let changes = Changes()
      let trust = trust(changes)
      #expect(throws: ClientError.forged(.certificateInvalid(id)), "\(name)") {
        try ClientRules.certify(view(genuine, bad), trust: trust, at: now)
      }
      // Nothing was remembered, not even the genuine certificate before it.
      #expect(trust.memory == ClientMemory(), "\(name)")
      #expect(changes.all.isEmpty, "\(name)")
    }
    #expect(ClientRules.unverifiedID(operatorSigned) == "office-social-redange")
    // A certificate too long-lived is refused as invalid, not left out.
    let tooLong = try officeCertificate(days: 800)
    #expect(throws: ClientError.forged(.certificateInvalid("office-social-redange"))) {
      try ClientRules.certify(view(genuine, tooLong), trust: trust(), at: now)
    }
  }

  @Test func expiredOrNotYetValidCertificatesAreLeftOut() throws {
    let trust = trust()
    let expired = try officeCertificate(at: now - 400 * Self.day, days: 365)
    let future = try fnsCertificate(at: now + Self.day)
    let rules = try ClientRules.certify(view(expired, future), trust: trust, at: now)
    #expect(rules.registry.administrations.isEmpty)
    #expect(trust.memory.administrations.isEmpty)
    // With a valid one beside them, only the valid one is in.
    let both = try ClientRules.certify(view(expired, fnsCertificate()), trust: trust, at: now)
    #expect(both.registry.administrations.map(\.id) == ["fns"])
    #expect(Array(trust.memory.administrations.keys) == ["fns"])
    // The same certificate, later, has expired.
    let later = try ClientRules.certify(
      view(fnsCertificate()), trust: trust, at: now + 366 * Self.day)
    #expect(later.registry.administrations.isEmpty)
  }

  @Test func noRegistrarPinnedRefusesAnyAdministration() throws {
    let trust = trust(registrars: [])
    #expect(throws: ClientError.noRegistrar) {
      try ClientRules.certify(view(fnsCertificate()), trust: trust, at: now)
    }
    #expect(trust.memory == ClientMemory())
  }

  @Test func changedKeysStopTheClientUntilAccepted() throws {
    let changes = Changes()
    let trust = trust(changes)
    _ = try ClientRules.certify(view(fnsCertificate(), officeCertificate()), trust: trust, at: now)
    let remembered = try #require(trust.memory.administrations["fns"])
    #expect(trust.pendingKeyChange("fns") == nil)
    // The registrar certifies new keys for the FNS (or walletd serves another
    // genuine certificate): the client stops and keeps the old keys.
    let renewed = Identity(kind: .administration)
    let newCertificate = try fnsCertificate(renewed)
    #expect(throws: ClientError.forged(.administrationKeysChanged("fns"))) {
      try ClientRules.certify(view(officeCertificate(), newCertificate), trust: trust, at: now)
    }
    #expect(trust.memory.administrations["fns"] == remembered)
    #expect(changes.all.count == 1)
    let pending = try #require(trust.pendingKeyChange("fns"))
    #expect(pending.old == remembered)
    #expect(pending.new.certificate == newCertificate)
    #expect(pending.new.administration.encryptionKey == renewed.encryptionKey.publicKey)
    #expect(trust.pendingKeyChange("office-social-redange") == nil)
    // Only the encryption key changed is a change too.
    let halfNew = Identity(
      kind: .administration, signingKey: fns.signingKey, encryptionKey: AgreementKey())
    #expect(throws: ClientError.forged(.administrationKeysChanged("fns"))) {
      try ClientRules.certify(view(fnsCertificate(halfNew)), trust: trust, at: now)
    }
    // The person confirms the new keys: the certificate now goes through.
    try trust.acceptKeys(of: pending.new)
    #expect(changes.all.count == 2)
    #expect(
      trust.memory.administrations["fns"]
        == .init(
          signingKey: Paserk.encode(renewed.signingKey.publicKey),
          encryptionKey: Encoding.base64URL(renewed.encryptionKey.publicKey.bytes),
          notBefore: pending.new.notBefore))
    let rules = try ClientRules.certify(
      view(officeCertificate(), newCertificate), trust: trust, at: now)
    #expect(
      rules.registry.administration(id: "fns")?.encryptionKey == renewed.encryptionKey.publicKey)
    #expect(changes.all.count == 2)
    // And the old keys are now the change.
    #expect(throws: ClientError.forged(.administrationKeysChanged("fns"))) {
      try ClientRules.certify(view(fnsCertificate()), trust: trust, at: now)
    }
  }

  /// After the person accepted new keys, the old certificate served again is
  /// a rollback, not a change to confirm; a renewal with the same keys only
  /// moves the remembered start forward; of two certificates of one id, the
  /// one that starts last counts.
  @Test func anOlderCertificateWithOtherKeysIsARollback() throws {
    let trust = trust(Changes())
    let old = try fnsCertificate(at: now - 30 * Self.day)
    _ = try ClientRules.certify(view(old), trust: trust, at: now)
    #expect(trust.memory.administrations["fns"]?.notBefore == now - 30 * Self.day)
    // The FNS moves to new keys; the person confirms them.
    let moved = Identity(kind: .administration)
    let renewed = try fnsCertificate(moved, at: now - 60)
    #expect(throws: ClientError.forged(.administrationKeysChanged("fns"))) {
      try ClientRules.certify(view(renewed), trust: trust, at: now)
    }
    try trust.acceptKeys(of: try #require(trust.pendingKeyChange("fns")).new)
    _ = try ClientRules.certify(view(renewed), trust: trust, at: now)
    // The old certificate, still valid, served again: refused, nothing offered.
    #expect(throws: ClientError.forged(.certificateRolledBack("fns"))) {
      try ClientRules.certify(view(old), trust: trust, at: now)
    }
    #expect(
      trust.memory.administrations["fns"]?.signingKey == Paserk.encode(moved.signingKey.publicKey))
    // Both served: the newer counts.
    let both = try ClientRules.certify(view(old, renewed), trust: trust, at: now)
    #expect(both.registry.administration(id: "fns")?.signingKey == moved.signingKey.publicKey)
    // A renewal with the same keys moves the remembered start forward.
    let sameKeys = try fnsCertificate(moved, at: now - 10)
    _ = try ClientRules.certify(view(sameKeys), trust: trust, at: now)
    #expect(trust.memory.administrations["fns"]?.notBefore == now - 10)
  }

  @Test func updateReportsOnlyChanges() throws {
    let changes = Changes()
    let trust = trust(changes)
    // No change: not reported.
    let read = try trust.update { memory in memory.owners.count }
    #expect(read == 0)
    try trust.update { memory in memory.owners["w"] = memory.owners["w"] }
    #expect(changes.all.isEmpty)
    // A change: reported once, with the new memory.
    try trust.update { memory in memory.revocations["g1"] = "v4.public.x" }
    #expect(changes.all.count == 1)
    #expect(changes.all.last?.revocations == ["g1": "v4.public.x"])
    // Setting the same value again is no change.
    try trust.update { memory in memory.revocations["g1"] = "v4.public.x" }
    #expect(changes.all.count == 1)
    // A body that throws changes nothing, even what it set before throwing.
    #expect(throws: ClientError.local("stop")) {
      try trust.update { (memory) throws(ClientError) in
        memory.owners["w"] = "k4.public.x"
        throw .local("stop")
      }
    }
    #expect(trust.memory.owners.isEmpty)
    #expect(changes.all.count == 1)
    // A change and back within one update is no change.
    try trust.update { memory in
      memory.owners["w"] = "k4.public.x"
      memory.owners["w"] = nil
    }
    #expect(changes.all.count == 1)
    // A trust without a callback changes all the same.
    let silent = ClientTrust(registrars: [])
    try silent.update { memory in memory.owners["w"] = "k4.public.x" }
    #expect(silent.memory.owners == ["w": "k4.public.x"])
  }

  @Test func memoryRoundTrips() throws {
    var memory = ClientMemory()
    #expect(
      try JSONDecoder().decode(ClientMemory.self, from: JSONEncoder().encode(memory)) == memory)
    memory.administrations["fns"] = .init(
      signingKey: Paserk.encode(fns.signingKey.publicKey),
      encryptionKey: Encoding.base64URL(fns.encryptionKey.publicKey.bytes))
    memory.manifests["AAAAAAAAAAAAAAAAAAAAAA"] = .init(
      seq: 3, digest: Encoding.base64URL([UInt8](repeating: 1, count: 32)))
    memory.revocations["AAAAAAAAAAAAAAAAAAAAAA"] = "v4.public.revocation"
    memory.owners[WalletID().description] = Paserk.encode(SigningKey().publicKey)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(memory)
    let decoded = try JSONDecoder().decode(ClientMemory.self, from: data)
    #expect(decoded == memory)
    #expect(try encoder.encode(decoded) == data)
    // A trust started from it has it, and reports nothing until it changes.
    let changes = Changes()
    let trust = ClientTrust(registrars: [], memory: decoded, onChange: { changes.note($0) })
    #expect(trust.memory == memory)
    #expect(changes.all.isEmpty)
    // The memory holds no value and no secret: only these maps of ids, keys and numbers.
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "administrations", "manifests", "revocations", "owners", "epochs", "oneShotFilings", "receipts",
      ])
  }
}
