import ArgumentParser
import PSPConsent
import PSPWallet

// Argument values, each an enum of the words the command line accepts.

enum RoleArgument: String, ExpressibleByArgument, CaseIterable {
  case citizen, trustee, administration, `operator`, registrar

  var kind: PrincipalKind {
    switch self {
    case .registrar: .registrar
    case .citizen: .citizen
    case .trustee: .trustee
    case .administration: .administration
    case .operator: .operator
    }
  }
}

enum OutcomeArgument: String, ExpressibleByArgument, CaseIterable {
  case granted, refused, partial

  var outcome: FilingResponseClaims.Outcome {
    switch self {
    case .granted: .granted
    case .refused: .refused
    case .partial: .partial
    }
  }
}

/// A comma-separated list (`--purposes a,b`), each item checked by `make`.
enum CommaList {
  static func parse<Item>(_ text: String, _ make: (String) -> Item?) -> [Item]? {
    var items: [Item] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: true) {
      guard let item = make(part.trimmingCharacters(in: .whitespaces)) else { return nil }
      items.append(item)
    }
    return items
  }
}

/// A usage error that already follows the message rule (text and hint), in the
/// language of the command line. Thrown from `validate()`: exit code 2.
func usageError(_ message: Message, _ output: OutputOptions) -> ValidationError {
  usageError(message, in: output.language(CLIEnvironment.values))
}

/// The same, in a language already known (for a check that has no
/// `OutputOptions` at hand: `HelpLanguage.current`, the command line's).
func usageError(_ message: Message, in language: Language) -> ValidationError {
  var text = message.text.text(in: language)
  if let hint = message.hint { text += "\n" + Message.hintPrefix + hint.text(in: language) }
  return ValidationError(text)
}
