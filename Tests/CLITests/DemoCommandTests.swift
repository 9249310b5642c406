import Foundation
@testable import PSPDemo
import PSPWallet
import Testing

@testable import WalletCLIKit

@Suite("demo")
struct DemoCommandTests {
  /// The whole story through the command, as JSON: it starts its own walletd
  /// in a temporary folder, shows the three refusals with their codes, and the
  /// log verifies; the temporary folder is gone afterwards.
  @Test func demoJSONRunsEndToEnd() async throws {
    let folder = TemporaryFolder()
    let before = Set(
      try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter {
        $0.hasPrefix("psp-demo-")
      })
    let result = await CLIHarness(home: folder.path).run(["demo", "--json"])
    #expect(result.code == 0, "\(result.err)")
    let transcript = try JSONDecoder().decode(DemoTranscript.self, from: Data(result.out.utf8))
    #expect(
      transcript.refusals.map(\.code) == ["field-not-granted", "procuration-used", "revoked"])
    #expect(transcript.logIntact == true)
    #expect(transcript.steps.allSatisfy { $0.outcome == "ok" || $0.outcome == "refused" })
    let after = Set(
      try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter {
        $0.hasPrefix("psp-demo-")
      })
    #expect(after.subtracting(before).isEmpty)
  }

  static func step(_ outcome: String, code: String? = nil, fields: [String: String]? = nil)
    -> DemoTranscript.Step
  {
    DemoTranscript.Step(
      number: 4, actor: "FNS", action: "read", outcome: outcome, code: code,
      detail: "a lu les données permises",
      fieldsSeen: fields)
  }

  @Test func aStepIsOneCalmLineWithTheFieldsIndented() {
    let lines = DemoPrinter.lines(
      Self.step("ok", fields: ["iban": "LU28 0019", "surname": "Ferreira"]), .french)
    #expect(
      lines == [
        "4. FNS — a lu les données permises",
        "     Votre nom de famille : Ferreira",
        "     Le numéro de votre compte en banque (IBAN) : LU28 0019",
      ])
  }

  @Test func aRefusalIsMarkedWithItsCode() {
    #expect(
      DemoPrinter.lines(Self.step("refused", code: "revoked"), .french) == [
        "4. FNS — a lu les données permises — REFUSÉ (revoked)"
      ])
    #expect(
      DemoPrinter.lines(Self.step("refused", code: "revoked"), .english) == [
        "4. FNS — a lu les données permises — REFUSED (revoked)"
      ])
  }

  @Test func theVerdictWantsTheThreeRefusalsAndAnIntactLog() {
    var transcript = DemoTranscript()
    transcript.steps = [
      Self.step("ok"), Self.step("refused", code: "field-not-granted"),
      Self.step("refused", code: "procuration-used"),
      Self.step("refused", code: "revoked"),
    ]
    transcript.logIntact = true
    #expect(DemoVerdict(transcript).asExpected)
    transcript.logIntact = false
    #expect(!DemoVerdict(transcript).asExpected)
    transcript.logIntact = true
    transcript.steps.removeLast()
    #expect(!DemoVerdict(transcript).asExpected)
    transcript.steps.append(Self.step("error"))
    #expect(!DemoVerdict(transcript).asExpected)
  }
}
