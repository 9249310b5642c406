import ArgumentParser

struct RegistrarCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "registrar",
    abstract: "For the registration authority: certify administrations.",
    discussion: """
      The registration authority (in Luxembourg, the ministry that supervises
      the aid) vouches for each administration's keys. It is not the operator:
      the operator only publishes its certificates. Its public key is given to
      every installation once ('wallet-cli trust registrar FILE').

      Example:
        wallet-cli identity create --kind registrar --name ministere
        wallet-cli identity show --as ministere --json > ministere.public.json
        wallet-cli registrar certify --as ministere --id fns \\
            --name "Fonds national de solidarité" --kind fns \\
            --keys fns.public.json --purposes allocation-vie-chere \\
            --service "Service AVC" --phone "+352 2000 0000" --out fns.certificate
      """,
    subcommands: [RegistrarCertifyCommand.self])
}
