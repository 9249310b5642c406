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
    help: "Language of the messages: fr or en (default: from LANG; French when unknown).")
  var lang: LanguageArgument?

  @Flag(name: .long, help: "Print the result as JSON, for scripts.")
  var json = false

  public init() {}

  /// The language asked for, else the one of the environment, else French.
  func language(_ environment: [String: String]) -> Language {
    if let lang { return lang.language }
    return Self.language(fromLocale: environment)
  }

  /// POSIX order: LC_ALL, then LC_MESSAGES, then LANG. English only when the
  /// locale says English; French otherwise (French first).
  static func language(fromLocale environment: [String: String]) -> Language {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first {
      !$0.isEmpty
    }
    return locale?.lowercased().hasPrefix("en") == true ? .english : .french
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
  case fr, en
  var language: Language { self == .fr ? .french : .english }
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
