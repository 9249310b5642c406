import PSPConsent
import PSPWallet

/// What `procuration create|list|revoke` say, in the CLI and in the app's
/// pages alike.
enum ProcurationWords {
  static let none = LocalizedText(
    fr: "Aucune procuration.", en: "No procuration.", de: "Keine Vollmacht.",
    pt: "Nenhuma procuração.")
  static func kind(_ kind: ProcurationKind) -> LocalizedText {
    kind == .oneShot
      ? LocalizedText(fr: "unique", en: "one-shot", de: "einmalig", pt: "única")
      : LocalizedText(
        fr: "personnalisée", en: "personalised", de: "persönlich", pt: "personalizada")
  }
  static let anyAid = LocalizedText(
    fr: "toutes les aides", en: "any aid", de: "alle Hilfen", pt: "todos os apoios")
  static func given(_ id: String) -> LocalizedText {
    LocalizedText(
      fr: "Procuration donnée. Son numéro : \(id).", en: "Procuration given. Its number: \(id).",
      de: "Vollmacht gegeben. Ihre Nummer: \(id).", pt: "Procuração dada. O seu número: \(id).")
  }
  static let giveReference = LocalizedText(
    fr:
      "Donnez à la personne de confiance cette référence (elle lui permet de trouver votre portefeuille et de vérifier qu'il est bien le vôtre) :",
    en:
      "Give the trusted person this reference (it lets them find your wallet and check that it is really yours):",
    de:
      "Geben Sie der Vertrauensperson diese Referenz (damit findet sie Ihre Brieftasche und prüft, dass es wirklich Ihre ist):",
    pt:
      "Dê à pessoa de confiança esta referência (com ela, a pessoa encontra a sua carteira e verifica que é mesmo sua):"
  )
  static let separately = LocalizedText(
    fr: "Ou bien, séparément, le numéro de votre portefeuille et votre identifiant de clé :",
    en: "Or else, separately, your wallet's number and your key id:",
    de: "Oder, getrennt, die Nummer Ihrer Brieftasche und die Kennung Ihres Schlüssels:",
    pt: "Ou então, em separado, o número da sua carteira e o identificador da sua chave:")
  static let withdrawn = LocalizedText(
    fr: "Procuration retirée. La personne de confiance ne peut plus agir avec elle.",
    en: "Procuration withdrawn. The trusted person can no longer act with it.",
    de: "Vollmacht zurückgenommen. Die Vertrauensperson kann damit nicht mehr handeln.",
    pt: "Procuração retirada. A pessoa de confiança já não pode agir com ela.")
}
