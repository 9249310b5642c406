import Foundation
import PSPConsent
import PSPWallet
import WalletAPI

/// The words wallet-cli uses for the glossary's things, in French and English
/// (one concept, one word — `spec/` glossary).
enum Words {
  static func role(_ kind: PrincipalKind) -> LocalizedText {
    switch kind {
    case .citizen: LocalizedText(fr: "titulaire", en: "citizen")
    case .trustee: LocalizedText(fr: "personne de confiance", en: "trusted person")
    case .administration: LocalizedText(fr: "administration", en: "administration")
    case .operator: LocalizedText(fr: "opérateur", en: "operator")
    case .registrar: LocalizedText(fr: "autorité d'enregistrement", en: "registration authority")
    }
  }

  static func circle(_ circle: Circle) -> LocalizedText {
    switch circle {
    case .core: LocalizedText(fr: "Cercle 0 — Votre identité", en: "Circle 0 — Your identity")
    case .personal:
      LocalizedText(fr: "Cercle 1 — Votre vie de tous les jours", en: "Circle 1 — Your daily life")
    case .moneyAndHousing:
      LocalizedText(fr: "Cercle 2 — Argent et logement", en: "Circle 2 — Money and housing")
    case .healthAndSocial:
      LocalizedText(
        fr: "Cercle 3 — Santé et situation sociale", en: "Circle 3 — Health and social situation")
    case .documents:
      LocalizedText(fr: "Cercle 4 — Documents et dossier", en: "Circle 4 — Documents and dossier")
    }
  }

  static func grantState(_ state: GrantState) -> LocalizedText {
    switch state {
    case .active: LocalizedText(fr: "en cours", en: "active")
    case .paused: LocalizedText(fr: "suspendue", en: "paused")
    case .revoked: LocalizedText(fr: "retirée", en: "withdrawn")
    case .used: LocalizedText(fr: "déjà utilisée", en: "used")
    case .expired: LocalizedText(fr: "expirée", en: "expired")
    }
  }

  static func grantKind(_ kind: GrantKind) -> LocalizedText {
    switch kind {
    case .oneShot: LocalizedText(fr: "une seule fois", en: "once")
    case .durable: LocalizedText(fr: "plusieurs fois", en: "several times")
    }
  }

  static func outcome(_ outcome: FilingResponseClaims.Outcome) -> LocalizedText {
    switch outcome {
    case .granted: LocalizedText(fr: "aide accordée", en: "aid granted")
    case .refused: LocalizedText(fr: "aide refusée", en: "aid refused")
    case .partial: LocalizedText(fr: "aide accordée en partie", en: "aid partly granted")
    }
  }

  static func action(_ action: ProcurationAction) -> LocalizedText {
    switch action {
    case .read: LocalizedText(fr: "lire vos données", en: "read your data")
    case .update: LocalizedText(fr: "changer vos données", en: "change your data")
    case .file: LocalizedText(fr: "faire une demande d'aide", en: "file a request for an aid")
    case .grant: LocalizedText(fr: "donner des permissions", en: "give permissions")
    }
  }

  static func aid(_ purpose: Purpose, _ templates: TemplateCatalogue = .standard) -> LocalizedText {
    guard let name = templates[purpose]?.name else {
      return LocalizedText(fr: purpose.rawValue, en: purpose.rawValue)
    }
    return LocalizedText(fr: name.fr, en: name.en)
  }

  static let yes = LocalizedText(fr: "oui", en: "yes")
  static let empty = LocalizedText(fr: "(vide)", en: "(empty)")

  /// The answers that mean yes to a question, in either language.
  static func isYes(_ answer: String?) -> Bool {
    guard let answer else { return false }
    return ["oui", "yes", "o", "y"].contains(
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
