import Foundation

/// How a household member is related to the titulaire. The raw values are the
/// canonical encoding.
public enum Relation: String, Sendable, Hashable, CaseIterable {
  /// Husband or wife.
  case spouse
  /// Registered partner or a partner living as a couple.
  case partner
  case child
  case parent
  case sibling
  case grandparent
  case grandchild
  case otherRelative = "other_relative"
  /// Not family (a flatmate, a friend).
  case other

  public var label: LocalizedText {
    switch self {
    case .spouse: LocalizedText(fr: "conjoint ou conjointe", en: "spouse")
    case .partner: LocalizedText(fr: "partenaire", en: "partner")
    case .child: LocalizedText(fr: "enfant", en: "child")
    case .parent: LocalizedText(fr: "père ou mère", en: "parent")
    case .sibling: LocalizedText(fr: "frère ou sœur", en: "brother or sister")
    case .grandparent: LocalizedText(fr: "grand-parent", en: "grandparent")
    case .grandchild: LocalizedText(fr: "petit-enfant", en: "grandchild")
    case .otherRelative: LocalizedText(fr: "autre famille", en: "other family")
    case .other: LocalizedText(fr: "autre personne", en: "other person")
    }
  }

  static let words: [String: Relation] = Synonyms.table([
    .spouse: [
      "spouse", "husband", "wife", "conjoint", "conjointe", "epoux", "epouse",
      "conjoint ou conjointe",
    ],
    .partner: ["partner", "partenaire", "compagnon", "compagne", "concubin", "concubine"],
    .child: ["child", "son", "daughter", "enfant", "fils", "fille"],
    .parent: ["parent", "father", "mother", "pere", "mere", "pere ou mere"],
    .sibling: [
      "sibling", "brother", "sister", "brother or sister", "frere", "soeur", "sœur",
      "frere ou sœur",
    ],
    .grandparent: [
      "grandparent", "grandfather", "grandmother", "grand parent", "grand pere", "grand mere",
    ],
    .grandchild: [
      "grandchild", "grandson", "granddaughter", "petit enfant", "petit fils", "petite fille",
    ],
    .otherRelative: [
      "other relative", "other family", "autre famille", "autre parent", "oncle", "tante", "uncle",
      "aunt",
      "cousin", "cousine", "neveu", "niece", "nephew",
    ],
    .other: [
      "other", "other person", "autre", "autre personne", "ami", "amie", "friend", "colocataire",
      "flatmate",
    ],
  ])

  init(validating input: String) throws(FieldValidationError) {
    guard !input.trimmingCharacters(in: .whitespaces).isEmpty else { throw .empty }
    guard let relation = Self.words[TextRules.folded(input)] else { throw .relationUnknown }
    self = relation
  }
}
