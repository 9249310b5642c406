import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

// Writes the seed corpora of the record, statement and request targets: one
// valid input per parser, made by the library itself (so the seeds follow the
// formats as they change), each prefixed with the byte that selects its parser
// in the target. Run by fuzz/run.sh before fuzzing; the corpora are not kept.
@main
struct SeedCorpus {
  static let f = FuzzFixture.self

  static func main() throws {
    let root = URL(fileURLWithPath: CommandLine.arguments[1])
    let seeds = [
      ("records", try records()), ("statements", statements()), ("requests", requests()),
    ]
    for (target, inputs) in seeds { try write(inputs, to: root.appendingPathComponent(target)) }
    print("seed corpus: \(seeds.map { "\($0.1.count) \($0.0)" }.joined(separator: ", "))")
  }

  static func write(_ seeds: [[UInt8]], to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for seed in seeds {
      let name = "seed-" + Encoding.hex(try BLAKE2b.hash([seed], outputCount: 16))
      try Data(seed).write(to: folder.appendingPathComponent(name))
    }
  }

  static func json(_ value: some Encodable) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try! encoder.encode(value))
  }

  static func id(_ fill: UInt8) -> StatementID {
    try! StatementID(Encoding.base64URL([UInt8](repeating: fill, count: 16)))
  }

  // MARK: records

  static let record = FieldRecord(
    wallet: f.wallet, field: "iban", version: 1, circle: .moneyAndHousing, circleEpoch: 0,
    ciphertext: [UInt8](repeating: 0xC1, count: 48),
    commitment: [UInt8](repeating: 0xC2, count: 32),
    wrappedDataKey: [UInt8](repeating: 0xC3, count: 72), createdAt: f.now)
  static let envelope = CircleKeyEnvelope(
    wallet: f.wallet, circle: .core, epoch: 0, recipient: f.owner.encryptionKey.publicKey.bytes,
    sealedKey: [UInt8](repeating: 0xE1, count: 80))
  static let walletRecord = WalletRecord(
    id: f.wallet, ownerSigningKey: Paserk.encode(f.owner.signingKey.publicKey),
    ownerEncryptionKey: f.owner.encryptionKey.publicKey.bytes, consentReceipt: "v4.public.receipt",
    createdAt: f.now)
  static let grantKey = GrantKey(
    grant: id(0x47), field: "iban", version: 1, sealedKey: [UInt8](repeating: 0x6B, count: 80))

  static func records() throws -> [[UInt8]] {
    let context = ValidationContext(today: CalendarDate(year: 2026, month: 1, day: 1)!)
    let catalogue = FieldCatalogue.standard
    func of(_ type: FieldType) -> FieldDefinition { catalogue.fields.first { $0.type == type }! }
    let samples: [(FieldType, FieldValue)] = [
      (.text, try of(.text).validate("12, rue de la Gare\nL-1234 Luxembourg", context: context)),
      (.name, try of(.name).validate("Müller-D'Souza", context: context)),
      // No catalogue field is of type `date` (only `past_date`): the value is made directly.
      (.date, .date(CalendarDate(year: 2030, month: 6, day: 30)!)),
      (.pastDate, try of(.pastDate).validate("01/12/1950", context: context)),
      (.matricule, try of(.matricule).validate("1893120105732", context: context)),
      (.iban, try of(.iban).validate("LU28 0019 4006 4475 0000", context: context)),
      (.amountCents, try of(.amountCents).validate("1 234,50 €", context: context)),
      (.email, try of(.email).validate("marie@example.lu", context: context)),
      (.phone, try of(.phone).validate("621 123 456", context: context)),
      (.commune, try of(.commune).validate("Redange", context: context)),
      (.civilStatus, try of(.civilStatus).validate("veuve", context: context)),
      (
        .householdMembers,
        try of(.householdMembers).validate(
          #"[{"given_names": "Marie", "surname": "Dupont", "relation": "conjointe", "birth_date": "03/03/1990", "matricule": "1990000012308", "monthly_net_income": "1200"}]"#,
          context: context)
      ),
      (
        .children,
        try of(.children).validate(
          #"[{"given_names": "Léa", "surname": "Dupont", "birth_date": "2015-05-04"}, {"given_names": "Tom", "birth_date": "2018-01-09"}]"#,
          context: context)
      ),
      (.count, try of(.count).validate("3", context: context)),
      (.boolean, try of(.boolean).validate("non", context: context)),
      (
        .document,
        try of(.document).validateDocument(
          Array("%PDF-1.7 bail".utf8), mediaType: "application/pdf")
      ),
    ]
    var seeds = samples.map { type, value in
      [0, UInt8(FieldType.allCases.firstIndex(of: type)!)] + value.encoded()
    }
    seeds.append([1] + json(record))
    seeds.append([2] + json(envelope))
    seeds.append([3] + json(walletRecord))
    seeds.append([4] + json(grantKey))
    let entry = AccessLogEntry(
      at: f.now, wallet: f.wallet, actor: f.fns.publicIdentity.keyID, role: .administration,
      action: .fieldsRead,
      purpose: "allocation-vie-chere", fields: ["surname", "iban"], grant: id(0x47))
    seeds.append([5] + entry.canonicalBytes())
    seeds.append([6] + json(f.rules.registry.administrations[0]))
    seeds.append(
      [6]
        + Array(
          #"{"format":"psp-export/1","wallet":"\#(f.wallet)","sealedKey":"AAAA","contents":"v4.local.AAAA"}"#
            .utf8))
    for resource in [
      "Sources/Wallet/Resources/catalogue.json", "Sources/Consent/Resources/templates.json",
      "Sources/Wallet/Resources/communes.json",
    ] {
      seeds.append([7] + (try shortened(Data(contentsOf: URL(fileURLWithPath: resource)))))
    }
    return seeds
  }

  /// A data file cut to the first two entries of every list, so the seed
  /// stays within the target's input length and still parses. The communes'
  /// merged names and aliases point at communes the cut may drop: emptied.
  static func shortened(_ data: Data) throws -> [UInt8] {
    func cut(_ value: Any) -> Any {
      if let list = value as? [Any] { return list.prefix(2).map(cut) }
      if var object = value as? [String: Any] {
        if object["merged_communes"] != nil { object["merged_communes"] = [Any]() }
        if object["aliases"] != nil { object["aliases"] = [String: Any]() }
        return object.mapValues(cut)
      }
      return value
    }
    return Array(
      try JSONSerialization.data(
        withJSONObject: cut(JSONSerialization.jsonObject(with: data)), options: [.sortedKeys]))
  }

  // MARK: statements (selector: kind + 8 × signer, 0 owner, 1 trustee)

  static func statements() -> [[UInt8]] {
    let owner = f.owner.publicIdentity.keyID
    let trustee = f.trustee.publicIdentity.keyID
    let fns = f.fns.publicIdentity.keyID
    func grant(by issuer: String, procuration: StatementID?, filing: StatementID? = nil)
      -> GrantClaims
    {
      GrantClaims(
        id: id(0x11), wallet: f.wallet, issuer: issuer, grantee: fns,
        purpose: "allocation-vie-chere",
        fields: ["iban", "surname"], kind: filing == nil ? .durable : .oneShot, issuedAt: f.now,
        notBefore: f.now,
        expires: f.now + 30 * f.day, procuration: procuration, filing: filing)
    }
    func statusChange(
      by issuer: String, procuration: StatementID?, target: StatusChangeClaims.Target,
      ref: StatementID
    )
      -> StatusChangeClaims
    {
      StatusChangeClaims(
        id: id(0x12), wallet: f.wallet, issuer: issuer, procuration: procuration, target: target,
        ref: ref,
        action: .pause, issuedAt: f.now)
    }
    func filing(by issuer: String, procuration: StatementID?) -> FilingClaims {
      FilingClaims(
        id: id(0x13), wallet: f.wallet, issuer: issuer, procuration: procuration,
        purpose: "allocation-vie-chere",
        administration: fns, grant: id(0x11), issuedAt: f.now)
    }
    let receipt = ConsentReceipt(
      wallet: f.wallet, owner: f.owner.publicIdentity,
      acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: f.now))
    let circleKeys =
      #"{"epoch":0,"iat":"\#(Timestamp.rfc3339(f.now))","keys":[{"circle":0,"commitment":"\#(Encoding.base64URL([UInt8](repeating: 0xCC, count: 32)))"}],"typ":"PSP-v1/circle-keys","wallet":"\#(f.wallet)"}"#
    let entry = AccessLogEntry(
      at: f.now, wallet: f.wallet, actor: owner, role: .citizen, action: .grantRevoked, grant: f.grant.id)
    // The selector is kind + 11 × signer (0: the owner, 1: the trustee), as in FuzzStatements.
    let records = RecordStatementClaims(
      id: id(0x12), wallet: f.wallet, issuer: owner, procuration: nil, issuedAt: f.now,
      records: [try! f.record.digestText()])
    let manifest = GrantManifestClaims(
      id: id(0x13), wallet: f.wallet, issuer: owner, procuration: nil, grant: f.grant.id, seq: 1,
      issuedAt: f.now, records: [.init(field: "iban", version: 1, digest: try! f.record.digestText())])
    let certificate = AdministrationCertificateClaims(
      id: id(0x14), issuer: owner, administration: f.rules.registry.administrations[0], issuedAt: f.now,
      notBefore: f.now - f.day, expires: f.now + 300 * f.day)
    return [
      [0] + json(grant(by: owner, procuration: nil)),
      [11] + json(grant(by: trustee, procuration: f.procurationID)),
      [1] + json(f.procurationClaims),
      [2] + json(statusChange(by: owner, procuration: nil, target: .grant, ref: f.grant.id)),
      [13]
        + json(
          statusChange(by: trustee, procuration: f.procurationID, target: .grant, ref: f.grant.id)),
      [3]
        + json(
          statusChange(by: owner, procuration: nil, target: .procuration, ref: f.procurationID)),
      [4] + json(filing(by: owner, procuration: nil)),
      [15] + json(filing(by: trustee, procuration: f.procurationID)),
      [5] + json(receipt),
      [6] + Array(circleKeys.utf8),
      [7] + entry.canonicalBytes(),
      [8] + json(records),
      [9] + json(manifest),
      [10] + json(certificate),
    ]
  }

  // MARK: requests (selector: body type 0–11, handshake 12, authenticated requests 13, header texts 14)

  static func requests() -> [[UInt8]] {
    let token = "v4.public.eyJ0eXAiOiJQU1AtdjEvZ3JhbnQifQ"
    let registration = AdministrationCertificateView(certificate: token)
    let configuration =
      #"{"authFailuresPerMinute":30,"dataDir":"./psp-data","listen":"127.0.0.1:8470","operatorKey":"\#(Paserk.encode(f.daemon.publicKey))","registrarKeys":["\#(Paserk.encode(f.fns.signingKey.publicKey))"],"workingWeek":"monday-to-saturday"}"#
    let handshake = SessionRequestClaims(
      key: f.client.signingKey.publicKey, encryptionKey: f.client.encryptionKey.publicKey, at: f.now
    )
    // Counters: new, new, a replay, a wrong MAC, far ahead, now too old, an unknown session.
    let run: [(UInt8, UInt64)] = [(0, 1), (0, 5), (0, 5), (1, 6), (0, 2000), (0, 3), (2, 2001)]
    return [
      [0] + json(SessionRequest(token: token)),
      [1] + json(registration),
      [2]
        + json(
          OpenWalletRequest(wallet: walletRecord, envelopes: [envelope], keyStatements: [token])),
      [3] + json(CloseRequest(closure: token)),
      [4] + json(FieldsRequest(records: [record], statement: token, grantKeys: [grantKey], manifests: [token])),
      [5] + json(GrantRequest(token: token, keys: [grantKey], manifest: token)),
      [6]
        + json(
          StatusChangeRequest(
            token: token, records: [record], statement: token, grantKeys: [grantKey], manifests: [token])),
      [7] + json(ProcurationRequest(token: token, envelopes: [envelope])),
      [8] + json(FilingRequest(filing: token, grant: token, keys: [grantKey], manifest: token)),
      [9] + json(FilingResponseRequest(token: token, sealedNote: Bytes([1, 2, 3]))),
      [10]
        + json(
          ReadRequestBody(
            wallet: f.wallet, grant: id(0x47), purpose: "allocation-vie-chere", fields: ["iban"])),
      [11] + Array(configuration.utf8),
      [12] + json(handshake),
      [13]
        + run.flatMap { flags, counter in
          [flags] + (0..<8).reversed().map { UInt8(truncatingIfNeeded: counter >> (8 * $0)) }
        },
      [14] + Array("s-1\n42\n\(Encoding.base64URL(Array(repeating: UInt8(7), count: 32)))".utf8),
    ]
  }
}
