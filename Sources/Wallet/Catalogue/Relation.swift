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
    case .spouse:
      LocalizedText(
        fr: "conjoint ou conjointe", en: "spouse", de: "Ehepartner oder Ehepartnerin", pt: "cônjuge"
      )
    case .partner:
      LocalizedText(
        fr: "partenaire", en: "partner", de: "Partner oder Partnerin",
        pt: "companheiro ou companheira")
    case .child: LocalizedText(fr: "enfant", en: "child", de: "Kind", pt: "filho ou filha")
    case .parent:
      LocalizedText(fr: "père ou mère", en: "parent", de: "Vater oder Mutter", pt: "pai ou mãe")
    case .sibling:
      LocalizedText(
        fr: "frère ou sœur", en: "brother or sister", de: "Bruder oder Schwester",
        pt: "irmão ou irmã")
    case .grandparent:
      LocalizedText(
        fr: "grand-parent", en: "grandparent", de: "Großvater oder Großmutter", pt: "avô ou avó")
    case .grandchild:
      LocalizedText(fr: "petit-enfant", en: "grandchild", de: "Enkelkind", pt: "neto ou neta")
    case .otherRelative:
      LocalizedText(
        fr: "autre famille", en: "other family", de: "andere Familie", pt: "outro familiar")
    case .other:
      LocalizedText(
        fr: "autre personne", en: "other person", de: "andere Person", pt: "outra pessoa")
    }
  }

  static let words: [String: Relation] = Synonyms.table([
    .spouse: [
      "spouse", "husband", "wife", "conjoint", "conjointe", "epoux", "epouse",
      "conjoint ou conjointe",
      // German and Portuguese.
      "ehepartner", "ehepartnerin", "ehepartner oder ehepartnerin", "ehemann", "ehefrau",
      "conjuge", "marido", "esposa", "esposo",
    ],
    .partner: [
      "partner", "partenaire", "compagnon", "compagne", "concubin", "concubine",
      "partnerin", "partner oder partnerin", "lebenspartner", "lebenspartnerin",
      "companheiro", "companheira", "companheiro ou companheira", "parceiro", "parceira",
    ],
    .child: [
      "child", "son", "daughter", "enfant", "fils", "fille",
      "kind", "sohn", "tochter", "filho", "filha", "filho ou filha",
    ],
    .parent: [
      "parent", "father", "mother", "pere", "mere", "pere ou mere",
      "vater", "mutter", "elternteil", "vater oder mutter", "pai", "mae", "pai ou mae",
    ],
    .sibling: [
      "sibling", "brother", "sister", "brother or sister", "frere", "soeur", "sœur",
      "frere ou sœur",
      "bruder", "schwester", "bruder oder schwester", "irmao", "irma", "irmao ou irma",
    ],
    .grandparent: [
      "grandparent", "grandfather", "grandmother", "grand parent", "grand pere", "grand mere",
      "grosselternteil", "großelternteil", "grossvater", "großvater", "grossmutter", "großmutter",
      "großvater oder großmutter", "grossvater oder grossmutter", "avo", "avo ou avo",
    ],
    .grandchild: [
      "grandchild", "grandson", "granddaughter", "petit enfant", "petit fils", "petite fille",
      "enkelkind", "enkel", "enkelin", "neto", "neta", "neto ou neta",
    ],
    .otherRelative: [
      "other relative", "other family", "autre famille", "autre parent", "oncle", "tante", "uncle",
      "aunt",
      "cousin", "cousine", "neveu", "niece", "nephew",
      "andere familie", "onkel", "neffe", "nichte",
      "outro familiar", "outra familia", "tio", "tia", "primo", "prima", "sobrinho", "sobrinha",
    ],
    .other: [
      "other", "other person", "autre", "autre personne", "ami", "amie", "friend", "colocataire",
      "flatmate",
      "andere person", "freund", "freundin", "mitbewohner", "mitbewohnerin",
      "outra pessoa", "amigo", "amiga",
    ],
  ])

  init(validating input: String) throws(FieldValidationError) {
    guard !input.trimmingCharacters(in: .whitespaces).isEmpty else { throw .empty }
    guard let relation = Self.words[TextRules.folded(input)] else { throw .relationUnknown }
    self = relation
  }
}
