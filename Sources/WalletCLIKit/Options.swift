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
        fr:
          "Langue des messages : fr, en, de ou pt (sinon celle de LANG ; le français par défaut).",
        en: "Language of the messages: fr, en, de or pt (default: from LANG; French when unknown).",
        de: "Sprache der Meldungen: fr, en, de oder pt (sonst die von LANG; sonst Französisch).",
        pt: "Língua das mensagens: fr, en, de ou pt (senão a de LANG; francês por defeito)."),
      valueName: "lang"))
  var lang: LanguageArgument?

  @Flag(
    name: .long,
    help: ArgumentHelp(
      helpText(
        fr: "Donner le résultat en JSON, pour les scripts.",
        en: "Print the result as JSON, for scripts.",
        de: "Das Ergebnis als JSON ausgeben, für Skripte.",
        pt: "Mostrar o resultado em JSON, para scripts.")))
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
      helpText(
        fr: "Dossier des identités et de l'état (par défaut : PSP_HOME, sinon ~/.psp).",
        en: "Folder of the identities and state (default: PSP_HOME, else ~/.psp).",
        de: "Ordner der Identitäten und des Zustands (Standard: PSP_HOME, sonst ~/.psp).",
        pt: "Pasta das identidades e do estado (por defeito: PSP_HOME, senão ~/.psp)."),
      valueName: "dir"))
  var home: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      helpText(
        fr:
          "Lire la phrase secrète dans ce fichier (première ligne) au lieu de la demander. PSP_PASSPHRASE marche aussi.",
        en:
          "Read the passphrase from this file (first line) instead of asking. PSP_PASSPHRASE works too.",
        de:
          "Das Passwort aus dieser Datei lesen (erste Zeile), statt danach zu fragen. PSP_PASSPHRASE geht auch.",
        pt:
          "Ler a palavra-passe deste ficheiro (primeira linha) em vez de a pedir. PSP_PASSPHRASE também funciona."
      ),
      valueName: "file"))
  var passphraseFile: String?

  public init() {}
}

/// `--as`: which identity of the home acts.
public struct ActorOptions: ParsableArguments {
  @Option(
    name: .customLong("as"),
    help: ArgumentHelp(
      helpText(
        fr:
          "L'identité qui agit (son NOM.keystore dans --home) ; nécessaire quand il y en a plusieurs.",
        en: "The identity that acts (its NAME.keystore in --home); needed when there are several.",
        de:
          "Die Identität, die handelt (ihre Datei NAME.keystore in --home); nötig, wenn es mehrere gibt.",
        pt:
          "A identidade que age (o seu NOME.keystore em --home); necessária quando há várias."),
      valueName: "name"))
  var name: String?

  public init() {}
}

/// `--server`: where walletd answers.
public struct ServerOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      helpText(
        fr: "L'adresse de walletd (par défaut : PSP_SERVER, sinon http://127.0.0.1:8470).",
        en: "walletd's address (default: PSP_SERVER, else http://127.0.0.1:8470).",
        de: "Die Adresse von walletd (Standard: PSP_SERVER, sonst http://127.0.0.1:8470).",
        pt: "O endereço do walletd (por defeito: PSP_SERVER, senão http://127.0.0.1:8470)."),
      valueName: "url"))
  var server: String?

  public init() {}

  static let defaultServer = "http://127.0.0.1:8470"

  func url(_ environment: [String: String]) -> String {
    server ?? environment["PSP_SERVER"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultServer
  }

  /// TRANSITIONAL: for callers that do not pass their `OutputOptions` (the
  /// message is then in the command line's language, `HelpLanguage.current`);
  /// prefer `validateURL(output)`.
  func validateURL() throws {
    guard isValidURL else {
      throw usageError(Messages.serverAddressInvalid, in: HelpLanguage.current)
    }
  }

  func validateURL(_ output: OutputOptions) throws {
    guard isValidURL else { throw usageError(Messages.serverAddressInvalid, output) }
  }

  /// No `--server`, or an http(s) address with a host.
  private var isValidURL: Bool {
    guard let server else { return true }
    guard let url = URL(string: server) else { return false }
    return (url.scheme == "http" || url.scheme == "https") && url.host != nil
  }
}

/// `--yes`: confirm without asking (scripts).
public struct ConfirmOptions: ParsableArguments {
  @Flag(
    name: .long,
    help: ArgumentHelp(
      helpText(
        fr: "Ne pas demander de confirmation (pour les scripts).",
        en: "Do not ask for confirmation (for scripts).",
        de: "Nicht um Bestätigung bitten (für Skripte).",
        pt: "Não pedir confirmação (para scripts).")))
  var yes = false

  public init() {}
}

extension Messages {
  /// `--server` that is not an http(s) address.
  static let serverAddressInvalid = Message(
    fr: "--server doit être une adresse comme http://127.0.0.1:8470.",
    en: "--server must be an address like http://127.0.0.1:8470.",
    de: "--server muss eine Adresse wie http://127.0.0.1:8470 sein.",
    pt: "--server tem de ser um endereço como http://127.0.0.1:8470.",
    hintFR: "Donnez l'adresse de walletd avec http:// ou https://, ou enlevez --server.",
    hintEN: "Give walletd's address with http:// or https://, or remove --server.",
    hintDE:
      "Geben Sie die Adresse von walletd mit http:// oder https:// an, oder lassen Sie --server weg.",
    hintPT: "Indique o endereço do walletd com http:// ou https://, ou retire --server.")
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
  /// What a trusted person types to name a citizen's wallet (also `procuration list --wallet`).
  static func referenceHelp() -> String {
    helpText(
      fr:
        "En tant que personne de confiance : la référence du portefeuille de la personne (PSP-…) ou son numéro.",
      en: "As a trusted person: the citizen's wallet reference (PSP-…) or wallet number.",
      de:
        "Als Vertrauensperson: die Referenz der Brieftasche des Inhabers oder der Inhaberin (PSP-…) oder ihre Nummer.",
      pt:
        "Como pessoa de confiança: a referência da carteira do titular (PSP-…) ou o número da carteira."
    )
  }

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      OnBehalfOfOptions.referenceHelp(),
      valueName: "reference"))
  public var onBehalfOf: String?

  public init() {}

  /// A reference that does not read (a typo, a wrong check character) is a
  /// usage error, told before anything is asked or sent.
  func validate(_ output: OutputOptions) throws {
    guard let onBehalfOf else { return }
    do { _ = try WalletArgument(onBehalfOf) } catch { throw usageError(error, output) }
  }
}
