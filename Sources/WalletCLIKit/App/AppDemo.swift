import Foundation
import PSPDemo
import PSPWallet

/// The demo world of `wallet-cli app --demo`, so a newcomer can click through
/// without any setup: a private walletd with its two witnesses on this
/// computer, and a fresh folder of identities — Maria (citizen), Paul (her
/// social worker), the FNS and the Office social de Redange — set up with
/// wallet-cli's own commands: the administrations registered, Maria's wallet
/// opened and filled, a permission for the FNS, a personalised procuration for
/// Paul. Every demo passphrase is `passphrase`. Everything is thrown away at
/// the end.
struct AppDemo: Sendable {
  static let passphrase = "psp demo"
  /// The people the pages serve, in the order the story meets them.
  static let people = ["maria", "paul", "fns", "office"]

  let folder: String
  let platform: DemoPlatform

  var home: String { folder + "/home" }

  /// What the app needs: the demo folder and walletd's address.
  func environment(_ base: [String: String]) -> [String: String] {
    var environment = base
    environment["PSP_HOME"] = home
    environment["PSP_SERVER"] = platform.baseURL
    environment["PSP_PASSPHRASE"] = nil
    return environment
  }

  static func make(_ invocation: Invocation) async throws -> AppDemo {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "psp-app-demo-\(UUID().uuidString)"
    ).path
    var steps = Steps(
      environment: [
        "PSP_HOME": folder + "/home", "PSP_PASSPHRASE": passphrase,
        "LANG": invocation.environment["LANG"] ?? "fr_LU.UTF-8",
      ])
    // Tests make the keystores with light parameters (never the real demo).
    steps.environment["PSP_FAST_KDF"] = invocation.environment["PSP_FAST_KDF"]
    do {
      for (kind, name) in [
        ("operator", "operateur"), ("registrar", "ministere"), ("citizen", "maria"),
        ("trustee", "paul"), ("administration", "fns"), ("administration", "office"),
      ] {
        try await steps.run(["identity", "create", "--kind", kind, "--name", name])
      }
      let registrar = try await steps.keys("ministere")
      try await steps.run(["trust", "registrar", registrar.signingKey])
      let platform = try await DemoPlatform.start(
        dataDir: folder + "/walletd", operatorKey: try await steps.keys("operateur").signingKey,
        registrarKeys: [registrar.signingKey])
      do {
        try await populate(&steps, platform, folder: folder)
      } catch {
        await platform.stop()
        throw error
      }
      return AppDemo(folder: folder, platform: platform)
    } catch {
      try? FileManager.default.removeItem(atPath: folder)
      throw error
    }
  }

  func stop() async {
    await platform.stop()
    try? FileManager.default.removeItem(atPath: folder)
  }

  private static func populate(_ steps: inout Steps, _ platform: DemoPlatform, folder: String)
    async throws
  {
    try await steps.run(
      ["trust", "witnesses", "--log", platform.logVkey, "--quorum", "2"]
        + platform.witnesses.map(\.vkey))
    steps.environment["PSP_SERVER"] = platform.baseURL
    for (name, id, title, kind, purposes, service) in [
      (
        "fns", "fns", "Fonds national de solidarité", "fns",
        "allocation-vie-chere,prime-energie,revis", "Service AVC"
      ),
      (
        "office", "office-social-redange", "Office social de Redange", "office-social",
        "aide-sociale", "Accueil social"
      ),
    ] {
      let keys = try await steps.keys(name)
      let certificate = folder + "/\(id).certificate"
      try await steps.run([
        "registrar", "certify", "--as", "ministere", "--id", id, "--name", title, "--kind", kind,
        "--signing-key=\(keys.signingKey)", "--encryption-key=\(keys.encryptionKey)",
        "--purposes", purposes, "--service", service, "--phone", "+352 2000 0000",
        "--out", certificate,
      ])
      try await steps.run([
        "operator", "register", "--as", "operateur", "--certificate", certificate,
      ])
    }
    let maria = ["--as", "maria"]
    try await steps.run(["wallet", "open", "--accept"] + maria)
    let fields = folder + "/maria.json"
    try JSONSerialization.data(withJSONObject: mariasFields, options: [.sortedKeys]).write(
      to: URL(fileURLWithPath: fields))
    try await steps.run(["field", "import", fields] + maria)
    try FileManager.default.removeItem(atPath: fields)
    try await steps.run(
      ["grant", "create", "--to", "fns", "--purpose", "allocation-vie-chere", "--yes"] + maria)
    struct Given: Decodable { let reference: String }
    let given = try await steps.json(
      [
        "procuration", "create", "--to", "paul", "--purposes", "aide-sociale", "--actions",
        "read,update,file", "--days", "30", "--yes",
      ] + maria, as: Given.self)
    // Paul's program remembers Maria's wallet the first time he acts for her.
    try await steps.run(["wallet", "status", "--as", "paul", "--on-behalf-of", given.reference])
  }

  /// Maria's fields, as in `wallet-cli demo`.
  static let mariasFields: [String: String] = [
    "matricule": "1985031212307", "surname": "Ferreira", "given_names": "Maria",
    "birth_date": "1985-03-12", "nationality": "portugaise",
    "address": "12, rue de la Gare, L-8510 Redange", "commune": "Redange",
    "residence_since": "2015-06-01", "civil_status": "divorcée",
    "household_members":
      #"[{"given_names":"Lucas","surname":"Ferreira","relation":"child","birth_date":"2012-09-03"}]"#,
    "phone": "621 123 456", "iban": "LU28 0019 4006 4475 0000",
    "account_holder": "Maria Ferreira", "household_income": "2 150,00", "rent_amount": "850,00",
    "health_insurance_affiliation": "CNS",
  ]

  /// wallet-cli's own commands, run in this process with the demo's folder and
  /// nothing printed; a step that fails stops the demo.
  struct Steps {
    var environment: [String: String]

    @discardableResult
    func run(_ arguments: [String]) async throws -> String {
      let captured = Captured()
      let console = Console(
        out: { captured.add($0) }, err: { _ in }, readLine: { nil }, readSecret: { _ in nil })
      let code = await Console.$current.withValue(console) {
        await CLIEnvironment.$values.withValue(environment) { await WalletCLI.execute(arguments) }
      }
      guard code == 0 else { throw Messages.demoFailed }
      return captured.text
    }

    func json<T: Decodable>(_ arguments: [String], as type: T.Type) async throws -> T {
      let out = try await run(arguments + ["--json"])
      do { return try JSONDecoder().decode(T.self, from: Data(out.utf8)) } catch {
        throw Messages.demoFailed
      }
    }

    struct Keys: Decodable {
      let signingKey: String
      let encryptionKey: String
    }

    func keys(_ name: String) async throws -> Keys {
      try await json(["identity", "show", "--as", name], as: Keys.self)
    }
  }

  private final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    func add(_ text: String) { lock.withLock { buffer += text } }
    var text: String { lock.withLock { buffer } }
  }
}
