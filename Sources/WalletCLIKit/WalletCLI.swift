import ArgumentParser
import PSPCrypto

/// The root of wallet-cli's command tree. Each family is a nested command in
/// its own folder, each subcommand in its own file.
public struct WalletCLI: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "wallet-cli",
    abstract:
      "The PSP (portefeuille social personnel) from the terminal: citizen, trustee, administration, operator, registrar.",
    discussion: """
      Who uses which commands:
        citizen (titulaire): identity, wallet, field, grant, procuration,
          filing, log
        trustee (personne de confiance): filing create --on-behalf-of,
          procuration list --wallet
        administration: admin grants, read, acknowledge, decide
        operator: operator register
        registration authority: registrar certify
        everyone, once per installation: trust registrar

      Start here, without any setup:
        wallet-cli demo             the whole story on a private walletd
        wallet-cli demo --lang en   the same, in English

      Everywhere: --lang fr|en (default from LANG; French first), --json
      for scripts, --home DIR (PSP_HOME, else ~/.psp), --server URL
      (PSP_SERVER, else http://127.0.0.1:8470), --as NAME (the identity
      that acts), --passphrase-file FILE (or PSP_PASSPHRASE).

      Exit codes: 0 done; 1 refused or failed (a message on standard
      error says why, then a "hint:" line); 2 wrong usage.

      Shell completion:
        wallet-cli --generate-completion-script bash > wallet-cli.bash
      (also zsh and fish). Man page: see the README ("Walk-through for
      each role").
      """,
    version: PSPVersion.current,
    subcommands: [
      IdentityCommand.self, WalletCommand.self, FieldCommand.self, GrantCommand.self,
      ProcurationCommand.self,
      FilingCommand.self, LogCommand.self, AdministrationsCommand.self, AdminCommand.self,
      OperatorCommand.self,
      RegistrarCommand.self, TrustCommand.self, DemoCommand.self,
    ]
  )

  public init() {}
}
