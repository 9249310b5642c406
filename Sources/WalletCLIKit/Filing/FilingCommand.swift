import ArgumentParser

struct FilingCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "filing",
    abstract: "Ask an administration for an aid (demande), and follow your requests.",
    discussion: """
      A filing sends a request for one aid to one administration, with a one-shot
      permission to read the fields the aid needs. The administration acknowledges
      it (a number, a contact, the legal due date) and then decides, with its
      reasons.

      Example:
        wallet-cli filing create --purpose aide-sociale --at office-social-redange
        wallet-cli filing list
        wallet-cli filing show FILING_ID
      """,
    subcommands: [FilingCreateCommand.self, FilingListCommand.self, FilingShowCommand.self])
}
