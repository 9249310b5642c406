import ArgumentParser

struct ProcurationCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "procuration",
    abstract: "Let a trusted person (personne de confiance) act for you.",
    discussion: """
      A procuration is signed by you. One-shot (--once): one step, at one
      administration, used once. Personalised: a set of aids, the circles of data
      up to --circle, the actions allowed, for --days days. You can withdraw it at
      any time.

      Example:
        wallet-cli procuration create --to paul --once --purpose aide-sociale \\
            --at office-social-redange
        wallet-cli procuration create --to paul.public.json --days 180 --circle 2 \\
            --purposes revis,aide-sociale --actions read,file
        wallet-cli procuration list
        wallet-cli procuration revoke PROCURATION_ID
      """,
    subcommands: [
      ProcurationCreateCommand.self, ProcurationListCommand.self, ProcurationRevokeCommand.self,
    ])
}
