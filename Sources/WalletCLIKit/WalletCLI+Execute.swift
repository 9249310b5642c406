import ArgumentParser
import PSPWallet

extension WalletCLI {
  /// Parses and runs one command line on `Console.current`; returns the exit
  /// code (0 done, 1 refused or failed, 2 wrong usage). Help, version and
  /// completion scripts go to standard output with 0.
  public static func execute(_ arguments: [String]) async -> Int32 {
    let language = language(arguments)
    return await HelpLanguage.$current.withValue(language) {
      await execute(arguments, in: language)
    }
  }

  private static func execute(_ arguments: [String], in language: Language) async -> Int32 {
    let console = Console.current
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      return 0
    } catch {
      let code = exitCode(for: error)
      switch code {
      case .success:
        console.line(ParserWords.help(fullMessage(for: error), in: language))
      case usageExitCode:
        let full = fullMessage(for: error)
        let message = message(for: error)
        // A message from one of our validate() already follows the rule.
        if message.contains("\n" + Message.hintPrefix) {
          console.note(Message.prefix + message)
        } else {
          let usage = Messages.usage(
            ParserWords.usage(message), helpCommand: helpCommand(in: full))
          console.note(usage.rendered(in: language))
        }
      default:
        // ExitCode errors were told already, by Invocation.run.
        if !(error is ExitCode) {
          console.note(Messages.from(error).rendered(in: language))
        }
      }
      return code.rawValue
    }
  }

  static let usageExitCode = ExitCode(2)

  /// The documented exit code of an error: ArgumentParser's, except that wrong
  /// usage is 2 (ArgumentParser's own `exitCode(for:)`, found when this type
  /// is not named, says EX_USAGE, which is 64 on Linux).
  public static func exitCode(for error: any Error) -> ExitCode {
    let code = (WalletCLI.self as any ParsableArguments.Type).exitCode(for: error)
    return code == .validationFailure ? usageExitCode : code
  }

  /// "wallet-cli field set --help", from ArgumentParser's "See '…' for more information."
  static func helpCommand(in fullMessage: String) -> String? {
    guard let start = fullMessage.range(of: "See '"),
      let end = fullMessage.range(
        of: "' for more information", range: start.upperBound..<fullMessage.endIndex)
    else { return nil }
    return String(fullMessage[start.upperBound..<end.lowerBound])
  }

  /// The language of a command line that may not parse: its `--lang`, else the locale.
  static func language(_ arguments: [String]) -> Language {
    for (index, argument) in arguments.enumerated() {
      let value: String?
      if argument == "--lang", index + 1 < arguments.count {
        value = arguments[index + 1]
      } else if argument.hasPrefix("--lang=") {
        value = String(argument.dropFirst("--lang=".count))
      } else {
        value = nil
      }
      if let value, let chosen = LanguageArgument(rawValue: value) { return chosen.language }
    }
    return OutputOptions.language(fromLocale: CLIEnvironment.values)
  }
}
