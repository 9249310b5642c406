import ArgumentParser
import Foundation
import PSPDemo

struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Play the whole PSP story on a private walletd, step by step.",
    discussion: """
      A walletd is started on this computer with a fresh, temporary data folder
      (removed at the end), with two witnesses that cosign its access log: the
      data-protection authority and another independent body. The operator
      registers three administrations; Maria opens her wallet and fills it; the
      FNS reads what she allowed, with a receipt proving the reading is in her
      log, and is refused her rent; Paul, her social worker, files a request for
      her under a one-shot procuration and is refused a second time; the office
      social acknowledges and decides; Maria withdraws the FNS's permission,
      which is then refused; Maria reads her access log and checks it against
      the witnesses. Exit code 0 when everything went as expected.

      Example:
        wallet-cli demo
        wallet-cli demo --lang en
        wallet-cli demo --json > transcript.json
      """)

  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "psp-demo-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: directory) }
      let printer = DemoPrinter(invocation)
      let story = DemoStory(language: invocation.language) { step in
        if !invocation.json { printer.print(step) }
      }
      let transcript = try await story.run(dataDir: directory.path)
      let verdict = DemoVerdict(transcript)
      if invocation.json {
        try invocation.printJSON(transcript)
      } else {
        invocation.line()
        if verdict.asExpected {
          invocation.line(
            fr:
              "Tout s'est passé comme prévu : \(transcript.refusals.count) refus attendus, journal intact.",
            en:
              "Everything went as expected: \(transcript.refusals.count) expected refusals, log intact."
          )
        }
      }
      guard verdict.asExpected else { throw Messages.demoFailed }
    }
  }
}
