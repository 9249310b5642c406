import Foundation
import PSPConsent
import PSPWallet
import WalletAPI

/// The words wallet-cli uses for the glossary's things, in French, English,
/// German and Portuguese (one concept, one word — `spec/` glossary).
enum Words {
  static func role(_ kind: PrincipalKind) -> LocalizedText {
    switch kind {
    case .citizen: LocalizedText(fr: "titulaire", en: "citizen", de: "Inhaber/in", pt: "titular")
    case .trustee:
      LocalizedText(
        fr: "personne de confiance", en: "trusted person", de: "Vertrauensperson",
        pt: "pessoa de confiança")
    case .administration:
      LocalizedText(fr: "administration", en: "administration", de: "Behörde", pt: "administração")
    case .operator: LocalizedText(fr: "opérateur", en: "operator", de: "Betreiber", pt: "operador")
    case .registrar:
      LocalizedText(
        fr: "autorité d'enregistrement", en: "registration authority",
        de: "Registrierungsstelle", pt: "autoridade de registo")
    }
  }

  static func circle(_ circle: Circle) -> LocalizedText {
    switch circle {
    case .core:
      LocalizedText(
        fr: "Cercle 0 — Votre identité", en: "Circle 0 — Your identity",
        de: "Kreis 0 — Ihre Identität", pt: "Círculo 0 — A sua identidade")
    case .personal:
      LocalizedText(
        fr: "Cercle 1 — Votre vie de tous les jours", en: "Circle 1 — Your daily life",
        de: "Kreis 1 — Ihr Alltag", pt: "Círculo 1 — O seu dia a dia")
    case .moneyAndHousing:
      LocalizedText(
        fr: "Cercle 2 — Argent et logement", en: "Circle 2 — Money and housing",
        de: "Kreis 2 — Geld und Wohnen", pt: "Círculo 2 — Dinheiro e habitação")
    case .healthAndSocial:
      LocalizedText(
        fr: "Cercle 3 — Santé et situation sociale", en: "Circle 3 — Health and social situation",
        de: "Kreis 3 — Gesundheit und soziale Lage", pt: "Círculo 3 — Saúde e situação social")
    case .documents:
      LocalizedText(
        fr: "Cercle 4 — Documents et dossier", en: "Circle 4 — Documents and dossier",
        de: "Kreis 4 — Dokumente und Akte", pt: "Círculo 4 — Documentos e processo")
    }
  }

  static func grantState(_ state: GrantState) -> LocalizedText {
    switch state {
    case .active: LocalizedText(fr: "en cours", en: "active", de: "aktiv", pt: "ativa")
    case .paused: LocalizedText(fr: "suspendue", en: "paused", de: "ausgesetzt", pt: "suspensa")
    case .revoked:
      LocalizedText(fr: "retirée", en: "withdrawn", de: "zurückgenommen", pt: "retirada")
    case .used:
      LocalizedText(fr: "déjà utilisée", en: "used", de: "schon verwendet", pt: "já utilizada")
    case .expired: LocalizedText(fr: "expirée", en: "expired", de: "abgelaufen", pt: "expirada")
    }
  }

  static func grantKind(_ kind: GrantKind) -> LocalizedText {
    switch kind {
    case .oneShot: LocalizedText(fr: "une seule fois", en: "once", de: "einmal", pt: "uma só vez")
    case .durable:
      LocalizedText(fr: "plusieurs fois", en: "several times", de: "mehrmals", pt: "várias vezes")
    }
  }

  static func outcome(_ outcome: FilingResponseClaims.Outcome) -> LocalizedText {
    switch outcome {
    case .granted:
      LocalizedText(
        fr: "aide accordée", en: "aid granted", de: "Hilfe gewährt", pt: "apoio concedido")
    case .refused:
      LocalizedText(
        fr: "aide refusée", en: "aid refused", de: "Hilfe abgelehnt", pt: "apoio recusado")
    case .partial:
      LocalizedText(
        fr: "aide accordée en partie", en: "aid partly granted", de: "Hilfe teilweise gewährt",
        pt: "apoio concedido em parte")
    }
  }

  static func action(_ action: ProcurationAction) -> LocalizedText {
    switch action {
    case .read:
      LocalizedText(
        fr: "lire vos données", en: "read your data", de: "Ihre Angaben lesen",
        pt: "ler os seus dados")
    case .update:
      LocalizedText(
        fr: "changer vos données", en: "change your data", de: "Ihre Angaben ändern",
        pt: "alterar os seus dados")
    case .file:
      LocalizedText(
        fr: "faire une demande d'aide", en: "file a request for an aid",
        de: "einen Antrag auf Hilfe stellen", pt: "fazer um pedido de apoio")
    case .grant:
      LocalizedText(
        fr: "donner des permissions", en: "give permissions", de: "Erlaubnisse erteilen",
        pt: "dar autorizações")
    }
  }

  /// What a procuration lets the trusted person do, said to the trusted person
  /// (the data are the person's, not theirs).
  static func trusteeAction(_ action: ProcurationAction) -> LocalizedText {
    switch action {
    case .read:
      LocalizedText(
        fr: "lire les données de la personne", en: "read the person's data",
        de: "die Angaben der Person lesen", pt: "ler os dados da pessoa")
    case .update:
      LocalizedText(
        fr: "changer les données de la personne", en: "change the person's data",
        de: "die Angaben der Person ändern", pt: "alterar os dados da pessoa")
    case .file, .grant: Self.action(action)
    }
  }

  /// The name of an aid, from its template; its id when no template has it.
  static func aid(_ purpose: Purpose, _ templates: TemplateCatalogue = .standard) -> LocalizedText {
    guard let name = templates[purpose]?.name else {
      let id = purpose.rawValue
      return LocalizedText(fr: id, en: id, de: id, pt: id)
    }
    return LocalizedText(fr: name.fr, en: name.en, de: name.de, pt: name.pt)
  }

  static let yes = LocalizedText(fr: "oui", en: "yes", de: "ja", pt: "sim")
  static let empty = LocalizedText(fr: "(vide)", en: "(empty)", de: "(leer)", pt: "(vazio)")

  /// The answers that mean yes to a question, in any of the four languages.
  static func isYes(_ answer: String?) -> Bool {
    guard let answer else { return false }
    return ["oui", "yes", "ja", "sim", "o", "y", "j", "s"].contains(
      answer.trimmingCharacters(in: .whitespaces).lowercased())
  }

  /// "12 mars 2026" / "12 March 2026": the day in Luxembourg of seconds since 1970.
  static func day(_ seconds: Int64, _ language: Language) -> String {
    CalendarDate.today(now: Date(timeIntervalSince1970: TimeInterval(seconds))).displayText(
      language: language)
  }

  static func day(_ date: CivilDate, _ language: Language) -> String {
    guard let calendarDate = CalendarDate(year: date.year, month: date.month, day: date.day) else {
      return date.iso
    }
    return calendarDate.displayText(language: language)
  }
}
