import ArgumentParser
import Foundation
import PSPConsent
import PSPWallet
import Testing
import WalletAPI

@testable import WalletCLIKit

/// No text a person reads in one language carries words of another: every
/// help text (each command, rendered as `--help --lang L` prints it), every
/// message of the catalogue with its hint, the field catalogue's labels and
/// hints, the aids' names, the words of lists, and the consent terms. Each
/// language has words that are common in it and absent from the three others;
/// none may appear in another language's texts. Command lines (examples) and
/// quoted values are left out: they are the same in every language.
@Suite("No language leaks into another")
struct LanguageLeakTests {
  static let markers: [Language: Set<String>] = [
    .french: [
      "les", "vous", "votre", "vos", "une", "est", "pour", "avec", "dans", "pas", "aux", "rien",
      "été",
    ],
    .english: [
      "the", "your", "you", "with", "and", "this", "of", "which", "will", "cannot", "is",
      "nothing",
    ],
    .german: [
      "und", "sie", "nicht", "ihre", "ihr", "der", "ist", "mit", "eine", "für", "wird",
      "nichts", "wurde",
    ],
    .portuguese: [
      "não", "você", "uma", "sua", "seu", "para", "dos", "está", "pode", "ao", "nada", "foi",
    ],
  ]

  /// The words of a text, without command lines, options and quoted values.
  static func words(_ text: String) -> [String] {
    var out: [String] = []
    for line in text.split(separator: "\n") where !line.contains("wallet-cli ") {
      var kept = ""
      var quote: Character? = nil
      for character in line {
        if let open = quote {
          if character == open || (open == "«" && character == "»")
            || (open == "“" && character == "”") || (open == "„" && character == "“")
          {
            quote = nil
          }
          continue
        }
        if ["\"", "«", "“", "„"].contains(character) {
          quote = character
          continue
        }
        kept.append(character)
      }
      for token in kept.split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
        if token.hasPrefix("-") { continue }
        out.append(String(token))
      }
    }
    return out
  }

  static func leaks(_ text: String, in language: Language) -> [String] {
    let foreign = markers.filter { $0.key != language }.values.reduce(into: Set<String>()) {
      $0.formUnion($1)
    }
    return words(text).filter { foreign.contains($0.lowercased()) }
  }

  /// Every command's help, as `--help --lang L` prints it.
  static func helps(in language: Language) -> [(String, String)] {
    var out: [(String, String)] = []
    func visit(_ command: any ParsableCommand.Type, _ path: String) {
      let text = HelpLanguage.$current.withValue(language) {
        ParserWords.help(WalletCLI.helpMessage(for: command, columns: 80), in: language)
      }
      out.append((path, text))
      let subcommands = HelpLanguage.$current.withValue(language) {
        command.configuration.subcommands
      }
      for sub in subcommands {
        visit(sub, path + " " + (sub.configuration.commandName ?? "?"))
      }
    }
    visit(WalletCLI.self, "wallet-cli")
    return out
  }

  /// Everything else a person reads: messages, catalogue, aids, words, terms.
  static func texts() -> [(String, LocalizedText)] {
    var out: [(String, LocalizedText)] = []
    for (index, message) in MessageTests.all.enumerated() {
      out.append(("message \(index)", message.text))
      if let hint = message.hint { out.append(("hint \(index)", hint)) }
    }
    for definition in FieldCatalogue.standard.fields {
      out.append(("label \(definition.id)", definition.label))
      if let hint = definition.hint { out.append(("hint \(definition.id)", hint)) }
    }
    for template in TemplateCatalogue.standard.templates {
      out.append(("aid \(template.purpose)", template.name))
    }
    for circle in Circle.allCases { out.append(("circle", Words.circle(circle))) }
    for action in ProcurationAction.allCases {
      out.append(("action", Words.action(action)))
      out.append(("trusteeAction", Words.trusteeAction(action)))
    }
    for state in [GrantState.active, .paused, .revoked, .used, .expired] {
      out.append(("state", Words.grantState(state)))
    }
    let terms = ConsentTerms.current
    out.append(
      (
        "consent terms",
        LocalizedText(
          fr: terms.french, en: terms.english, de: terms.german, pt: terms.portuguese)
      ))
    return out
  }

  @Test(arguments: Language.allCases)
  func helpTextsStayInTheirLanguage(_ language: Language) {
    for (path, text) in Self.helps(in: language) {
      let leaked = Self.leaks(text, in: language)
      #expect(leaked.isEmpty, "\(path) --help --lang \(language.rawValue): \(leaked)")
    }
  }

  @Test(arguments: Language.allCases)
  func messagesAndWordsStayInTheirLanguage(_ language: Language) {
    for (name, text) in Self.texts() {
      let shown = text.text(in: language)
      #expect(!shown.isEmpty, "\(name) has no \(language.rawValue) text")
      let leaked = Self.leaks(shown, in: language)
      #expect(leaked.isEmpty, "\(name) (\(language.rawValue)): \(leaked) in \(shown)")
    }
  }

  /// The test itself: each language's text of a known message is caught in
  /// another's place.
  @Test func aLeakIsCaught() {
    let message = Messages.wrongPassphrase.text
    #expect(!Self.leaks(message.text(in: .english), in: .german).isEmpty)
    #expect(!Self.leaks(message.text(in: .french), in: .portuguese).isEmpty)
    #expect(Self.leaks(message.text(in: .german), in: .german).isEmpty)
  }
}
