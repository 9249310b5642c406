import Foundation
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

/// The three statements a client trusts instead of walletd (`PSP-v1/records`,
/// `PSP-v1/grant-manifest`, `PSP-v1/administration-certificate`), attacked as
/// a platform could: every bit of the token flipped, every truncation, the
/// same claims signed by anyone else, a token of another type. Each test
/// collects the variants that were not refused, so one `#expect` names them
/// all, and prints how many it tried.
@Suite("Authored statements under attack")
struct AuthorshipTamperTests {
  let f: ConsentFixture
  init() throws { f = try ConsentFixture() }

  static let recordFields: [FieldID] = ["address", "iban", "surname"]

  /// Keys that are not the owner's: another citizen, the operator, walletd's
  /// own key, the grantee administration, and the trustee signing as himself.
  var strangers: [(name: String, key: SigningKey)] {
    [
      ("another citizen", Identity(kind: .citizen).signingKey),
      ("the operator", f.platform.signingKey),
      ("walletd", SigningKey()),
      ("the administration", f.fns.signingKey),
      ("the trustee without procuration", f.paul.signingKey),
      ("a registrar", Identity(kind: .registrar).signingKey),
    ]
  }

  /// The claims re-signed by `key`: naming itself as issuer, naming the owner
  /// as issuer, and with a footer that names the owner's key id.
  func forgeries(of token: String, type: String, ownerKid: String) throws -> [(String, String)] {
    var out: [(String, String)] = []
    let original = try StatementTampering.object(ofToken: token)
    for (name, key) in strangers {
      var own = original
      own["iss"] = Paserk.identifier(of: key.publicKey)
      out.append(("\(name), as itself", try StatementTampering.signRaw(own, type: type, with: key)))
      out.append(
        (
          "\(name), naming the owner",
          try StatementTampering.signRaw(original, type: type, with: key)
        )
      )
      out.append(
        (
          "\(name), footer naming the owner",
          try StatementTampering.signRaw(original, type: type, with: key, kid: ownerKid)
        ))
    }
    return out
  }

  // MARK: - PSP-v1/records

  @Test func everyTamperedRecordStatementIsRefused() throws {
    let records = try f.records(Self.recordFields)
    let procuration = try f.trusteeProcuration(circle: .moneyAndHousing, actions: [.update])
    let state = f.state([procuration])
    var count = VariantCount("records statement: bit flips and truncations")
    for (who, signer, procurationID) in [
      ("owner", f.maria, nil), ("trustee", f.paul, procuration.id),
    ] as [(String, Identity, StatementID?)] {
      let token = try RecordStatement.sign(
        records, wallet: f.owner.walletID, by: signer, procuration: procurationID, at: f.now)
      // The untouched statement verifies.
      let verified = try f.verifyRecords(records, statements: [token], state: state)
      #expect(verified.map(\.author) == records.map { _ in signer.publicIdentity.keyID })
      let variants = StatementTampering.all(token)
      let failures = StatementTampering.failures(variants) { tampered in
        do throws(Forgery) {
          _ = try f.verifyRecords(records, statements: [tampered], state: state)
          return "accepted"
        } catch {
          return error == .recordNotAuthored(records[0].field) ? nil : "refused with \(error)"
        }
      }
      #expect(failures.isEmpty, "\(who): \(failures.prefix(8))")
      count.add(who, variants.count)
    }
    count.report()
    #expect(count.total > 8_000)
  }

  @Test func recordStatementsOfAnyOtherSignerAreRefused() throws {
    let records = try f.records(Self.recordFields)
    let owner = try RecordStatement.sign(
      records, wallet: f.owner.walletID, by: f.maria, procuration: nil, at: f.now)
    var attempts = try forgeries(
      of: owner, type: RecordStatementClaims.type, ownerKid: f.maria.publicIdentity.keyID)

    // Trustees: without `update`, under a procuration for another wallet, under
    // another citizen's procuration, under one signed by the platform, naming a
    // procuration walletd does not have, and another trustee under Paul's.
    let noUpdate = try f.trusteeProcuration(actions: [.read, .file, .grant])
    let otherWallet = try f.trusteeProcuration(wallet: WalletID(), actions: [.update])
    let stranger = Identity(kind: .citizen)
    let othersWallet = WalletID()
    let othersProcuration = try f.trusteeProcuration(
      wallet: othersWallet, owner: stranger, actions: [.update])
    let platformSigned = try f.trusteeProcuration(signer: f.platform, actions: [.update])
    let valid = try f.trusteeProcuration(actions: [.update])
    let state = f.state([noUpdate, otherWallet, othersProcuration, platformSigned, valid])
    func paul(_ p: StatementID, by signer: Identity = f.paul) throws -> String {
      try RecordStatement.sign(
        records, wallet: f.owner.walletID, by: signer, procuration: p, at: f.now)
    }
    attempts += [
      ("trustee without update", try paul(noUpdate.id)),
      ("trustee, procuration for another wallet", try paul(otherWallet.id)),
      ("trustee, another citizen's procuration", try paul(othersProcuration.id)),
      ("trustee, procuration signed by the operator", try paul(platformSigned.id)),
      ("trustee, procuration unknown", try paul(StatementID())),
      (
        "another trustee under Paul's procuration", try paul(valid.id, by: Identity(kind: .trustee))
      ),
      ("the operator under Paul's procuration", try paul(valid.id, by: f.platform)),
      (
        "another trustee, footer naming Paul",
        try StatementTampering.signRaw(
          try StatementTampering.object(ofToken: try paul(valid.id)),
          type: RecordStatementClaims.type, with: Identity(kind: .trustee).signingKey,
          kid: f.paul.publicIdentity.keyID)
      ),
      (
        "another citizen's statement for her own wallet",
        try RecordStatement.sign(
          records, wallet: othersWallet, by: stranger, procuration: nil, at: f.now)
      ),
    ]
    // Paul under the valid procuration is accepted: the refusals are for the signer.
    #expect(try f.verifyRecords(records, statements: [paul(valid.id)], state: state).count == 3)
    var failures: [String] = []
    for (name, token) in attempts {
      do throws(Forgery) {
        _ = try f.verifyRecords(records, statements: [token], state: state)
        failures.append("\(name): accepted")
      } catch {
        if error != .recordNotAuthored(records[0].field) { failures.append("\(name): \(error)") }
      }
    }
    #expect(failures.isEmpty, "\(failures)")
    var count = VariantCount("records statement: other signers")
    count.add("signers", attempts.count)
    count.report()
  }

  // MARK: - PSP-v1/grant-manifest

  @Test func everyTamperedManifestIsRefused() throws {
    // Three fields keep the run short; the entries are all alike.
    let issued = try f.fnsGrant(fields: Self.recordFields)
    let procuration = try f.trusteeProcuration(actions: [.grant, .update])
    // A trustee signs manifests of its own grants only.
    let paulsGrant = try f.paulsGrant(under: procuration, fields: Self.recordFields)
    let state = f.state([procuration])
    var count = VariantCount("grant manifest: bit flips and truncations")
    let tokens = [
      ("owner", try f.firstManifest(of: issued), issued.grant),
      (
        "trustee", try f.firstManifest(of: paulsGrant, signer: f.paul, procuration: procuration.id),
        paulsGrant
      ),
    ]
    for (who, token, grant) in tokens {
      let manifest = try f.verifyManifest(token, grant: grant, state: state)
      #expect(manifest.claims.records.map(\.field) == grant.fields)
      let variants = StatementTampering.all(token)
      let failures = StatementTampering.failures(variants) { tampered in
        do throws(Forgery) {
          _ = try f.verifyManifest(tampered, grant: grant, state: state)
          return "accepted"
        } catch {
          return error == .manifestInvalid ? nil : "refused with \(error)"
        }
      }
      #expect(failures.isEmpty, "\(who): \(failures.prefix(8))")
      count.add(who, variants.count)
    }
    count.report()
    #expect(count.total > 10_000)
  }

  @Test func manifestsOfAnyOtherSignerAreRefused() throws {
    let issued = try f.fnsGrant()
    let owner = try f.firstManifest(of: issued)
    var attempts = try forgeries(
      of: owner, type: GrantManifestClaims.type, ownerKid: f.maria.publicIdentity.keyID)
    let readOnly = try f.trusteeProcuration(actions: [.read])
    let otherWallet = try f.trusteeProcuration(
      wallet: WalletID(), actions: [.update, .grant, .file])
    let stranger = Identity(kind: .citizen)
    let othersProcuration = try f.trusteeProcuration(
      wallet: WalletID(), owner: stranger, actions: [.update, .grant, .file])
    let valid = try f.trusteeProcuration(actions: [.grant])
    let state = f.state([readOnly, otherWallet, othersProcuration, valid])
    func paul(_ p: StatementID, by signer: Identity = f.paul) throws -> String {
      try f.firstManifest(of: issued, signer: signer, procuration: p)
    }
    attempts += [
      ("trustee with read only", try paul(readOnly.id)),
      ("trustee, procuration for another wallet", try paul(otherWallet.id)),
      ("trustee, another citizen's procuration", try paul(othersProcuration.id)),
      ("trustee, procuration unknown", try paul(StatementID())),
      (
        "another trustee under Paul's procuration", try paul(valid.id, by: Identity(kind: .trustee))
      ),
      ("the administration under Paul's procuration", try paul(valid.id, by: f.fns)),
    ]
    // Paul's own grant under his valid procuration: his manifest of it verifies;
    // of Maria's grant, under the same procuration, it does not (below).
    let paulsGrant = try f.paulsGrant(under: valid)
    #expect(
      try f.verifyManifest(
        f.firstManifest(of: paulsGrant, signer: f.paul, procuration: valid.id), grant: paulsGrant,
        state: state
      ).seq == 1)
    attempts.append(("trustee, for the owner's grant", try paul(valid.id)))
    var failures: [String] = []
    for (name, token) in attempts {
      do throws(Forgery) {
        _ = try f.verifyManifest(token, grant: issued.grant, state: state)
        failures.append("\(name): accepted")
      } catch {
        if error != .manifestInvalid { failures.append("\(name): \(error)") }
      }
    }
    #expect(failures.isEmpty, "\(failures)")
    var count = VariantCount("grant manifest: other signers")
    count.add("signers", attempts.count)
    count.report()
  }

  // MARK: - PSP-v1/administration-certificate

  static func administration(
    signing: SigningKey = SigningKey(), encryption: AgreementKey = AgreementKey()
  )
    throws -> Administration
  {
    try Administration(
      id: "fns", name: "Fonds national de solidarité", kind: .fns, signingKey: signing.publicKey,
      encryptionKey: encryption.publicKey, purposes: ["allocation-vie-chere", "revis"],
      contact: AdministrationContact(service: "Service AVC", phone: "+352 49 10 81"))
  }

  @Test func everyTamperedCertificateIsRefused() throws {
    let registrar = Identity(kind: .registrar)
    let token = try AdministrationCertificate.issue(
      Self.administration(signing: f.fns.signingKey), by: registrar, at: f.now, days: 365)
    let pinned = [registrar.signingKey.publicKey, Identity(kind: .registrar).signingKey.publicKey]
    let certified = try AdministrationCertificate.verify(token, registrars: pinned, at: f.now + 1)
    #expect(certified.administration.signingKey == f.fns.signingKey.publicKey)
    let variants = StatementTampering.all(token)
    let failures = StatementTampering.failures(variants) { tampered in
      do throws(AdministrationCertificate.Refusal) {
        _ = try AdministrationCertificate.verify(tampered, registrars: pinned, at: f.now + 1)
        return "accepted"
      } catch {
        return nil
      }
    }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
    var count = VariantCount("administration certificate: bit flips and truncations")
    count.add("registrar", variants.count)
    count.report()
    #expect(count.total > 6_000)
  }

  @Test func certificatesOfAnyOtherSignerAreRefused() throws {
    let registrar = Identity(kind: .registrar)
    let pinned = [registrar.signingKey.publicKey]
    let token = try AdministrationCertificate.issue(
      Self.administration(), by: registrar, at: f.now, days: 365)
    var attempts = try forgeries(
      of: token, type: AdministrationCertificateClaims.type,
      ownerKid: registrar.publicIdentity.keyID)
    // The citizen, too, and the operator issuing through the real API.
    attempts.append(
      (
        "the citizen",
        try StatementTampering.signRaw(
          try StatementTampering.object(ofToken: token), type: AdministrationCertificateClaims.type,
          with: f.maria.signingKey)
      ))
    for (name, signer) in [
      ("the operator", f.platform), ("another registrar", Identity(kind: .registrar)),
    ] {
      attempts.append(
        (
          "\(name), issued",
          try AdministrationCertificate.issue(
            Self.administration(), by: signer, at: f.now, days: 365)
        ))
    }
    var failures: [String] = []
    for (name, forged) in attempts {
      do throws(AdministrationCertificate.Refusal) {
        _ = try AdministrationCertificate.verify(forged, registrars: pinned, at: f.now + 1)
        failures.append("\(name): accepted")
      } catch {
        if error != .unknownRegistrar { failures.append("\(name): \(error)") }
      }
    }
    #expect(failures.isEmpty, "\(failures)")
    // No registrar pinned at all: even the genuine one is refused.
    #expect(throws: AdministrationCertificate.Refusal.unknownRegistrar) {
      try AdministrationCertificate.verify(token, registrars: [], at: f.now + 1)
    }
    var count = VariantCount("administration certificate: other signers")
    count.add("signers", attempts.count + 1)
    count.report()
  }

  // MARK: - Wrong types

  /// A token of one type never passes for another: the genuine tokens of every
  /// other statement, and each statement's claims signed by the right key under
  /// another type or with another `typ`.
  @Test func statementsOfAnotherTypeAreRefused() throws {
    let records = try f.records(Self.recordFields)
    let issued = try f.fnsGrant()
    let registrar = Identity(kind: .registrar)
    let recordsToken = try RecordStatement.sign(
      records, wallet: f.owner.walletID, by: f.maria, procuration: nil, at: f.now)
    let manifestToken = try f.firstManifest(of: issued)
    let certificate = try AdministrationCertificate.issue(
      Self.administration(), by: registrar, at: f.now, days: 365)
    let revocation = try GrantIssuer.statusChange(
      by: f.maria, wallet: f.owner.walletID, target: .grant, ref: issued.grant.id, action: .revoke,
      at: f.now)
    let procuration = try f.trusteeProcuration(actions: [.update])
    let receipt = try f.store.wallet(f.owner.walletID).consentReceipt
    let genuine: [(String, String)] = [
      ("grant", issued.grant.token), ("status change", revocation),
      ("procuration", procuration.token),
      ("records", recordsToken), ("manifest", manifestToken), ("certificate", certificate),
      ("consent receipt", receipt),
    ]
    let types = [
      GrantClaims.type, ProcurationClaims.type, StatusChangeClaims.type, RecordStatementClaims.type,
      GrantManifestClaims.type, AdministrationCertificateClaims.type, "PSP-v1/consent-receipt",
    ]
    /// `token`'s claims signed by `key` as every other type, then with `typ`
    /// changed under its own type.
    func retyped(_ token: String, own: String, key: SigningKey) throws -> [(String, String)] {
      let object = try StatementTampering.object(ofToken: token)
      var out: [(String, String)] = []
      for type in types where type != own {
        out.append(
          ("signed as \(type)", try StatementTampering.signRaw(object, type: type, with: key)))
        var typed = object
        typed["typ"] = type
        out.append(("typ \(type)", try StatementTampering.signRaw(typed, type: own, with: key)))
        out.append(
          ("typ and type \(type)", try StatementTampering.signRaw(typed, type: type, with: key)))
      }
      return out
    }
    var failures: [String] = []
    var tried = 0

    // As a records statement.
    let asRecords =
      genuine.filter { $0.0 != "records" }
      + (try retyped(recordsToken, own: RecordStatementClaims.type, key: f.maria.signingKey))
    #expect(try f.verifyRecords(records, statements: [recordsToken]).count == 3)
    for (name, token) in asRecords {
      if (try? f.verifyRecords(records, statements: [token], state: f.state([procuration]))) != nil
      {
        failures.append("records ← \(name): accepted")
      }
    }
    tried += asRecords.count

    // As a manifest.
    let asManifest =
      genuine.filter { $0.0 != "manifest" }
      + (try retyped(manifestToken, own: GrantManifestClaims.type, key: f.maria.signingKey))
    for (name, token) in asManifest {
      do throws(Forgery) {
        _ = try f.verifyManifest(token, grant: issued.grant, state: f.state([procuration]))
        failures.append("manifest ← \(name): accepted")
      } catch {
        if error != .manifestInvalid { failures.append("manifest ← \(name): \(error)") }
      }
    }
    tried += asManifest.count

    // As a certificate, with every signer's key pinned, so that only the type can refuse.
    let pinned = [registrar.signingKey.publicKey, f.maria.signingKey.publicKey]
    let asCertificate =
      genuine.filter { $0.0 != "certificate" }
      + (try retyped(
        certificate, own: AdministrationCertificateClaims.type, key: registrar.signingKey))
      + [
        (
          "registrar-signed records claims",
          try StatementTampering.signRaw(
            try StatementTampering.object(ofToken: recordsToken),
            type: AdministrationCertificateClaims.type, with: registrar.signingKey)
        )
      ]
    for (name, token) in asCertificate {
      if (try? AdministrationCertificate.verify(token, registrars: pinned, at: f.now + 1)) != nil {
        failures.append("certificate ← \(name): accepted")
      }
    }
    tried += asCertificate.count
    #expect(failures.isEmpty, "\(failures)")
    var count = VariantCount("wrong types")
    count.add("as records", asRecords.count)
    count.add("as manifest", asManifest.count)
    count.add("as certificate", asCertificate.count)
    count.report()
    #expect(count.total == tried)
  }
}
