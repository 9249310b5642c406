import Foundation

/// Plain text of a value for the person it belongs to (screens and paper), in
/// French, English, German or Portuguese. Dates are written out ("1er décembre
/// 1893"), amounts in the language's own way, IBANs and matricules grouped as printed on cards.
extension FieldValue {
  public func displayText(language: Language) -> String {
    switch self {
    case .text(let s), .name(let s), .email(let s), .phone(let s), .commune(let s): s
    case .date(let d): d.displayText(language: language)
    case .matricule(let m): m.grouped
    case .iban(let i): i.grouped
    case .amountCents(let c): Amount.format(cents: c, in: language)
    case .civilStatus(let s): s.label.text(in: language)
    case .householdMembers(let members):
      members.isEmpty
        ? LocalizedText(
          fr: "Personne d'autre", en: "Nobody else", de: "Sonst niemand", pt: "Mais ninguém"
        ).text(in: language)
        : members.enumerated().map {
          "\($0.offset + 1). \($0.element.displayText(language: language))"
        }
        .joined(separator: "\n")
    case .children(let children):
      children.isEmpty
        ? LocalizedText(
          fr: "Aucun enfant", en: "No children", de: "Keine Kinder", pt: "Nenhum filho"
        ).text(in: language)
        : children.enumerated().map {
          "\($0.offset + 1). \($0.element.displayText(language: language))"
        }
        .joined(separator: "\n")
    case .count(let n): String(n)
    case .boolean(let b):
      (b
        ? LocalizedText(fr: "Oui", en: "Yes", de: "Ja", pt: "Sim")
        : LocalizedText(fr: "Non", en: "No", de: "Nein", pt: "Não")).text(
          in: language)
    case .document(let d):
      "\(d.mediaType.label.text(in: language)), \(Self.size(d.bytes.count, language))"
    }
  }

  private static func size(_ count: Int, _ language: Language) -> String {
    let tenths = count * 10 / (1024 * 1024)
    let comma = language == .english ? "." : ","
    switch language {
    case .french:
      if count < 1024 { return "\(count) octets" }
      if count < 1024 * 1024 { return "\(count / 1024) Ko" }
      return "\(tenths / 10),\(tenths % 10) Mo"
    case .english, .german, .portuguese:
      if count < 1024 { return language == .german ? "\(count) Byte" : "\(count) bytes" }
      if count < 1024 * 1024 { return "\(count / 1024) KB" }
      return "\(tenths / 10)\(comma)\(tenths % 10) MB"
    }
  }
}

extension CalendarDate {
  /// "1er décembre 1893" / "1 December 1893" / "1. Dezember 1893" / "1 de dezembro de 1893".
  public func displayText(language: Language) -> String {
    switch language {
    case .french:
      let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre",
        "novembre", "décembre",
      ]
      return "\(day == 1 ? "1er" : String(day)) \(months[month - 1]) \(year)"
    case .english:
      let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October",
        "November", "December",
      ]
      return "\(day) \(months[month - 1]) \(year)"
    case .german:
      let months = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember",
      ]
      return "\(day). \(months[month - 1]) \(year)"
    case .portuguese:
      let months = [
        "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
        "outubro", "novembro", "dezembro",
      ]
      return "\(day) de \(months[month - 1]) de \(year)"
    }
  }
}

extension HouseholdMember {
  func displayText(language: Language) -> String {
    var parts = ["\(givenNames) \(surname)", relation.label.text(in: language)]
    parts.append(Labels.bornOn.pair(birthDate.displayText(language: language), language))
    if let matricule { parts.append(Labels.matricule.pair(matricule.grouped, language)) }
    if let monthlyNetIncomeCents {
      parts.append(
        Labels.income.pair(Amount.format(cents: monthlyNetIncomeCents, in: language), language))
    }
    return parts.joined(separator: " — ")
  }
}

extension Child {
  func displayText(language: Language) -> String {
    var parts = [[givenNames, surname].compactMap { $0 }.joined(separator: " ")]
    parts.append(Labels.bornOn.pair(birthDate.displayText(language: language), language))
    if let matricule { parts.append(Labels.matricule.pair(matricule.grouped, language)) }
    return parts.joined(separator: " — ")
  }
}

private enum Labels {
  static let bornOn = LocalizedText(
    fr: "date de naissance", en: "date of birth", de: "Geburtsdatum", pt: "data de nascimento")
  static let matricule = LocalizedText(
    fr: "matricule", en: "national ID number", de: "Matrikelnummer", pt: "número de matrícula")
  static let income = LocalizedText(
    fr: "revenu net par mois", en: "net income per month", de: "Nettoeinkommen pro Monat",
    pt: "rendimento líquido por mês")
}

extension LocalizedText {
  /// "label : value" in French (a space before the colon), "label: value" in
  /// English, German and Portuguese.
  fileprivate func pair(_ value: String, _ language: Language) -> String {
    switch language {
    case .french: "\(fr) : \(value)"
    case .english, .german, .portuguese: "\(text(in: language)): \(value)"
    }
  }
}
