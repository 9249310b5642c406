import Foundation
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

/// `AdministrationCertificate.verify`: only a pinned registrar's signature, in
/// force, valid two years at most, over a well-formed administration.
@Suite("Administration certificates: validity and keys")
struct AdministrationCertificateVerifyTests {
  let now: Int64 = 1_790_000_000
  static let day: Int64 = 86_400
  let registrar = Identity(kind: .registrar)
  let fns = Identity(kind: .administration)
  var pinned: [SigningPublicKey] { [registrar.signingKey.publicKey] }

  func administration() throws -> Administration {
    try AuthorshipTamperTests.administration(signing: fns.signingKey, encryption: fns.encryptionKey)
  }

  /// A certificate signed by `signer` (the registrar by default) with the given times.
  func certificate(
    notBefore: Int64? = nil, expires: Int64? = nil, issuer: String? = nil, signer: Identity? = nil
  ) throws -> String {
    let start = notBefore ?? now
    let claims = AdministrationCertificateClaims(
      issuer: issuer ?? (signer ?? registrar).publicIdentity.keyID,
      administration: try administration(),
      issuedAt: start, notBefore: start, expires: expires ?? start + 365 * Self.day)
    return try SignedStatement.sign(
      claims, type: AdministrationCertificateClaims.type, with: (signer ?? registrar).signingKey)
  }

  func verify(_ token: String, at time: Int64? = nil, registrars: [SigningPublicKey]? = nil)
    throws(AdministrationCertificate.Refusal) -> CertifiedAdministration
  {
    try AdministrationCertificate.verify(token, registrars: registrars ?? pinned, at: time ?? now)
  }

  @Test func aValidCertificateVerifies() throws {
    let token = try AdministrationCertificate.issue(
      administration(), by: registrar, at: now, days: 365)
    let certified = try verify(token, registrars: [SigningKey().publicKey] + pinned)
    #expect(certified.administration == (try administration()))
    #expect(certified.id == "fns")
    #expect(certified.registrar == registrar.publicIdentity.keyID)
    #expect(certified.notBefore == now)
    #expect(certified.expires == now + 365 * Self.day)
    #expect(certified.certificate == token)
    #expect(certified.administration.encryptionKey == fns.encryptionKey.publicKey)
  }

  @Test func anExpiredOrNotYetValidCertificateIsRefused() throws {
    let token = try certificate()
    let end = now + 365 * Self.day
    #expect(try verify(token, at: now).id == "fns")
    #expect(try verify(token, at: end - 1).id == "fns")
    #expect(throws: AdministrationCertificate.Refusal.expired) { try verify(token, at: end) }
    #expect(throws: AdministrationCertificate.Refusal.expired) {
      try verify(token, at: end + 400 * Self.day)
    }
    #expect(throws: AdministrationCertificate.Refusal.notYetValid) {
      try verify(token, at: now - 1)
    }
    #expect(throws: AdministrationCertificate.Refusal.notYetValid) { try verify(token, at: 0) }
    // Issued for later.
    let later = try certificate(notBefore: now + Self.day)
    #expect(throws: AdministrationCertificate.Refusal.notYetValid) { try verify(later) }
    #expect(try verify(later, at: now + Self.day).id == "fns")
    // Ending before it starts, or at its start.
    for expires in [now, now - 1] {
      #expect(throws: AdministrationCertificate.Refusal.malformed) {
        try verify(certificate(expires: expires))
      }
    }
  }

  @Test func aCertificateValidTooLongIsRefused() throws {
    let longest = AdministrationCertificateClaims.maximumSeconds
    #expect(try verify(certificate(expires: now + longest)).expires == now + longest)
    for expires in [now + longest + 1, now + 3 * 365 * Self.day, Int64(253_402_300_000)] {
      #expect(throws: AdministrationCertificate.Refusal.malformed, "\(expires)") {
        try verify(certificate(expires: expires))
      }
    }
    // Through the registrar's own API too.
    #expect(throws: AdministrationCertificate.Refusal.malformed) {
      try verify(
        AdministrationCertificate.issue(administration(), by: registrar, at: now, days: 733))
    }
    #expect(
      try verify(
        AdministrationCertificate.issue(administration(), by: registrar, at: now, days: 732)
      ).id == "fns")
  }

  @Test func aCertificateSignedByAKeyNotPinnedIsRefused() throws {
    for signer in [
      Identity(kind: .operator), Identity(kind: .registrar), fns, Identity(kind: .citizen),
    ] {
      #expect(throws: AdministrationCertificate.Refusal.unknownRegistrar) {
        try verify(certificate(signer: signer))
      }
      // Naming the pinned registrar as issuer and in the footer does not help.
      let object = try StatementTampering.object(
        of: AdministrationCertificateClaims(
          issuer: registrar.publicIdentity.keyID, administration: administration(), issuedAt: now,
          notBefore: now, expires: now + Self.day))
      let forged = try StatementTampering.signRaw(
        object, type: AdministrationCertificateClaims.type, with: signer.signingKey,
        kid: registrar.publicIdentity.keyID)
      #expect(throws: AdministrationCertificate.Refusal.unknownRegistrar) { try verify(forged) }
      // Pinned, it is that key's certificate (the key, not the kind, is what counts).
      #expect(
        try verify(certificate(signer: signer), registrars: [signer.signingKey.publicKey]).id
          == "fns")
    }
    // A certificate whose issuer is not the footer's key.
    #expect(throws: AdministrationCertificate.Refusal.malformed) {
      try verify(certificate(issuer: Identity(kind: .registrar).publicIdentity.keyID))
    }
  }

  /// The registrar's signature does not make a low-order encryption key
  /// acceptable: anyone could open what is sealed to it.
  @Test func aCertificateWithALowOrderEncryptionKeyIsRefused() throws {
    // The points of small order of Curve25519 and their non-canonical
    // encodings (as libsodium's blocklist lists them).
    let lowOrder = [
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
      "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ]
    let genuine = try StatementTampering.object(ofToken: certificate())
    var administration = try #require(genuine["administration"] as? [String: Any])
    // Re-signed by hand with the genuine key, it verifies: only the key refuses.
    #expect(
      try verify(
        StatementTampering.signRaw(
          genuine, type: AdministrationCertificateClaims.type, with: registrar.signingKey)
      ).id == "fns")
    var tried = 0
    for hex in lowOrder {
      let key = Encoding.base64URL(try Encoding.fromHex(hex))
      administration["encryption_key"] = key
      var object = genuine
      object["administration"] = administration
      let token = try StatementTampering.signRaw(
        object, type: AdministrationCertificateClaims.type, with: registrar.signingKey)
      #expect(throws: AdministrationCertificate.Refusal.malformed, "\(hex)") { try verify(token) }
      tried += 1
    }
    // Neither a key of the wrong length, nor a signing key that is not one.
    for (member, value) in [
      ("encryption_key", Encoding.base64URL([UInt8](repeating: 9, count: 31))),
      ("encryption_key", ""),
      ("signing_key", "k4.public.AAAA"),
      ("signing_key", Encoding.base64URL(fns.signingKey.publicKey.bytes)),
    ] {
      var changed = try #require(genuine["administration"] as? [String: Any])
      changed[member] = value
      var object = genuine
      object["administration"] = changed
      let token = try StatementTampering.signRaw(
        object, type: AdministrationCertificateClaims.type, with: registrar.signingKey)
      #expect(throws: AdministrationCertificate.Refusal.malformed, "\(member)") {
        try verify(token)
      }
      tried += 1
    }
    var count = VariantCount("administration certificate: bad keys")
    count.add("keys", tried)
    count.report()
  }
}
