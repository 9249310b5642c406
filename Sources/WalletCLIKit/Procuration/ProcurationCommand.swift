import ArgumentParser

struct ProcurationCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "procuration",
      abstract: helpText(
        fr: "Permettre à une personne de confiance d'agir pour vous.",
        en: "Let a trusted person (personne de confiance) act for you.",
        de: "Eine Vertrauensperson für Sie handeln lassen.",
        pt: "Deixar uma pessoa de confiança agir por si."),
      discussion: helpText(
        fr: """
          Une procuration est signée par vous. Unique (--once) : une démarche, auprès
          d'une administration, utilisée une fois. Personnalisée : des aides, les
          cercles de données jusqu'à --circle, les actions permises, pendant --days
          jours. Vous pouvez la retirer à tout moment.

          Exemple :
            wallet-cli procuration create --to paul --once --purpose aide-sociale \\
                --at office-social-redange
            wallet-cli procuration create --to paul.public.json --days 180 --circle 2 \\
                --purposes revis,aide-sociale --actions read,file
            wallet-cli procuration list
            wallet-cli procuration revoke PROCURATION_ID
          """,
        en: """
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
        de: """
          Eine Vollmacht wird von Ihnen unterschrieben. Einmalig (--once): ein Schritt,
          bei einer Behörde, einmal benutzt. Persönlich: bestimmte Hilfen, die Kreise
          von Angaben bis --circle, die erlaubten Handlungen, für --days Tage. Sie
          können sie jederzeit zurücknehmen.

          Beispiel:
            wallet-cli procuration create --to paul --once --purpose aide-sociale \\
                --at office-social-redange
            wallet-cli procuration create --to paul.public.json --days 180 --circle 2 \\
                --purposes revis,aide-sociale --actions read,file
            wallet-cli procuration list
            wallet-cli procuration revoke PROCURATION_ID
          """,
        pt: """
          Uma procuração é assinada por si. Única (--once): um passo, numa
          administração, usado uma vez. Personalizada: alguns apoios, os círculos de
          dados até --circle, as ações permitidas, durante --days dias. Pode
          retirá-la a qualquer momento.

          Exemplo:
            wallet-cli procuration create --to paul --once --purpose aide-sociale \\
                --at office-social-redange
            wallet-cli procuration create --to paul.public.json --days 180 --circle 2 \\
                --purposes revis,aide-sociale --actions read,file
            wallet-cli procuration list
            wallet-cli procuration revoke PROCURATION_ID
          """),
      subcommands: [
        ProcurationCreateCommand.self, ProcurationListCommand.self, ProcurationRevokeCommand.self,
      ])
  }
}
