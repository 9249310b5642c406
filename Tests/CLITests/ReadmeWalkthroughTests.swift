import Foundation
import PSPTransparency
import PSPWallet
import Testing
import WitnessServer

@testable import WalletCLIKit
@testable import WalletServer

/// The README's walk-through, run as written: every `wallet-cli` line of the
/// blocks between its `walkthrough` marks, in order, each person in their own
/// folder (`export PSP_HOME=…`), files passed on a shared desk, questions
/// answered "oui". The `walletd` line starts a real walletd (with the keys the
/// operator's and the authority's identities hold) and two witnesses; the
/// placeholders are filled from what the commands printed before: the wallet
/// number, the permission and request numbers, the reference `PSP-…`, the
/// keys of the log and of the witnesses. Every command must succeed.
@Suite("README walk-through")
struct ReadmeWalkthroughTests {
  static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

  /// The command lines of the walk-through: continuations joined, comments
  /// and blank lines dropped.
  static func lines(_ text: String) throws -> [String] {
    let begin = try #require(text.range(of: "<!-- walkthrough:begin -->"))
    let end = try #require(text.range(of: "<!-- walkthrough:end -->"))
    var out: [String] = []
    var inBlock = false
    var pending = ""
    for raw in text[begin.upperBound..<end.lowerBound].split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      let line = String(raw)
      if line.hasPrefix("```") {
        inBlock = line == "```sh"
        continue
      }
      guard inBlock else { continue }
      let code = stripComment(line)
      if code.hasSuffix("\\") {
        pending += code.dropLast() + " "
        continue
      }
      let whole = (pending + code).trimmingCharacters(in: .whitespaces)
      pending = ""
      if !whole.isEmpty { out.append(whole) }
    }
    return out
  }

  /// A line without its `# comment` (a `#` after a space, outside quotes).
  static func stripComment(_ line: String) -> String {
    var quote: Character? = nil
    var previous: Character = " "
    for (index, character) in zip(line.indices, line) {
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "'" || character == "\"" {
        quote = character
      } else if character == "#", previous == " " {
        return String(line[..<index]).trimmingCharacters(in: .whitespaces)
      }
      previous = character
    }
    return line.trimmingCharacters(in: .whitespaces)
  }

  /// Shell words: spaces separate, quotes group, quotes are removed.
  static func words(_ line: String) -> [String] {
    var out: [String] = []
    var current = ""
    var quote: Character? = nil
    var started = false
    for character in line {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        started = true
      } else if character == " " {
        if started || !current.isEmpty { out.append(current) }
        current = ""
        started = false
      } else {
        current.append(character)
      }
    }
    if started || !current.isEmpty { out.append(current) }
    return out
  }

  /// What the story learnt so far, to fill the placeholders.
  final class Story: @unchecked Sendable {
    let desk = TemporaryFolder()
    let homes = TemporaryFolder()
    var home = ""
    var values: [String: String] = [:]
    var daemon: WalletDaemon?
    var witnesses: [WitnessDaemon] = []

    func stop() async {
      await daemon?.stop()
      for witness in witnesses { await witness.stop() }
    }

    /// The words of a line with the placeholders and the desk's files filled in.
    func filled(_ words: [String]) throws -> [String] {
      try words.map { word in
        if let value = values[word] { return value }
        if word.contains("PSP-…") {
          return word.replacingOccurrences(of: "PSP-…", with: try #require(values["PSP-…"]))
        }
        let fileKinds = ["json", "pdf", "csv", "certificate", "psp"]
        if !word.contains("/"), !word.hasPrefix("-"),
          fileKinds.contains(URL(fileURLWithPath: word).pathExtension)
        {
          return desk.file(word)
        }
        return word
      }
    }
  }

  @Test func theWalkthroughWorksAsWritten() async throws {
    let text = try String(contentsOf: Self.readme, encoding: .utf8)
    let story = Story()
    try Data("%PDF-1.7 fiche de paie".utf8).write(
      to: URL(fileURLWithPath: story.desk.file("fiche-de-paie.pdf")))
    try Data(
      """
      field,value
      given_names,Maria
      birth_date,12/03/1985
      address,"12, rue de la Gare, L-8510 Redange"
      civil_status,divorcée
      request_subject,Aide pour payer la facture d'électricité

      """.utf8
    ).write(to: URL(fileURLWithPath: story.desk.file("mes-donnees.csv")))
    let lines = try Self.lines(text)
    // Every step of the story is there: the five people's commands, not a few.
    #expect(lines.count > 70, "\(lines.count) lines")
    do {
      for line in lines { try await run(line, story) }
    } catch {
      await story.stop()
      throw error
    }
    await story.stop()
    // The story's ends: the trustee read the reasons; the citizen got her data back.
    #expect(story.values["paul-reasons"]?.contains("facture d'électricité de novembre") == true)
    #expect(story.values["imported"]?.contains("données enregistrées") == true)
  }

  func run(_ line: String, _ story: Story) async throws {
    var words = Self.words(line)
    if words.first == "export", let assignment = words.dropFirst().first,
      assignment.hasPrefix("PSP_HOME=~/")
    {
      story.home = story.homes.path + "/" + assignment.dropFirst("PSP_HOME=~/".count)
      try FileManager.default.createDirectory(
        atPath: story.home, withIntermediateDirectories: true)
      return
    }
    if words.first == "walletd" { return try await startWalletd(story) }
    try #require(words.first == "wallet-cli", "a line the walk-through cannot run: \(line)")
    words.removeFirst()
    var output: String? = nil
    if let arrow = words.firstIndex(of: ">") {
      output = words[arrow + 1]
      words.removeSubrange(arrow...)
    }
    let arguments = try story.filled(words)
    var cli = CLIHarness(home: story.home)
    if let daemon = story.daemon { cli.environment["PSP_SERVER"] = daemon.baseURL }
    let result = await cli.run(arguments, input: ["oui", "oui", "oui"])
    try #require(result.code == 0, "\(line)\n→ \(result.code): \(result.err)")
    if let output {
      try Data(result.out.utf8).write(
        to: URL(fileURLWithPath: try story.filled([output])[0]))
    }
    learn(from: arguments, result.out, story)
  }

  /// The numbers and references a command printed, for the lines after it.
  func learn(from arguments: [String], _ out: String, _ story: Story) {
    func number() -> String? {
      guard let range = out.range(of: "Son numéro : ") else { return nil }
      return String(out[range.upperBound...].prefix { $0 != "." && $0 != "\n" })
    }
    switch Array(arguments.prefix(2)) {
    case ["wallet", "open"]: story.values["WALLET_ID"] = number()
    case ["grant", "create"]: story.values["GRANT_ID"] = number()
    case ["filing", "create"]: story.values["FILING_ID"] = number()
    case ["procuration", "create"]:
      story.values["PSP-…"] =
        out.split(separator: "\n").first { $0.hasPrefix("  PSP-") }
        .map { $0.trimmingCharacters(in: .whitespaces) }
    case ["admin", "grants"]:
      // The block of the permission that came with the request.
      if let filing = story.values["FILING_ID"] {
        for block in out.components(separatedBy: "Permission ").dropFirst()
        where block.contains("pour la demande : \(filing)") {
          story.values["FILING_GRANT_ID"] = String(block.prefix { !$0.isNewline })
        }
      }
    case ["filing", "show"] where arguments.contains("--on-behalf-of"):
      story.values["paul-reasons"] = out
    case ["wallet", "import"]: story.values["imported"] = out
    default: break
    }
  }

  /// The operator's `walletd` line: walletd with the operator's key and the
  /// authority's, and the two witnesses the README names.
  func startWalletd(_ story: Story) async throws {
    func key(_ home: String, _ name: String) throws -> String {
      try Keystore.read(
        from: URL(fileURLWithPath: story.homes.path + "/\(home)/\(name).keystore")
      ).signingKey
    }
    let data = story.homes.path + "/walletd"
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    let logVkey = try Ed25519NoteSigner(
      name: DaemonConfiguration.defaultLogOrigin, key: DaemonKey.loadOrCreate(in: data)
    ).verifier.vkey
    for name in ["cnpd.lu/witness", "eos.lu/witness"] {
      story.witnesses.append(
        try await WitnessDaemon.start(
          WitnessConfiguration(
            dataDir: data + "-" + name.prefix { $0 != "." }, listen: "127.0.0.1:0", name: name,
            logs: [DaemonConfiguration.defaultLogOrigin + "=" + logVkey])))
    }
    var configuration = DaemonConfiguration()
    configuration.dataDir = data
    configuration.listen = "127.0.0.1:0"
    configuration.operatorKey = try key("psp-operateur", "operateur")
    configuration.registrarKeys = [try key("psp-ministere", "ministere")]
    configuration.witnesses = story.witnesses.map { "\($0.baseURL) \($0.vkey)" }
    configuration.witnessQuorum = 2
    story.daemon = try await WalletDaemon.start(configuration)
    story.values["psp.lu/walletd+…"] = logVkey
    story.values["cnpd.lu/witness+…"] = story.witnesses[0].vkey
    story.values["eos.lu/witness+…"] = story.witnesses[1].vkey
  }
}
