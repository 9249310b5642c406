import Foundation
import Logging
import PSPConsent
import PSPCrypto
import PSPTransparency
import PSPWallet
import WalletAPI
import WalletClient
import WalletServer
import WitnessServer

/// The PSP's whole story on a real walletd (loopback HTTP, a fresh SQLite data
/// dir) whose access log two witnesses cosign, played by named actors: the
/// registration authority certifies three administrations and the operator
/// publishes them; Maria opens her wallet and fills it; the FNS reads what she
/// granted, with a receipt proving the reading is in her witnessed log, and is
/// refused her rent; Paul files her request for an aide sociale under a
/// one-shot procuration and is refused a second time; the office social reads,
/// acknowledges and decides; Maria revokes the FNS, which is then refused; Maria
/// reads her access log and verifies it against the witnesses.
public struct DemoStory: Sendable {
  public let language: Language
  /// Called with each step as it happens (the CLI prints it).
  public let onStep: @Sendable (DemoTranscript.Step) -> Void

  public init(
    language: Language, onStep: @escaping @Sendable (DemoTranscript.Step) -> Void = { _ in }
  ) {
    self.language = language
    self.onStep = onStep
  }

  /// Starts two witnesses and a walletd that asks both to cosign its log, in
  /// `dataDir` (the witnesses in `witness-cnpd/` and `witness-eos/` under it)
  /// on free loopback ports, plays the story, stops them. The caller owns (and
  /// removes) the directory. `logger` is walletd's (tests capture it to check
  /// that no value is logged).
  public func run(dataDir: String, logger: Logger = Logger(label: "walletd")) async throws
    -> DemoTranscript
  {
    let operatorIdentity = Identity(kind: .operator)
    let registrar = Identity(kind: .registrar)
    let platform = try await DemoPlatform.start(
      dataDir: dataDir, operatorKey: Paserk.encode(operatorIdentity.signingKey.publicKey),
      registrarKeys: [Paserk.encode(registrar.signingKey.publicKey)], logger: logger)
    do {
      let transcript = try await play(
        platform.baseURL, operatorIdentity: operatorIdentity, registrar: registrar,
        witnesses: try platform.policy())
      await platform.stop()
      return transcript
    } catch {
      await platform.stop()
      throw error
    }
  }

  func play(
    _ url: String, operatorIdentity: Identity, registrar: Identity, witnesses: WitnessPolicy
  ) async throws
    -> DemoTranscript
  {
    let recorder = Recorder(
      onStep: onStep, logActor: say("Journal", "Log", "Protokoll", "Registo"))
    let now = Int64(Date().timeIntervalSince1970)
    let maria = Identity(kind: .citizen)
    let paul = Identity(kind: .trustee)
    let fnsID = Identity(kind: .administration)
    let logementID = Identity(kind: .administration)
    let officeID = Identity(kind: .administration)

    // Every person's program pins the registration authority's key and the
    // witnesses, once (like root certificates), and keeps its own memory:
    // nothing it uses is trusted because walletd returned it.
    let pinned = [registrar.signingKey.publicKey]
    func client(_ identity: Identity) -> Transport {
      Transport(
        baseURL: url, identity: identity,
        trust: ClientTrust(registrars: pinned, witnesses: witnesses))
    }
    recorder.ok(
      say("Témoins", "Witnesses", "Zeugen", "Testemunhas"),
      say(
        "l'autorité de protection des données (cnpd.lu/witness) et un autre organisme indépendant (eos.lu/witness) cosignent le journal de walletd ; chaque programme ne le croit que si les deux l'ont confirmé",
        "the data-protection authority (cnpd.lu/witness) and another independent body (eos.lu/witness) cosign walletd's log; every program believes it only if both confirmed it",
        "die Datenschutzbehörde (cnpd.lu/witness) und eine andere unabhängige Stelle (eos.lu/witness) unterschreiben das Protokoll von walletd mit; jedes Programm glaubt ihm nur, wenn beide es bestätigt haben",
        "a autoridade de proteção de dados (cnpd.lu/witness) e outro organismo independente (eos.lu/witness) assinam também o registo do walletd; cada programa só acredita nele se os dois o confirmarem"
      )
    )

    // 1. The registration authority certifies three administrations; the
    // operator publishes the certificates (it cannot make one up).
    let operatorClient = OperatorClient(transport: client(operatorIdentity))
    let ministry = say(
      "Ministère de la Famille", "Ministry of Family Affairs", "Familienministerium",
      "Ministério da Família")
    for (identity, id, name, kind, purposes, service) in [
      (
        fnsID, "fns", "Fonds national de solidarité", AdministrationKind.fns,
        ["allocation-vie-chere", "prime-energie", "revis"], "Service AVC"
      ),
      (
        logementID, "ministere-logement", "Ministère du Logement", .ministereLogement,
        ["subvention-loyer", "garantie-locative"], "Guichet unique des aides au logement"
      ),
      (
        officeID, "office-social-redange", "Office social de Redange", .officeSocial,
        ["aide-sociale"], "Accueil social"
      ),
    ] as [(Identity, String, String, AdministrationKind, [Purpose], String)] {
      guard let administrationID = AdministrationID(rawValue: id) else { continue }
      let administration = try Administration(
        id: administrationID, name: name, kind: kind, signingKey: identity.signingKey.publicKey,
        encryptionKey: identity.encryptionKey.publicKey, purposes: Set(purposes),
        contact: AdministrationContact(service: service, phone: "+352 2000 0000"))
      let certificate = try AdministrationCertificate.issue(
        administration, by: registrar, at: now - 60, days: 365)
      recorder.ok(
        ministry,
        say(
          "a certifié \(name)", "certified \(name)", "hat \(name) zertifiziert",
          "certificou \(name)"))
      try await operatorClient.register(certificate: certificate)
      recorder.ok(
        say("Opérateur", "Operator", "Betreiber", "Operador"),
        say("inscrit \(name)", "registered \(name)", "hat \(name) eingetragen", "registou \(name)"))
    }

    // 2. Maria reads the consent text, accepts, opens her wallet, fills it.
    let acceptance = ConsentAcceptance(terms: .current, language: language, acceptedAt: now)
    let citizen = try await CitizenClient.openWallet(client(maria), acceptance: acceptance)
    recorder.ok(
      "Maria",
      say(
        "a lu le texte de consentement (\(ConsentTerms.current.version)), l'a accepté et a ouvert son portefeuille",
        "read the consent text (\(ConsentTerms.current.version)), accepted it and opened her wallet",
        "hat den Text zur Einwilligung (\(ConsentTerms.current.version)) gelesen, ihn angenommen und ihre Brieftasche geöffnet",
        "leu o texto de consentimento (\(ConsentTerms.current.version)), aceitou-o e abriu a sua carteira"
      )
    )
    let entries: [(FieldID, String)] = [
      ("matricule", "1985031212307"), ("surname", "Ferreira"), ("given_names", "Maria"),
      ("birth_date", "1985-03-12"), ("nationality", "portugaise"),
      ("address", "12, rue de la Gare, L-8510 Redange"), ("commune", "Redange"),
      ("residence_since", "2015-06-01"),
      ("civil_status", "divorcée"),
      (
        "household_members",
        #"[{"given_names":"Lucas","surname":"Ferreira","relation":"child","birth_date":"2012-09-03"}]"#
      ),
      ("phone", "621 123 456"), ("iban", "LU28 0019 4006 4475 0000"),
      ("account_holder", "Maria Ferreira"),
      ("household_income", "2 150,00"), ("rent_amount", "850,00"),
      ("health_insurance_affiliation", "CNS"),
      ("request_subject", "Aide pour payer la facture d'électricité"),
    ]
    var values: [(FieldID, FieldValue)] = []
    for (field, text) in entries {
      guard let definition = FieldCatalogue.standard[field] else { continue }
      values.append((field, try definition.validate(text)))
    }
    try await citizen.set(values, at: now)
    recorder.ok(
      "Maria",
      say(
        "a rempli \(values.count) données dans les cinq cercles",
        "filled \(values.count) fields across the five circles",
        "hat \(values.count) Angaben in den fünf Kreisen eingetragen",
        "preencheu \(values.count) dados nos cinco círculos"))

    // 3. Maria grants the FNS the allocation de vie chère fields.
    let avc = try await citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 90, at: now)
    recorder.ok(
      "Maria",
      say(
        "a permis au FNS de lire \(avc.fields.count) données pour l'allocation de vie chère (90 jours)",
        "allowed the FNS to read \(avc.fields.count) fields for the cost-of-living allowance (90 days)",
        "hat dem FNS erlaubt, \(avc.fields.count) Angaben für die Teuerungszulage zu lesen (90 Tage)",
        "autorizou o FNS a ler \(avc.fields.count) dados para o subsídio de custo de vida (90 dias)"
      )
    )

    // 4. The FNS reads exactly those fields, and is refused her rent.
    let fns = AdministrationClient(transport: client(fnsID))
    let seen = try await fns.read(
      wallet: citizen.walletID, grant: avc.id, purpose: "allocation-vie-chere")
    recorder.ok(
      "FNS",
      say(
        "a lu les données permises", "read the permitted fields",
        "hat die erlaubten Angaben gelesen", "leu os dados autorizados"), seen: seen.values,
      language)
    // `read` opened nothing before it checked the receipt: the reading is in
    // Maria's log, under a checkpoint both witnesses cosigned.
    recorder.ok(
      "FNS",
      say(
        "garde le reçu de sa lecture : elle est inscrite au journal de Maria, et les deux témoins l'ont confirmé",
        "keeps the receipt of its reading: it is in Maria's log, and both witnesses confirmed it",
        "behält den Beleg für das Lesen: Es steht in Marias Protokoll, und beide Zeugen haben es bestätigt",
        "guarda o recibo da leitura: está no registo da Maria, e as duas testemunhas confirmaram-no"
      ))
    await recorder.expectRefusal(
      "FNS",
      say(
        "a demandé le loyer de Maria", "asked for Maria's rent", "hat nach Marias Miete gefragt",
        "pediu a renda da Maria")
    ) {
      _ = try await fns.read(
        wallet: citizen.walletID, grant: avc.id, purpose: "allocation-vie-chere",
        fields: ["rent_amount"])
    }

    // 5. Maria gives Paul, her social worker, a one-shot procuration.
    let procuration = try await citizen.procuration(
      to: paul.publicIdentity, kind: .oneShot, purposes: ["aide-sociale"],
      administration: "office-social-redange",
      circle: nil, actions: [.file], days: 7, at: now)
    recorder.ok(
      "Maria",
      say(
        "a donné à Paul une procuration unique : demander une aide sociale à l'office social de Redange",
        "gave Paul a one-shot procuration: ask the office social of Redange for an aide sociale",
        "hat Paul eine einmalige Vollmacht gegeben: beim Sozialamt (office social) Redange eine Sozialhilfe (aide sociale) beantragen",
        "deu ao Paul uma procuração única: pedir um apoio social (aide sociale) ao office social de Redange"
      ))

    // 6. Paul files her request; his second use is refused.
    let trustee = TrusteeClient(transport: client(paul))
    let ownerKey = try await trustee.ownerKey(wallet: citizen.walletID)
    let filing = try await trustee.file(
      wallet: citizen.walletID, ownerKey: ownerKey, procuration: procuration,
      purpose: "aide-sociale",
      at: "office-social-redange", at: now)
    recorder.ok(
      "Paul",
      say(
        "a demandé l'aide sociale pour Maria", "filed Maria's request for an aide sociale",
        "hat Marias Antrag auf Sozialhilfe (aide sociale) gestellt",
        "fez o pedido de apoio social (aide sociale) da Maria"))
    await recorder.expectRefusal(
      "Paul",
      say(
        "a voulu utiliser la procuration une seconde fois",
        "tried to use the procuration a second time",
        "wollte die Vollmacht ein zweites Mal benutzen", "tentou usar a procuração uma segunda vez")
    ) {
      _ = try await trustee.file(
        wallet: citizen.walletID, ownerKey: ownerKey, procuration: procuration,
        purpose: "aide-sociale",
        at: "office-social-redange", at: now)
    }

    // 7. The office social reads, acknowledges (number, due date), decides.
    let office = AdministrationClient(transport: client(officeID))
    let filingGrant = try filingGrantID(filing)
    let officeSeen = try await office.read(
      wallet: citizen.walletID, grant: filingGrant, purpose: "aide-sociale")
    recorder.ok(
      "Office social",
      say("a lu la demande", "read the request", "hat den Antrag gelesen", "leu o pedido"),
      seen: officeSeen.values,
      language)
    let today = try CivilDate(daysSinceUnixEpoch: Int(now / 86_400))
    let due = try await office.acknowledge(
      wallet: citizen.walletID, filing: filing, number: "OSR-\(today.year)-0042",
      registeredOn: today,
      contact: .init(service: "Accueil social", phone: "+352 2000 0000", email: nil), at: now + 60)
    let dueOn = due?.iso ?? "?"
    recorder.ok(
      "Office social",
      say(
        "a accusé réception : demande n° OSR-\(today.year)-0042, décision au plus tard le \(dueOn)",
        "acknowledged: request no. OSR-\(today.year)-0042, decision due by \(dueOn)",
        "hat den Eingang bestätigt: Antrag Nr. OSR-\(today.year)-0042, Entscheidung spätestens am \(dueOn)",
        "enviou o aviso de receção: pedido n.º OSR-\(today.year)-0042, decisão até \(dueOn)"))
    try await office.decide(
      wallet: citizen.walletID, filing: filing, outcome: .granted,
      motivation: say(
        "Aide accordée : prise en charge de la facture d'électricité de novembre.",
        "Aid granted: the November electricity bill is paid.",
        "Hilfe bewilligt: Die Stromrechnung vom November wird bezahlt.",
        "Apoio concedido: a fatura de eletricidade de novembro é paga."),
      recourse: say(
        "Vous pouvez contester cette décision : voir la lettre de décision.",
        "You may contest this decision: see the decision letter.",
        "Sie können diese Entscheidung anfechten: Lesen Sie dazu das Entscheidungsschreiben.",
        "Pode contestar esta decisão: veja a carta da decisão."),
      citizenKey: officeSeen.ownerEncryptionKey, at: now + 120)
    recorder.ok(
      "Office social",
      say(
        "a rendu sa décision motivée", "posted its motivated decision",
        "hat die begründete Entscheidung mitgeteilt", "comunicou a decisão fundamentada"))
    let summaries = try await citizen.filings()
    if let summary = summaries.first {
      recorder.ok(
        "Maria",
        say("voit sa demande : ", "sees her request: ", "sieht ihren Antrag: ", "vê o seu pedido: ")
          + summary.timeline.status.label(language)
          + (summary.notes.first.map { " — \($0)" } ?? ""))
    }

    // 8. Maria revokes the FNS grant; the FNS is refused.
    try await citizen.change(avc, .revoke, at: now + 180)
    recorder.ok(
      "Maria",
      say(
        "a retiré la permission du FNS", "withdrew the FNS's permission",
        "hat die Erlaubnis des FNS zurückgenommen", "retirou a autorização do FNS"))
    await recorder.expectRefusal(
      "FNS",
      say(
        "a voulu relire les données de Maria", "tried to read Maria's data again",
        "wollte Marias Angaben noch einmal lesen", "tentou ler de novo os dados da Maria")
    ) {
      _ = try await fns.read(
        wallet: citizen.walletID, grant: avc.id, purpose: "allocation-vie-chere")
    }

    // 9. Maria reads her access log in plain language and verifies it.
    // The entries shown are the ones verified under a checkpoint both
    // witnesses cosigned; the second check proves the log only grew.
    let verification = try await citizen.verifyLog(since: nil)
    let renderer = AccessLogRenderer(
      vocabulary: DemoVocabulary(rules: try await ClientRules.fetch(citizen.transport)),
      owner: maria.publicIdentity.keyID)
    for entry in verification.entries.reversed() {
      recorder.log(renderer.sentence(entry, language))
    }
    let again = try await citizen.verifyLog(since: verification.checkpoint)
    recorder.ok(
      "Maria",
      verification.intact && again.intact
        ? say(
          "a vérifié son journal avec les deux témoins : intact (\(again.size) entrées)",
          "verified her log against both witnesses: intact (\(again.size) entries)",
          "hat ihr Protokoll mit beiden Zeugen geprüft: unversehrt (\(again.size) Einträge)",
          "verificou o seu registo com as duas testemunhas: intacto (\(again.size) entradas)")
        : say(
          "a vérifié son journal : PROBLÈME", "verified her log: PROBLEM",
          "hat ihr Protokoll geprüft: PROBLEM", "verificou o seu registo: PROBLEMA")
          + " (\(verification.problem ?? again.problem ?? "?"))")
    var transcript = recorder.transcript
    transcript.logIntact = verification.intact && again.intact
    return transcript
  }

  /// The text in the story's language.
  private func say(_ fr: String, _ en: String, _ de: String, _ pt: String) -> String {
    language.say(fr, en, de, pt)
  }

  private func filingGrantID(_ filing: FilingView) throws -> StatementID {
    let message = try PasetoV4Public.unverifiedMessage(of: filing.filing)
    return try JSONDecoder().decode(FilingClaims.self, from: Data(message)).grant
  }
}

/// Collects the steps (and the log sentences) as they happen.
final class Recorder: @unchecked Sendable {
  private(set) var transcript = DemoTranscript()
  let onStep: @Sendable (DemoTranscript.Step) -> Void
  let logActor: String

  init(onStep: @escaping @Sendable (DemoTranscript.Step) -> Void, logActor: String) {
    self.onStep = onStep
    self.logActor = logActor
  }

  func ok(
    _ actor: String, _ detail: String, seen: [(field: FieldID, value: FieldValue)]? = nil,
    _ language: Language = .french
  ) {
    let fields = seen.map {
      Dictionary(
        uniqueKeysWithValues: $0.map {
          ($0.field.rawValue, $0.value.displayText(language: language))
        })
    }
    add(actor: actor, action: detail, outcome: "ok", code: nil, detail: detail, fields: fields)
  }

  func log(_ sentence: String) {
    add(actor: logActor, action: "log", outcome: "ok", code: nil, detail: sentence, fields: nil)
  }

  func expectRefusal(_ actor: String, _ detail: String, _ attempt: () async throws -> Void) async {
    do {
      try await attempt()
      add(
        actor: actor, action: detail, outcome: "ok", code: nil, detail: detail + " — NOT REFUSED",
        fields: nil)
    } catch let error as ClientError {
      add(
        actor: actor, action: detail, outcome: "refused", code: error.code, detail: detail,
        fields: nil)
    } catch {
      add(
        actor: actor, action: detail, outcome: "error", code: nil, detail: "\(detail): \(error)",
        fields: nil)
    }
  }

  private func add(
    actor: String, action: String, outcome: String, code: String?, detail: String,
    fields: [String: String]?
  ) {
    let step = DemoTranscript.Step(
      number: transcript.steps.count + 1, actor: actor, action: action, outcome: outcome,
      code: code, detail: detail,
      fieldsSeen: fields)
    transcript.steps.append(step)
    onStep(step)
  }
}
