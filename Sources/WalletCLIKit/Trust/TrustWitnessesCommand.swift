import ArgumentParser
import Foundation
import WalletClient

struct TrustWitnessesCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "witnesses",
      abstract: helpText(
        fr: "Fixer les témoins du journal de walletd pour ce dossier (une fois par installation).",
        en: "Set the witnesses of walletd's log for this folder (once per installation).",
        de:
          "Die Zeugen des Protokolls von walletd für diesen Ordner festlegen (einmal pro Installation).",
        pt:
          "Fixar as testemunhas do registo do walletd para esta pasta (uma vez por instalação)."),
      discussion: helpText(
        fr: """
          Le journal des accès de walletd est confirmé (cosigné) par des témoins
          indépendants. Donnez la clé du journal de walletd (--log, publiée par
          l'opérateur), le nombre de témoins qui doivent l'avoir confirmé (--quorum,
          plus de la moitié d'entre eux), et la clé de chaque témoin (publiée par le
          témoin). Une lecture, une demande ou un journal n'est alors cru que si ce
          nombre de témoins l'a confirmé récemment (--max-age-minutes). Les fixer à
          nouveau les remplace. Comparez les identifiants de clé affichés avec ceux
          qui ont été publiés avant de continuer.

          Exemple :
            wallet-cli trust witnesses --log psp.lu/walletd+1a2b3c4d+AQ… \\
                --quorum 2 cnpd.lu/witness+5e6f7a8b+BA… eos.lu/witness+9c0d1e2f+BA…
          """,
        en: """
          walletd's access log is confirmed (cosigned) by independent witnesses. Give
          walletd's log key (--log, published by the operator), the number of
          witnesses that must have confirmed it (--quorum, more than half of them),
          and each witness's key (published by the witness). A reading, a request
          or a log is then believed only if that many of these witnesses confirmed
          it recently (--max-age-minutes). Setting them again replaces them.
          Compare the key ids printed with the ones published before you go on.

          Example:
            wallet-cli trust witnesses --log psp.lu/walletd+1a2b3c4d+AQ… \\
                --quorum 2 cnpd.lu/witness+5e6f7a8b+BA… eos.lu/witness+9c0d1e2f+BA…
          """,
        de: """
          Das Zugriffsprotokoll von walletd wird von unabhängigen Zeugen bestätigt
          (mitunterschrieben). Geben Sie den Protokollschlüssel von walletd an (--log,
          vom Betreiber veröffentlicht), die Zahl der Zeugen, die es bestätigt haben
          müssen (--quorum, mehr als die Hälfte von ihnen), und den Schlüssel jedes
          Zeugen (vom Zeugen veröffentlicht). Ein Lesen, ein Antrag oder ein Protokoll
          wird dann nur geglaubt, wenn so viele dieser Zeugen es vor Kurzem bestätigt
          haben (--max-age-minutes). Erneutes Festlegen ersetzt sie. Vergleichen Sie
          die angezeigten Schlüsselkennungen mit den veröffentlichten, bevor Sie
          weitermachen.

          Beispiel:
            wallet-cli trust witnesses --log psp.lu/walletd+1a2b3c4d+AQ… \\
                --quorum 2 cnpd.lu/witness+5e6f7a8b+BA… eos.lu/witness+9c0d1e2f+BA…
          """,
        pt: """
          O registo de acessos do walletd é confirmado (co-assinado) por testemunhas
          independentes. Indique a chave do registo do walletd (--log, publicada pelo
          operador), o número de testemunhas que o devem ter confirmado (--quorum,
          mais de metade delas), e a chave de cada testemunha (publicada pela
          testemunha). Uma leitura, um pedido ou um registo só é aceite se esse
          número de testemunhas o confirmou há pouco tempo (--max-age-minutes).
          Fixá-las de novo substitui-as. Compare os identificadores de chave
          mostrados com os que foram publicados antes de continuar.

          Exemplo:
            wallet-cli trust witnesses --log psp.lu/walletd+1a2b3c4d+AQ… \\
                --quorum 2 cnpd.lu/witness+5e6f7a8b+BA… eos.lu/witness+9c0d1e2f+BA…
          """))
  }

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "La clé du journal de walletd (sa vkey).",
        en: "walletd's log key (its vkey).",
        de: "Der Protokollschlüssel von walletd (sein vkey).",
        pt: "A chave do registo do walletd (a sua vkey)."),
      valueName: "vkey"))
  var log: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Combien de témoins doivent avoir confirmé.",
        en: "How many of the witnesses must have confirmed.",
        de: "Wie viele der Zeugen bestätigt haben müssen.",
        pt: "Quantas testemunhas devem ter confirmado."),
      valueName: "n"))
  var quorum: Int

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "L'âge maximal de leur confirmation, en minutes.",
        en: "How old their confirmation may be, in minutes.",
        de: "Wie alt ihre Bestätigung sein darf, in Minuten.",
        pt: "A idade máxima da sua confirmação, em minutos."),
      valueName: "minutes"))
  var maxAgeMinutes: Int = Int(WitnessPolicy.defaultMaximumAge / 60)

  @Argument(
    help: ArgumentHelp(
      helpText(
        fr: "Les clés des témoins (leurs vkeys).",
        en: "The witnesses' keys (their vkeys).",
        de: "Die Schlüssel der Zeugen (ihre vkeys).",
        pt: "As chaves das testemunhas (as suas vkeys)."),
      valueName: "vkey"))
  var witnesses: [String] = []

  @OptionGroup var home: HomeOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard !witnesses.isEmpty else {
      throw usageError(
        Message(
          fr: "Donnez la clé d'au moins un témoin.",
          en: "give at least one witness's key",
          de: "Geben Sie den Schlüssel von mindestens einem Zeugen an.",
          pt: "Indique a chave de pelo menos uma testemunha.",
          hintFR:
            "Écrivez les clés des témoins à la fin de la commande. Voyez 'wallet-cli trust witnesses --help'.",
          hintEN:
            "Write the witnesses' keys at the end of the command. See 'wallet-cli trust witnesses --help'.",
          hintDE:
            "Schreiben Sie die Schlüssel der Zeugen an das Ende des Befehls. Siehe 'wallet-cli trust witnesses --help'.",
          hintPT:
            "Escreva as chaves das testemunhas no fim do comando. Veja 'wallet-cli trust witnesses --help'."
        ),
        output)
    }
    // More than half: two disjoint groups of witnesses could otherwise each
    // cosign another history of the log.
    guard quorum <= witnesses.count, 2 * quorum > witnesses.count else {
      throw usageError(
        Message(
          fr: "--quorum : plus de la moitié des témoins, et au plus tous les \(witnesses.count).",
          en: "--quorum: more than half of the witnesses, and at most all \(witnesses.count)",
          de: "--quorum: mehr als die Hälfte der Zeugen, und höchstens alle \(witnesses.count).",
          pt: "--quorum: mais de metade das testemunhas, e no máximo todas as \(witnesses.count).",
          hintFR: "Par exemple, avec 3 témoins : --quorum 2.",
          hintEN: "For example, with 3 witnesses: --quorum 2.",
          hintDE: "Zum Beispiel, mit 3 Zeugen: --quorum 2.",
          hintPT: "Por exemplo, com 3 testemunhas: --quorum 2."),
        output)
    }
    guard maxAgeMinutes > 0 else {
      throw usageError(
        Message(
          fr: "--max-age-minutes : 1 ou plus.",
          en: "--max-age-minutes: 1 or more",
          de: "--max-age-minutes: 1 oder mehr.",
          pt: "--max-age-minutes: 1 ou mais.",
          hintFR: "Ou laissez cette option : la valeur par défaut convient le plus souvent.",
          hintEN: "Or leave this option out: the default value fits most of the time.",
          hintDE: "Oder lassen Sie diese Option weg: Der Standardwert passt meistens.",
          hintPT: "Ou não use esta opção: o valor por defeito serve quase sempre."),
        output)
    }
  }

  struct Shown: Encodable {
    let log: String
    let witnesses: [String]
    let quorum: Int
    let maxAgeMinutes: Int
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let policy: WitnessPolicy
      do {
        policy = try WitnessPolicy(
          log: log, witnesses: witnesses, quorum: quorum, maximumAge: Int64(maxAgeMinutes) * 60)
      } catch { throw Messages.witnessSettingsMalformed }
      let home = Home(self.home, environment: invocation.environment)
      var state = try HomeState.read(home)
      state.witnesses = try Witnesses.checked(policy)
      try state.write(home)
      let shown = Shown(
        log: Witnesses.shortName(log), witnesses: witnesses.map(Witnesses.shortName),
        quorum: quorum, maxAgeMinutes: maxAgeMinutes)
      if invocation.json { return try invocation.printJSON(shown) }
      invocation.line(
        fr: "Témoins enregistrés ici pour le journal \(shown.log) :",
        en: "Witnesses set here for the log \(shown.log):",
        de: "Zeugen hier festgelegt für das Protokoll \(shown.log):",
        pt: "Testemunhas fixadas aqui para o registo \(shown.log):")
      for witness in shown.witnesses { invocation.line("  \(witness)") }
      invocation.line(
        fr:
          "Il en faut \(quorum) sur \(witnesses.count), qui l'ont confirmé il y a moins de \(maxAgeMinutes) minutes.",
        en:
          "\(quorum) of \(witnesses.count) must have confirmed it, less than \(maxAgeMinutes) minutes ago.",
        de:
          "\(quorum) von \(witnesses.count) müssen es bestätigt haben, vor weniger als \(maxAgeMinutes) Minuten.",
        pt:
          "\(quorum) de \(witnesses.count) têm de o ter confirmado, há menos de \(maxAgeMinutes) minutos."
      )
      invocation.note(
        fr: "Comparez ces identifiants avec ceux que l'opérateur et les témoins ont publiés.",
        en: "Compare these ids with the ones the operator and the witnesses published.",
        de:
          "Vergleichen Sie diese Kennungen mit denen, die der Betreiber und die Zeugen veröffentlicht haben.",
        pt:
          "Compare estes identificadores com os que o operador e as testemunhas publicaram.")
    }
  }
}
