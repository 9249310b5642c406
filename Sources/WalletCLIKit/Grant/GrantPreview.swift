import PSPConsent
import PSPWallet

/// Exactly which fields a grant for an aid will carry, computed before asking
/// the person, so that what is shown is what is signed: every field of the
/// template the wallet holds, and from each group of alternatives the first
/// one held (the same choice as `CitizenClient`'s default). The fields the aid
/// lists but the wallet does not hold are reported, never invented.
struct GrantPreview: Equatable {
  let fields: [FieldID]
  let notHeld: [FieldID]

  init(_ template: AidTemplate, held: Set<FieldID>) {
    var fields = template.minimalFields.filter(held.contains)
    var notHeld = template.minimalFields.filter { !held.contains($0) }
    for group in template.alternatives {
      if let first = group.choices.first(where: held.contains) {
        fields.append(first)
      } else if let first = group.choices.first {
        notHeld.append(first)
      }
    }
    fields += template.fieldsAsNeeded.filter(held.contains)
    self.fields = fields
    self.notHeld = notHeld
  }

  /// The labels of `fields`, one per line, in the person's language.
  static func labels(_ fields: [FieldID], _ language: Language) -> [String] {
    fields.map { FieldCatalogue.standard[$0]?.label.text(in: language) ?? $0.rawValue }
  }

  /// Said before every permission is given (CLI and app).
  static let takeBack = LocalizedText(
    fr: "Vous pourrez la retirer à tout moment. Ce qui aura déjà été lu ne pourra pas être repris.",
    en: "You can withdraw it at any time. What was already read cannot be taken back.",
    de:
      "Sie können sie jederzeit zurücknehmen. Was schon gelesen wurde, kann nicht zurückgeholt werden.",
    pt: "Pode retirá-la a qualquer momento. O que já tiver sido lido não pode ser recuperado.")

  /// Said before the fields the aid asks for and the wallet does not hold.
  static let notHeldNotice = LocalizedText(
    fr:
      "L'aide demande aussi ces données, que vous n'avez pas remplies (elles ne seront pas montrées) :",
    en:
      "The aid also asks for these fields, which you have not filled in (they will not be shown):",
    de:
      "Die Hilfe verlangt auch diese Angaben, die Sie nicht eingetragen haben (sie werden nicht gezeigt):",
    pt: "O apoio também pede estes dados, que não preencheu (não serão mostrados):")
}
