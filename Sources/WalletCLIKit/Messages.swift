import PSPWallet

/// What wallet-cli says when something goes wrong, following one rule.
///
/// **The rule.**
/// 1. Results go to standard output. Messages (errors, warnings, questions) go
///    to standard error.
/// 2. An error is one line: `wallet-cli: ` then one or two short sentences in
///    sentence case, ending with a period. It says what happened, and says
///    "Nothing was changed." when that is so.
/// 3. It may be followed by one line `hint: ` then one or two short sentences,
///    ending with a period, saying what to do next (often the exact command
///    to type).
/// 4. The prefixes `wallet-cli: ` and `hint: ` are the same in French and in
///    English, so that scripts and social workers can find them; the sentences
///    after them are in the language of `--lang` (French first).
/// 5. Plain words (FALC): short sentences, no jargon where a common word exists,
///    the glossary's words where one is needed (wallet/portefeuille,
///    field/donnée, grant/permission, procuration, filing/demande, access
///    log/journal).
/// 6. Never a passphrase, a recovery code, a key, a token, a field value or a
///    file path in a message: messages reach screens other people see, and
///    logs. (`identity create` prints the recovery code once, on purpose, as
///    its result on standard output — not as a message.)
/// 7. Exit codes: 0 done; 1 refused or failed (the message says why; nothing
///    was half done); 2 wrong usage (the command line does not parse or does
///    not make sense — the hint names the `--help` to read).
public struct Message: Sendable, Equatable, Error {
  public let text: LocalizedText
  public let hint: LocalizedText?

  public init(_ text: LocalizedText, hint: LocalizedText? = nil) {
    self.text = text
    self.hint = hint
  }

  /// A message and its hint, each in the four languages.
  public init(
    fr: String, en: String, de: String, pt: String, hintFR: String, hintEN: String,
    hintDE: String, hintPT: String
  ) {
    text = LocalizedText(fr: fr, en: en, de: de, pt: pt)
    hint = LocalizedText(fr: hintFR, en: hintEN, de: hintDE, pt: hintPT)
  }

  public static let prefix = "wallet-cli: "
  public static let hintPrefix = "hint: "

  /// The message as printed on standard error, without the final newline.
  public func rendered(in language: Language) -> String {
    var lines = [Self.prefix + text.text(in: language)]
    if let hint { lines.append(Self.hintPrefix + hint.text(in: language)) }
    return lines.joined(separator: "\n")
  }
}
