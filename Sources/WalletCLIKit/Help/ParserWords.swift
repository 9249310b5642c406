import Foundation
import PSPWallet

/// ArgumentParser writes its own words in English: the headings of `--help`
/// and the reasons a command line does not parse. They are told here in the
/// person's language (the library's texts are matched by their fixed form,
/// ArgumentParser 1.8: Usage/HelpGenerator.swift and UsageGenerator.swift).
enum ParserWords {
  /// The headings and fixed lines of a help text, in `language`.
  static func help(_ text: String, in language: Language) -> String {
    guard language != .english else { return text }
    var lines = text.components(separatedBy: "\n")
    for index in lines.indices {
      for (english, translated) in headings where lines[index].hasPrefix(english) {
        lines[index] = translated.text(in: language) + lines[index].dropFirst(english.count)
      }
      for (english, translated) in phrases {
        lines[index] = lines[index].replacingOccurrences(
          of: english, with: translated.text(in: language))
      }
      if let range = lines[index].range(of: "See '"),
        lines[index].hasSuffix("' for detailed help.")
      {
        let command = lines[index][range.upperBound...].dropLast("' for detailed help.".count)
        lines[index] =
          lines[index][..<range.lowerBound]
          + seeHelp(String(command)).text(in: language)
      }
    }
    return lines.joined(separator: "\n")
  }

  private static let headings: [(String, LocalizedText)] = [
    ("OVERVIEW:", LocalizedText(fr: "EN BREF :", en: "OVERVIEW:", de: "ÜBERSICHT:", pt: "RESUMO:")),
    ("USAGE:", LocalizedText(fr: "UTILISATION :", en: "USAGE:", de: "AUFRUF:", pt: "UTILIZAÇÃO:")),
    (
      "ARGUMENTS:",
      LocalizedText(fr: "ARGUMENTS :", en: "ARGUMENTS:", de: "ARGUMENTE:", pt: "ARGUMENTOS:")
    ),
    ("OPTIONS:", LocalizedText(fr: "OPTIONS :", en: "OPTIONS:", de: "OPTIONEN:", pt: "OPÇÕES:")),
    (
      "SUBCOMMANDS:",
      LocalizedText(
        fr: "SOUS-COMMANDES :", en: "SUBCOMMANDS:", de: "UNTERBEFEHLE:", pt: "SUBCOMANDOS:")
    ),
  ]

  private static let phrases: [(String, LocalizedText)] = [
    (
      "Show the version.",
      LocalizedText(
        fr: "Afficher la version.", en: "Show the version.", de: "Die Version zeigen.",
        pt: "Mostrar a versão.")
    ),
    (
      "Show help information.",
      LocalizedText(
        fr: "Afficher cette aide.", en: "Show help information.", de: "Diese Hilfe zeigen.",
        pt: "Mostrar esta ajuda.")
    ),
    (
      "(default: ",
      LocalizedText(fr: "(par défaut : ", en: "(default: ", de: "(Standard: ", pt: "(por defeito: ")
    ),
    (
      "(values: ",
      LocalizedText(fr: "(valeurs : ", en: "(values: ", de: "(Werte: ", pt: "(valores: ")
    ),
  ]

  private static func seeHelp(_ command: String) -> LocalizedText {
    LocalizedText(
      fr: "Tapez '\(command)' pour l'aide détaillée.",
      en: "See '\(command)' for detailed help.",
      de: "Geben Sie '\(command)' ein, um die ausführliche Hilfe zu sehen.",
      pt: "Escreva '\(command)' para ver a ajuda completa.")
  }

  /// Why a command line does not parse, from ArgumentParser's English reason:
  /// the known forms are told in the person's words, with the names the
  /// person typed (never a value: it may be personal).
  static func usage(_ reason: String) -> LocalizedText {
    if let name = quoted(reason, after: "Missing expected argument '") {
      return LocalizedText(
        fr: "Il manque \(name).", en: "Missing \(name).", de: "Es fehlt \(name).",
        pt: "Falta \(name).")
    }
    if reason.hasPrefix("Missing one of: ") {
      return LocalizedText(
        fr: "Il manque un argument.", en: "An argument is missing.",
        de: "Ein Argument fehlt.", pt: "Falta um argumento.")
    }
    if let option = quoted(reason, after: "Unknown option '") {
      return LocalizedText(
        fr: "L'option \(option) n'existe pas pour cette commande.",
        en: "The option \(option) does not exist for this command.",
        de: "Die Option \(option) gibt es für diesen Befehl nicht.",
        pt: "A opção \(option) não existe para este comando.")
    }
    if let option = quoted(reason, after: "Missing value for '") {
      return LocalizedText(
        fr: "Il manque la valeur de \(option).", en: "The value of \(option) is missing.",
        de: "Der Wert von \(option) fehlt.", pt: "Falta o valor de \(option).")
    }
    if reason.hasPrefix("The value '"), let option = quoted(reason, after: "' is invalid for '") {
      return LocalizedText(
        fr: "La valeur donnée à \(option) n'est pas acceptée.",
        en: "The value given to \(option) is not accepted.",
        de: "Der Wert für \(option) wird nicht angenommen.",
        pt: "O valor dado a \(option) não é aceite.")
    }
    if reason.hasPrefix("Unexpected argument") || reason.contains("unexpected arguments") {
      return LocalizedText(
        fr: "Cette commande a un mot de trop.", en: "This command has a word too many.",
        de: "Dieser Befehl hat ein Wort zu viel.", pt: "Este comando tem uma palavra a mais.")
    }
    if reason.hasPrefix("Missing required subcommand") {
      return LocalizedText(
        fr: "Il manque la sous-commande.", en: "The subcommand is missing.",
        de: "Der Unterbefehl fehlt.", pt: "Falta o subcomando.")
    }
    if reason.hasPrefix("The option '"), reason.contains("does not take any value") {
      return LocalizedText(
        fr: "Cette option ne prend pas de valeur.", en: "This option takes no value.",
        de: "Diese Option nimmt keinen Wert.", pt: "Esta opção não leva valor.")
    }
    return LocalizedText(
      fr: "Cette commande n'est pas écrite correctement.",
      en: "This command is not written correctly.",
      de: "Dieser Befehl ist nicht richtig geschrieben.", pt: "Este comando não está bem escrito.")
  }

  /// The name between quotes after `prefix` (`'<name>'` → `<name>`, with the
  /// value name of an option dropped: `'--file <file>'` → `--file`).
  private static func quoted(_ text: String, after prefix: String) -> String? {
    guard let start = text.range(of: prefix) else { return nil }
    let rest = text[start.upperBound...]
    guard let end = rest.firstIndex(of: "'") else { return nil }
    let name = rest[..<end]
    if name.hasPrefix("-"), let space = name.firstIndex(of: " ") {
      return String(name[..<space])
    }
    return String(name)
  }
}
