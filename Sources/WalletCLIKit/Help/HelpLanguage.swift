import PSPWallet

/// The language `--help` and usage errors are written in: the command line's
/// `--lang`, else the locale. A task-local set around parsing (so that runs in
/// parallel, as in tests, do not mix), read by every command's texts.
enum HelpLanguage {
  @TaskLocal static var current: Language = .french
}

/// A help text (abstract, discussion, option) in the language of the command line.
func helpText(fr: String, en: String, de: String, pt: String) -> String {
  LocalizedText(fr: fr, en: en, de: de, pt: pt).text(in: HelpLanguage.current)
}
