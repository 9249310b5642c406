import ArgumentParser

struct OperatorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "operator",
    abstract: "For the platform's operator: register administrations.",
    discussion: """
      The operator's identity is the one whose key walletd was started with
      (operatorKey). Registering is its one power: it can never read a field or
      make a consent.

      Example:
        wallet-cli operator register --as operateur --id fns \\
            --name "Fonds national de solidarité" --kind fns \\
            --keys fns.public.json --purposes allocation-vie-chere,prime-energie \\
            --service "Service AVC" --phone "+352 2000 0000"
      """,
    subcommands: [OperatorRegisterCommand.self])
}
