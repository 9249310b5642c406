import ArgumentParser
import Foundation
import PSPWallet

// The options shared across commands, each group in the commands that use it.
// Defaults that come from the environment are resolved when the command runs
// (see `Invocation`), so that `--help` shows the rule, not this machine's value.

/// `--lang` and `--json`: how results are told.
public struct OutputOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      helpText(
        fr: "Langue des messages : fr, en, de ou pt (sinon celle de LANG ; le français par défaut).",
        en: "Language of the messages: fr, en, de or pt (default: from LANG; French when unknown).",
        de: "Sprache der Meldungen: fr, en, de oder pt (sonst die von LANG; sonst Französisch).",
        pt: "Língua das mensagens: fr, en, de ou pt (senão a de LANG; francês por defeito)."),
      valueName: "lang"))
  var lang: LanguageArgument?

  @Flag(name: .long, help: "Print the result as JSON, for scripts.")
  var json = false

  public init() {}

  /// The language asked for, else the one of the environment, else French.
  func language(_ environment: [String: String]) -> Language {
    if let lang { return lang.language }
    return Self.language(fromLocale: environment)
  }

  /// POSIX order: LC_ALL, then LC_MESSAGES, then LANG. English, German or
  /// Portuguese when the locale says so; French otherwise (French first).
  static func language(fromLocale environment: [String: String]) -> Language {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first {
      !$0.isEmpty
    }
    let code = String((locale ?? "").lowercased().prefix(2))
    return Language(rawValue: code) ?? .french
  }
}

/// `--home` and `--passphrase-file`: where identities and state live, and how
/// a script gives the passphrase.
public struct HomeOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Folder of the identities and state (default: PSP_HOME, else ~/.psp).", valueName: "dir"))
  var home: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read the passphrase from this file (first line) instead of asking. PSP_PASSPHRASE works too.",
      valueName: "file"))
  var passphraseFile: String?

  public init() {}
}

/// `--as`: which identity of the home acts.
public struct ActorOptions: ParsableArguments {
  @Option(
    name: .customLong("as"),
    help: ArgumentHelp(
      "The identity that acts (its NAME.keystore in --home); needed when there are several.",
      valueName: "name"))
  var name: String?

  public init() {}
}

/// `--server`: where walletd answers.
public struct ServerOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "walletd's address (default: PSP_SERVER, else http://127.0.0.1:8470).", valueName: "url"))
  var server: String?

  public init() {}

  static let defaultServer = "http://127.0.0.1:8470"

  func url(_ environment: [String: String]) -> String {
    server ?? environment["PSP_SERVER"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultServer
  }

  func validateURL() throws {
    guard let server else { return }
    guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https",
      url.host != nil
    else {
      throw ValidationError("--server must be an address like http://127.0.0.1:8470")
    }
  }
}

/// `--yes`: confirm without asking (scripts).
public struct ConfirmOptions: ParsableArguments {
  @Flag(name: .long, help: "Do not ask for confirmation (for scripts).")
  var yes = false

  public init() {}
}

enum LanguageArgument: String, ExpressibleByArgument, CaseIterable {
  case fr, en, de, pt
  var language: Language {
    switch self {
    case .fr: .french
    case .en: .english
    case .de: .german
    case .pt: .portuguese
    }
  }
}

/// `--on-behalf-of`: a trusted person acting in a citizen's wallet.
public struct OnBehalfOfOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "As a trusted person: the citizen's wallet reference (PSP-…) or wallet number.",
      valueName: "reference"))
  public var onBehalfOf: String?

  public init() {}
}
