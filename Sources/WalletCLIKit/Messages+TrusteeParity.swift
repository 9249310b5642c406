import PSPConsent
import PSPWallet

/// What a trusted person is told when they change data, give or change
/// permissions, follow filings or export for a citizen.
extension Messages {
  /// The procurations in force do not allow `action`.
  public static func trusteeNotAllowed(_ action: ProcurationAction) -> Message {
    let what = Words.trusteeAction(action)
    return Message(
      fr: "Votre procuration ne vous permet pas de \(what.fr). Rien n'a été fait.",
      en: "Your procuration does not allow you to \(what.en). Nothing was done.",
      de: "Ihre Vollmacht erlaubt Ihnen nicht: \(what.de). Nichts wurde getan.",
      pt: "A sua procuração não lhe permite \(what.pt). Nada foi feito.",
      hintFR: "Demandez à la personne une procuration avec --actions \(action.rawValue).",
      hintEN: "Ask the person for a procuration with --actions \(action.rawValue).",
      hintDE: "Bitten Sie die Person um eine Vollmacht mit --actions \(action.rawValue).",
      hintPT: "Peça à pessoa uma procuração com --actions \(action.rawValue).")
  }

  /// A trusted person changes only the permissions they gave themselves.
  public static let trusteeNotTheirGrant = Message(
    fr: "Ce n'est pas vous qui avez donné cette permission. Seule la personne peut la changer.",
    en: "You did not give this permission. Only the person can change it.",
    de: "Nicht Sie haben diese Erlaubnis gegeben. Nur die Person kann sie ändern.",
    pt: "Não foi você que deu esta autorização. Só a pessoa a pode mudar.",
    hintFR:
      "Demandez à la personne de le faire : wallet-cli grant list lui montre ses permissions.",
    hintEN: "Ask the person to do it: wallet-cli grant list shows them their permissions.",
    hintDE: "Bitten Sie die Person darum: wallet-cli grant list zeigt ihr ihre Erlaubnisse.",
    hintPT: "Peça à pessoa que o faça: wallet-cli grant list mostra-lhe as autorizações dela.")

  /// Said after a trusted person changed a field that permissions the citizen
  /// gave may cover: those get the new value once the citizen's client seals it.
  public static let trusteeChangeNotYetShared = LocalizedText(
    fr:
      "Les administrations à qui la personne a donné une permission verront la nouvelle valeur quand elle ouvrira son portefeuille.",
    en:
      "Administrations the person gave a permission to will see the new value when the person next opens their wallet.",
    de:
      "Behörden, denen die Person eine Erlaubnis gegeben hat, sehen den neuen Wert, wenn die Person ihre Brieftasche das nächste Mal öffnet.",
    pt:
      "As administrações a quem a pessoa deu uma autorização verão o novo valor quando a pessoa abrir a carteira da próxima vez."
  )

  /// Acting for another: the line that says for whom.
  public static func actingFor(_ reference: String) -> LocalizedText {
    LocalizedText(
      fr: "Pour le portefeuille \(reference) (vous agissez avec une procuration).",
      en: "For the wallet \(reference) (you act under a procuration).",
      de: "Für die Brieftasche \(reference) (Sie handeln mit einer Vollmacht).",
      pt: "Para a carteira \(reference) (está a agir com uma procuração).")
  }

  /// A permission a trusted person gives cannot last longer than their procuration.
  public static func grantOutlivesProcuration(_ day: String) -> Message {
    Message(
      fr: "Votre procuration finit le \(day). La permission ne peut pas durer plus longtemps.",
      en: "Your procuration ends on \(day). The permission cannot last longer.",
      de: "Ihre Vollmacht endet am \(day). Die Erlaubnis kann nicht länger dauern.",
      pt: "A sua procuração termina a \(day). A autorização não pode durar mais tempo.",
      hintFR: "Donnez moins de jours avec --days, ou demandez une nouvelle procuration.",
      hintEN: "Give fewer days with --days, or ask for a new procuration.",
      hintDE: "Geben Sie mit --days weniger Tage an, oder bitten Sie um eine neue Vollmacht.",
      hintPT: "Indique menos dias com --days, ou peça uma nova procuração.")
  }

  /// `update` alone: the versions of the fields cannot be learnt.
  public static let trusteeUpdateNeedsRead = Message(
    fr:
      "Votre procuration permet de changer les données, pas de les lire : la nouvelle version ne peut pas suivre la dernière. Rien n'a été fait.",
    en:
      "Your procuration allows changing the data, not reading it: the new version cannot follow the latest. Nothing was done.",
    de:
      "Ihre Vollmacht erlaubt, die Angaben zu ändern, aber nicht, sie zu lesen: Die neue Fassung kann nicht an die letzte anschließen. Nichts wurde getan.",
    pt:
      "A sua procuração permite mudar os dados, não lê-los: a nova versão não pode seguir a última. Nada foi feito.",
    hintFR: "Demandez à la personne une procuration avec --actions read,update.",
    hintEN: "Ask the person for a procuration with --actions read,update.",
    hintDE: "Bitten Sie die Person um eine Vollmacht mit --actions read,update.",
    hintPT: "Peça à pessoa uma procuração com --actions read,update.")
}
