import ArgumentParser
import PSPCrypto

/// The root of wallet-cli's command tree. Each family is a nested command in
/// its own folder, each subcommand in its own file.
public struct WalletCLI: AsyncParsableCommand {
  public static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "wallet-cli",
      abstract: helpText(
        fr:
          "Le PSP (portefeuille social personnel) dans le terminal : titulaire, personne de confiance, administration, opérateur, autorité d'enregistrement.",
        en:
          "The PSP (portefeuille social personnel) from the terminal: citizen, trustee, administration, operator, registrar.",
        de:
          "Das PSP (portefeuille social personnel, die persönliche soziale Brieftasche) im Terminal: Inhaber/in, Vertrauensperson, Behörde, Betreiber, Registrierungsstelle.",
        pt:
          "O PSP (portefeuille social personnel, a carteira social pessoal) no terminal: titular, pessoa de confiança, administração, operador, autoridade de registo."
      ),
      discussion: helpText(
        fr: """
          Qui utilise quelles commandes :
            titulaire (citizen) : identity, wallet, field, grant, procuration,
              filing, log
            personne de confiance (trustee) : les commandes du titulaire
              avec --on-behalf-of PSP-… (field, grant, filing, log, wallet
              export, wallet status), procuration list
            administration : admin grants, read, acknowledge, decide
            opérateur (operator) : operator register
            autorité d'enregistrement (registrar) : registrar certify
            tout le monde, une fois par installation : trust registrar

          Pour commencer, sans rien préparer :
            wallet-cli demo             toute l'histoire sur un walletd privé
            wallet-cli demo --lang en   la même chose, en anglais

          Partout : --lang fr|en|de|pt (par défaut selon LANG ; le français
          d'abord), --json pour les scripts, --home DIR (PSP_HOME, sinon ~/.psp),
          --server URL (PSP_SERVER, sinon http://127.0.0.1:8470), --as NAME
          (l'identité qui agit), --passphrase-file FILE (ou PSP_PASSPHRASE).

          Codes de sortie : 0 fait ; 1 refusé ou échoué (un message sur la sortie
          d'erreur dit pourquoi, puis une ligne « hint: ») ; 2 mauvaise utilisation.

          Complétion du shell :
            wallet-cli --generate-completion-script bash > wallet-cli.bash
          (aussi zsh et fish). Page de manuel : voyez le README (« Walk-through
          for each role »).
          """,
        en: """
          Who uses which commands:
            citizen (titulaire): identity, wallet, field, grant, procuration,
              filing, log
            trustee (personne de confiance): the citizen's commands with
              --on-behalf-of PSP-… (field, grant, filing, log, wallet export,
              wallet status), procuration list
            administration: admin grants, read, acknowledge, decide
            operator: operator register
            registration authority: registrar certify
            everyone, once per installation: trust registrar

          Start here, without any setup:
            wallet-cli demo             the whole story on a private walletd
            wallet-cli demo --lang en   the same, in English

          Everywhere: --lang fr|en|de|pt (default from LANG; French first), --json
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
        de: """
          Wer welche Befehle benutzt:
            Inhaber/in (citizen): identity, wallet, field, grant, procuration,
              filing, log
            Vertrauensperson (trustee): die Befehle des Inhabers mit
              --on-behalf-of PSP-… (field, grant, filing, log, wallet export,
              wallet status), procuration list
            Behörde (administration): admin grants, read, acknowledge, decide
            Betreiber (operator): operator register
            Registrierungsstelle (registrar): registrar certify
            alle, einmal pro Installation: trust registrar

          Fangen Sie hier an, ohne Vorbereitung:
            wallet-cli demo             die ganze Geschichte auf einem privaten walletd
            wallet-cli demo --lang en   dasselbe, auf Englisch

          Überall: --lang fr|en|de|pt (Standard aus LANG; zuerst Französisch),
          --json für Skripte, --home DIR (PSP_HOME, sonst ~/.psp), --server URL
          (PSP_SERVER, sonst http://127.0.0.1:8470), --as NAME (die Identität, die
          handelt), --passphrase-file FILE (oder PSP_PASSPHRASE).

          Exit-Codes: 0 erledigt; 1 abgelehnt oder fehlgeschlagen (eine Meldung auf
          der Standardfehlerausgabe sagt warum, dann eine Zeile „hint:“); 2 falsche
          Verwendung.

          Shell-Vervollständigung:
            wallet-cli --generate-completion-script bash > wallet-cli.bash
          (auch zsh und fish). Handbuchseite: siehe das README („Walk-through for
          each role“).
          """,
        pt: """
          Quem usa que comandos:
            titular (citizen): identity, wallet, field, grant, procuration,
              filing, log
            pessoa de confiança (trustee): os comandos do titular com
              --on-behalf-of PSP-… (field, grant, filing, log, wallet export,
              wallet status), procuration list
            administração (administration): admin grants, read, acknowledge, decide
            operador (operator): operator register
            autoridade de registo (registrar): registrar certify
            todos, uma vez por instalação: trust registrar

          Comece aqui, sem preparar nada:
            wallet-cli demo             a história toda num walletd privado
            wallet-cli demo --lang en   o mesmo, em inglês

          Em todo o lado: --lang fr|en|de|pt (por defeito o de LANG; primeiro o
          francês), --json para scripts, --home DIR (PSP_HOME, senão ~/.psp),
          --server URL (PSP_SERVER, senão http://127.0.0.1:8470), --as NAME (a
          identidade que age), --passphrase-file FILE (ou PSP_PASSPHRASE).

          Códigos de saída: 0 feito; 1 recusado ou falhado (uma mensagem na saída de
          erro diz porquê, depois uma linha «hint:»); 2 utilização errada.

          Completação da shell:
            wallet-cli --generate-completion-script bash > wallet-cli.bash
          (também zsh e fish). Página de manual: veja o README («Walk-through for
          each role»).
          """),
      version: PSPVersion.current,
      subcommands: [
        IdentityCommand.self, WalletCommand.self, FieldCommand.self, GrantCommand.self,
        ProcurationCommand.self,
        FilingCommand.self, LogCommand.self, AdministrationsCommand.self, AdminCommand.self,
        OperatorCommand.self,
        RegistrarCommand.self, TrustCommand.self, DemoCommand.self, AppCommand.self,
      ]
    )
  }

  public init() {}
}
