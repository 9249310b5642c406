import ArgumentParser

struct OperatorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "operator",
    abstract: "For the platform's operator: register administrations.",
    discussion: """
      The operator's identity is the one whose key walletd was started with
      (operatorKey). Publishing the registration authority's certificates is
      its one power: it can never read a field, make a consent, or make up an
      administration.

      Example:
        wallet-cli operator register --as operateur --certificate fns.certificate
      """,
    subcommands: [OperatorRegisterCommand.self])
}
