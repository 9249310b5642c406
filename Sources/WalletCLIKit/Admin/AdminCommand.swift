import ArgumentParser

struct AdminCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "admin",
    abstract: "For an administration: see grants, read what was granted, answer requests.",
    discussion: """
      Fields are opened here, with the administration's key: only the fields a grant
      covers ever open, and every reading is written in the citizen's access log.

      Example:
        wallet-cli admin grants --as fns
        wallet-cli admin read --as fns --wallet WALLET_ID --grant GRANT_ID \\
            --purpose allocation-vie-chere
      """,
    subcommands: [
      AdminGrantsCommand.self, AdminReadCommand.self, AdminAcknowledgeCommand.self,
      AdminDecideCommand.self,
    ])
}
