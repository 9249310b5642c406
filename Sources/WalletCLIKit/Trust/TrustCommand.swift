import ArgumentParser

struct TrustCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "trust",
      abstract: helpText(
        fr:
          "Ce que cette installation croit : l'autorité d'enregistrement, les témoins du journal, les clés des administrations.",
        en:
          "What this installation trusts: the registration authority, the witnesses of the log, the administrations' keys.",
        de:
          "Wem diese Installation vertraut: der Registrierungsstelle, den Zeugen des Protokolls, den Schlüsseln der Behörden.",
        pt:
          "Em que esta instalação confia: a autoridade de registo, as testemunhas do registo, as chaves das administrações."
      ),
      discussion: helpText(
        fr: """
          walletd est géré par la plateforme, et rien de ce qu'il renvoie n'est cru
          pour lui-même : une administration n'est utilisée que si l'autorité
          d'enregistrement l'a certifiée, et seulement avec les clés que ce dossier a
          retenues pour elle ; le journal des accès seulement tel que les témoins
          l'ont confirmé.

            wallet-cli trust registrar ministere.public.json   une fois par installation
            wallet-cli trust witnesses --log KEY --quorum 2 KEY KEY   une fois aussi
            wallet-cli trust accept fns      après avoir vérifié un changement de clé avec le FNS
            wallet-cli trust show            ce qui est fixé et retenu
          """,
        en: """
          walletd is run by the platform, and nothing it returns is trusted for
          itself: an administration is used only if the registration authority
          certified it, and only with the keys this folder remembers for it; the
          access log only as the witnesses confirmed it.

            wallet-cli trust registrar ministere.public.json   once per installation
            wallet-cli trust witnesses --log KEY --quorum 2 KEY KEY   once, too
            wallet-cli trust accept fns      after checking a key change with the FNS
            wallet-cli trust show            what is pinned and remembered
          """,
        de: """
          walletd wird von der Plattform betrieben, und nichts, was es zurückgibt,
          wird einfach geglaubt: Eine Behörde wird nur verwendet, wenn die
          Registrierungsstelle sie zertifiziert hat, und nur mit den Schlüsseln, die
          dieser Ordner für sie gespeichert hat; das Zugriffsprotokoll nur so, wie die
          Zeugen es bestätigt haben.

            wallet-cli trust registrar ministere.public.json   einmal pro Installation
            wallet-cli trust witnesses --log KEY --quorum 2 KEY KEY   auch einmal
            wallet-cli trust accept fns      nach Prüfung eines Schlüsselwechsels mit dem FNS
            wallet-cli trust show            was festgelegt und gespeichert ist
          """,
        pt: """
          O walletd é gerido pela plataforma, e nada do que devolve é aceite por si
          só: uma administração só é usada se a autoridade de registo a certificou, e
          só com as chaves que esta pasta guardou para ela; o registo de acessos só
          tal como as testemunhas o confirmaram.

            wallet-cli trust registrar ministere.public.json   uma vez por instalação
            wallet-cli trust witnesses --log KEY --quorum 2 KEY KEY   também uma vez
            wallet-cli trust accept fns      depois de verificar uma mudança de chave com o FNS
            wallet-cli trust show            o que está fixado e guardado
          """),
      subcommands: [
        TrustRegistrarCommand.self, TrustWitnessesCommand.self, TrustAcceptCommand.self,
        TrustShowCommand.self,
      ])
  }
}
