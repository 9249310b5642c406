import ArgumentParser
import Foundation
import PSPWallet
import WalletClient

/// One run of a command: the console, the environment, the language and the
/// output form. `run` is the one place where failures become messages: every
/// error a command throws is told by the rule in `Message` on standard error,
/// and the command ends with exit code 1.
struct Invocation: Sendable {
  let console: Console
  let environment: [String: String]
  let language: Language
  let json: Bool
  /// The client trust of the transport this run made (`Acting.transport`), so
  /// that a key change is told with the old and the new key ids.
  let trustUsed = TrustUsed()

  var french: Bool { language == .french }
  /// Seconds since 1970, read once per use.
  var now: Int64 { Int64(Date().timeIntervalSince1970) }

  init(_ output: OutputOptions) {
    console = Console.current
    environment = CLIEnvironment.values
    language = output.language(environment)
    json = output.json
  }

  /// A run inside the app (`wallet-cli app`): a page in `language`, no JSON,
  /// the app's environment and a console that asks nothing.
  init(app language: Language, environment: [String: String]) {
    console = Console(out: { _ in }, err: { _ in })
    self.environment = environment
    self.language = language
    json = false
  }

  static func run(_ output: OutputOptions, _ body: (Invocation) async throws -> Void) async throws {
    let invocation = Invocation(output)
    do {
      try await body(invocation)
    } catch let exit as ExitCode {
      throw exit
    } catch {
      let message: Message
      if case .forged(let forgery) = error as? ClientError {
        message = Messages.forged(forgery, trust: invocation.trustUsed.trust)
      } else {
        message = Messages.from(error)
      }
      invocation.console.note(message.rendered(in: invocation.language))
      throw ExitCode.failure
    }
  }

  func say(fr: String, en: String, de: String, pt: String) -> String {
    say(LocalizedText(fr: fr, en: en, de: de, pt: pt))
  }
  func say(_ text: LocalizedText) -> String { text.text(in: language) }

  /// A line of result on standard output.
  func line(_ text: String = "") { console.line(text) }
  func line(fr: String, en: String, de: String, pt: String) {
    console.line(say(fr: fr, en: en, de: de, pt: pt))
  }

  /// A remark on standard error (a warning, a next step), not a result.
  func note(fr: String, en: String, de: String, pt: String) {
    console.note(say(fr: fr, en: en, de: de, pt: pt))
  }

  /// The result as one JSON document (sorted keys, so that scripts and tests
  /// see a stable form).
  func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    console.line(String(decoding: try encoder.encode(value), as: UTF8.self))
  }

  /// Asks a yes/no question on standard error and reads the answer; only
  /// "oui"/"yes"/"ja"/"sim" goes on. `assumeYes` (`--yes`, `--accept`) skips the question.
  func confirm(_ question: LocalizedText, assumeYes: Bool, refusal: Message = Messages.notConfirmed)
    throws(Message)
  {
    if assumeYes { return }
    console.err(
      say(question) + " "
        + say(
          fr: "(tapez oui ou non) ", en: "(type yes or no) ", de: "(geben Sie ja oder nein ein) ",
          pt: "(escreva sim ou não) "))
    guard Words.isYes(console.readLine()) else { throw refusal }
  }
}

/// The `ClientTrust` a run's transport used, kept for the message of a failure.
final class TrustUsed: @unchecked Sendable {
  private let lock = NSLock()
  private var value: ClientTrust?

  var trust: ClientTrust? {
    get { lock.withLock { value } }
    set { lock.withLock { value = newValue } }
  }
}
