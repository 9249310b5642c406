import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import PSPTransparency
import WalletAPI
import WalletClient
import WalletServer
import WitnessServer

/// A walletd in this process on a free loopback port, with its operator, three
/// registered administrations and Maria's wallet filled with a few fields.
final class ServerHarness: @unchecked Sendable {
  let directory = TestDirectory()
  let operatorIdentity = Identity(kind: .operator)
  /// The registration authority: walletd and every client trust its key.
  let registrar = Identity(kind: .registrar)
  let fnsID = Identity(kind: .administration)
  let officeID = Identity(kind: .administration)
  let maria = Identity(kind: .citizen)
  let paul = Identity(kind: .trustee)
  let now = Int64(Date().timeIntervalSince1970)
  var daemon: WalletDaemon!
  var citizen: CitizenClient!
  /// The witnesses walletd asks (none unless the test starts some).
  var witnesses: [WitnessDaemon] = []
  var witnessQuorum = 0
  /// walletd's settings, to start it again on the same data.
  var configuration = DaemonConfiguration()
  private var daemonClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

  var url: String { daemon.baseURL }
  private let lock = NSLock()
  private var trusts: [String: ClientTrust] = [:]

  /// The trust of one person's program: the registrar pinned, and a memory
  /// that lasts as long as the harness (as a person's state file would).
  func trust(_ identity: Identity) -> ClientTrust {
    lock.withLock {
      let key = identity.publicIdentity.keyID
      if let known = trusts[key] { return known }
      let made = ClientTrust(registrars: [registrar.signingKey.publicKey], witnesses: witnessPolicy)
      trusts[key] = made
      return made
    }
  }

  /// What every client of this installation pins: walletd's log key and the witnesses.
  var witnessPolicy: WitnessPolicy {
    try! WitnessPolicy(
      log: daemon.service.witnessing.vkey, witnesses: witnesses.map(\.vkey), quorum: witnessQuorum)
  }

  /// walletd's log key, made before walletd starts (the witnesses need it).
  static func logVkey(dataDir: String, origin: String = DaemonConfiguration.defaultLogOrigin) throws
    -> String
  {
    try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
    return try Ed25519NoteSigner(name: origin, key: DaemonKey.loadOrCreate(in: dataDir)).verifier
      .vkey
  }

  /// A witness on loopback that follows this walletd's log.
  static func witness(_ name: String, directory: TestDirectory, logVkey: String) async throws
    -> WitnessDaemon
  {
    try await WitnessDaemon.start(
      WitnessConfiguration(
        dataDir: directory.path + "/witness-" + name, listen: "127.0.0.1:0",
        name: "\(name).example.lu/witness",
        logs: [DaemonConfiguration.defaultLogOrigin + "=" + logVkey]))
  }

  /// How long a test's client waits for an answer: far longer than a
  /// person's 30 s, so that a full run on two busy cores (one race's 128
  /// requests took 53 s there) fails on a wrong answer, never on a slow one.
  static let patience: TimeInterval = 300
  /// walletd's wait for a receipt in tests (`receiptTimeoutSeconds`).
  static let receiptTimeout = 120

  func transport(_ identity: Identity) -> Transport {
    Transport(baseURL: url, identity: identity, trust: trust(identity), timeout: Self.patience)
  }
  var fns: AdministrationClient { AdministrationClient(transport: transport(fnsID)) }
  var office: AdministrationClient { AdministrationClient(transport: transport(officeID)) }

  static func start(
    fill: Bool = true, witnesses: Int = 0, quorum: Int? = nil,
    configure: (inout DaemonConfiguration) -> Void = { _ in },
    clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
  ) async throws -> ServerHarness {
    let harness = ServerHarness()
    var configuration = DaemonConfiguration()
    configuration.dataDir = harness.directory.path
    configuration.listen = "127.0.0.1:0"
    configuration.operatorKey = Paserk.encode(harness.operatorIdentity.signingKey.publicKey)
    configuration.registrarKeys = [Paserk.encode(harness.registrar.signingKey.publicKey)]
    if TestStore.onPostgres {
      configuration.database = try TestStore.freshPostgres()
      configuration.databaseConnections = 4
    }
    // A full run on two busy cores can keep witnesses from cosigning within
    // walletd's 15 s; a test's answers wait longer, as its client does.
    configuration.receiptTimeoutSeconds = Self.receiptTimeout
    if witnesses > 0 {
      let vkey = try logVkey(dataDir: harness.directory.path)
      for index in 0..<witnesses {
        harness.witnesses.append(
          try await witness("w\(index)", directory: harness.directory, logVkey: vkey))
      }
      configuration.witnesses = harness.witnesses.map { "\($0.baseURL) \($0.vkey)" }
      harness.witnessQuorum = quorum ?? witnesses
      configuration.witnessQuorum = harness.witnessQuorum
    }
    configure(&configuration)
    harness.daemonClock = clock
    harness.daemon = try await startBelowEphemeralPorts(&configuration, clock: clock)
    harness.configuration = configuration
    let operatorClient = OperatorClient(transport: harness.transport(harness.operatorIdentity))
    for (identity, id, kind, purposes) in [
      (harness.fnsID, "fns", AdministrationKind.fns, ["allocation-vie-chere", "revis"]),
      (harness.officeID, "office-social-redange", .officeSocial, ["aide-sociale"]),
    ] as [(Identity, String, AdministrationKind, [Purpose])] {
      try await operatorClient.register(
        certificate: harness.certificate(identity, id: id, kind: kind, purposes: purposes))
    }
    harness.citizen = try await CitizenClient.openWallet(
      harness.transport(harness.maria),
      acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: harness.now))
    if fill {
      var values: [(FieldID, FieldValue)] = []
      for (field, text) in [
        ("surname", "Ferreira"), ("given_names", "Maria"), ("birth_date", "1985-03-12"),
        ("address", "12, rue de la Gare, L-8510 Redange"), ("civil_status", "divorcée"),
        ("iban", "LU28 0019 4006 4475 0000"), ("rent_amount", "850,00"),
        ("household_income", "2 150,00"),
        ("request_subject", "Aide pour une facture"),
      ] as [(FieldID, String)] {
        values.append((field, try FieldCatalogue.standard[field]!.validate(text)))
      }
      try await harness.citizen.set(values, at: harness.now)
    }
    return harness
  }

  /// Paul's programs (`trustees`, used in turn) race `attempts` times to
  /// file under one new one-shot procuration of Maria's: the outcome of each
  /// attempt, "ok" or the refusal's code.
  /// Whether every attempt but the one that won was refused: "procuration-used",
  /// or 503 "unavailable" (the client is told to try again, and the log still
  /// holds one use: a refusal's receipt that missed `receiptTimeout`, or a
  /// database that refused the write). Which one succeeded and stored is
  /// checked apart.
  static func losersRefused(_ outcomes: [String]) -> Bool {
    outcomes.filter { $0 != "ok" }.allSatisfy { $0 == "procuration-used" || $0 == "unavailable" }
  }

  func raceForOneShotProcuration(_ trustees: [TrusteeClient], attempts: Int) async throws
    -> [String]
  {
    let procuration = try await paulsProcuration()
    let wallet = citizen.walletID
    let ownerKey = try await trustees[0].ownerKey(wallet: wallet)
    let now = self.now
    return await withTaskGroup(of: String.self) { group in
      for attempt in 0..<attempts {
        let trustee = trustees[attempt % trustees.count]
        group.addTask {
          do {
            _ = try await trustee.file(
              wallet: wallet, ownerKey: ownerKey, procuration: procuration, purpose: "aide-sociale",
              at: "office-social-redange", at: now)
            return "ok"
          } catch let error as ClientError {
            return error.code ?? error.description
          } catch { return "\(error)" }
        }
      }
      var all: [String] = []
      for await outcome in group { all.append(outcome) }
      return all
    }
  }

  /// walletd on a free port below Linux's ephemeral range (32768 and up) when
  /// the settings ask for any port: `restart` binds the same port again, and
  /// a port from the ephemeral range may meanwhile be the local end of some
  /// client's connection (seen under a full test run: the restart could not listen).
  static func startBelowEphemeralPorts(
    _ configuration: inout DaemonConfiguration, clock: @escaping @Sendable () -> Int64
  ) async throws -> WalletDaemon {
    guard configuration.listen == "127.0.0.1:0" else {
      return try await WalletDaemon.start(configuration, clock: clock)
    }
    // 14000–19999: apart from the ports scripts/pg-cluster.sh picks (20000 and up).
    for _ in 0..<20 {
      configuration.listen = "127.0.0.1:\(Int.random(in: 14_000..<20_000))"
      do { return try await WalletDaemon.start(configuration, clock: clock) } catch let error
        as APIError where error.detail.contains("could not listen")
      {
        continue
      }
    }
    configuration.listen = "127.0.0.1:0"
    return try await WalletDaemon.start(configuration, clock: clock)
  }

  /// One more walletd on the same database and key (`walletd.key` in the
  /// same data dir), on a port of its own: several walletd behind a balancer.
  func another() async throws -> WalletDaemon {
    var again = configuration
    again.listen = "127.0.0.1:0"
    return try await WalletDaemon.start(again, clock: daemonClock)
  }

  /// Stops walletd, runs `meanwhile` (an operator at work on its files), and
  /// starts it again on the same data dir, port and witnesses.
  func restart(meanwhile: () throws -> Void = {}) async throws {
    let port = daemon.port
    await daemon.stop()
    try meanwhile()
    var again = configuration
    again.listen = "127.0.0.1:\(port)"
    daemon = try await WalletDaemon.start(again, clock: daemonClock)
  }

  func stop() async {
    await daemon.stop()
    for witness in witnesses { await witness.stop() }
  }

  /// The registrar's certificate of an administration (`signer` signs it: the
  /// registrar, unless a test forges one).
  func certificate(
    _ identity: Identity, id: String, kind: AdministrationKind, purposes: [Purpose],
    signer: Identity? = nil,
    days: Int64 = 365
  ) throws -> String {
    let administration = try Administration(
      id: AdministrationID(rawValue: id)!, name: id, kind: kind,
      signingKey: identity.signingKey.publicKey,
      encryptionKey: identity.encryptionKey.publicKey, purposes: Set(purposes),
      contact: AdministrationContact(service: "Accueil", phone: "+352 2000 0000"))
    return try AdministrationCertificate.issue(
      administration, by: signer ?? registrar, at: now - 60, days: days)
  }

  /// A one-shot procuration for Paul to file an aide sociale at the office social.
  /// Maria gives Paul a personalised procuration for the aide sociale at the
  /// office social, allowing `actions`.
  func paulsPersonalisedProcuration(_ actions: [ProcurationAction], days: Int64 = 30) async throws
    -> Procuration
  {
    try await citizen.procuration(
      to: paul.publicIdentity, kind: .personalised, purposes: ["aide-sociale"],
      administration: "office-social-redange", circle: nil, actions: actions, days: days, at: now)
  }

  func paulsProcuration() async throws -> Procuration {
    try await citizen.procuration(
      to: paul.publicIdentity, kind: .oneShot, purposes: ["aide-sociale"],
      administration: "office-social-redange",
      circle: nil, actions: [.file], days: 7, at: now)
  }

  /// walletd's database, opened on the side (as an attacker with disk or
  /// database access would), on whichever engine walletd runs.
  func database() throws -> SideDatabase { try SideDatabase(configuration) }
}

/// Sends hand-made requests: a session of its own, then any method, path,
/// counter and body, with or without a correct MAC.
struct RawClient {
  let url: String
  let identity: Identity
  let session: String
  let key: SymmetricKey

  static func open(_ url: String, identity: Identity) async throws -> RawClient {
    let claims = SessionRequestClaims(
      key: identity.signingKey.publicKey, encryptionKey: identity.encryptionKey.publicKey,
      at: Int64(Date().timeIntervalSince1970))
    let token = try SignedStatement.sign(
      claims, type: SessionRequestClaims.type, with: identity.signingKey)
    let (status, data) = try await send(
      url, "POST", "/v1/sessions",
      body: Array(try JSONEncoder().encode(SessionRequest(token: token))), headers: [:])
    guard status == 201 || status == 200 else { throw ClientError.badAnswer("handshake \(status)") }
    let response = try JSONDecoder().decode(SessionResponse.self, from: data)
    let key = try SymmetricKey(
      SealedBox.open(response.sealedKey.bytes, with: identity.encryptionKey))
    return RawClient(url: url, identity: identity, session: response.session, key: key)
  }

  /// `headers` are added last (a test's own `Content-Type` replaces the default).
  func request(
    _ method: String, _ path: String, body: [UInt8] = [], counter: UInt64, mac: [UInt8]? = nil,
    headers: [String: String] = [:]
  ) async throws -> (Int, Data) {
    let tag =
      mac
      ?? RequestAuthentication.mac(
        key: key, method: method, path: path, counter: counter, body: body)
    let authentication = [
      RequestAuthentication.sessionHeader: session,
      RequestAuthentication.counterHeader: String(counter),
      RequestAuthentication.macHeader: Encoding.base64URL(tag),
    ]
    return try await Self.send(
      url, method, path, body: body, headers: authentication.merging(headers) { $1 })
  }

  static func send(
    _ url: String, _ method: String, _ path: String, body: [UInt8], headers: [String: String]
  )
    async throws -> (Int, Data)
  {
    var request = URLRequest(url: URL(string: url + path)!)
    request.httpMethod = method
    if !body.isEmpty {
      request.httpBody = Data(body)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as! HTTPURLResponse).statusCode, data)
  }

  static func problem(_ data: Data) -> Problem? {
    try? JSONDecoder().decode(Problem.self, from: data)
  }
}

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
