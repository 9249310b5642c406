import ArgumentParser

struct TrustCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trust",
    abstract:
      "What this installation trusts: the registration authority, the witnesses of the log, the administrations' keys.",
    discussion: """
      walletd is run by the platform, and nothing it returns is trusted for
      itself: an administration is used only if the registration authority
      certified it, and only with the keys this folder remembers for it; the
      access log only as the witnesses confirmed it.

        wallet-cli trust registrar ministere.public.json   once per installation
        wallet-cli trust witnesses --log KEY --quorum 2 KEY KEY   once, too
        wallet-cli trust accept fns      after checking a key change with the FNS
        wallet-cli trust show            what is pinned and remembered
      """,
    subcommands: [
      TrustRegistrarCommand.self, TrustWitnessesCommand.self, TrustAcceptCommand.self,
      TrustShowCommand.self,
    ])
}
