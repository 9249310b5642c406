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
}
