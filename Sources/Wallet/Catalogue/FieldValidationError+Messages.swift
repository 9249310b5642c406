/// The words of every validation error. Plain language: one short sentence
/// saying what is wrong, then what to do. No message interpolates the input.
extension FieldValidationError {
  public func message(in language: Language) -> String {
    let text = localized
    return text.text(in: language)
  }

  private var localized: LocalizedText {
    switch self {
    case .empty:
      LocalizedText(
        fr: "Ce champ est vide. Écrivez une réponse.",
        en: "This field is empty. Please write an answer.")
    case .tooLong(let maximum):
      LocalizedText(
        fr: "Le texte est trop long : \(maximum) caractères au plus.",
        en: "The text is too long: \(maximum) characters at most.")
    case .forbiddenCharacters:
      LocalizedText(
        fr:
          "Le texte contient des caractères invisibles ou spéciaux. Tapez-le à nouveau sans copier-coller.",
        en:
          "The text contains invisible or special characters. Please type it again without copy and paste."
      )
    case .notAName:
      LocalizedText(
        fr: "Un nom ne peut avoir que des lettres, des espaces, des tirets et des apostrophes.",
        en: "A name can only have letters, spaces, hyphens and apostrophes.")
    case .matriculeLength:
      LocalizedText(
        fr: "Le matricule doit avoir 13 chiffres.",
        en: "The national ID number must have 13 digits.")
    case .matriculeNotDigits:
      LocalizedText(
        fr: "Le matricule n'a que des chiffres, pas de lettres.",
        en: "The national ID number has only digits, no letters.")
    case .matriculeDate:
      LocalizedText(
        fr:
          "Les 8 premiers chiffres du matricule doivent être une date (année, mois, jour). Vérifiez le numéro sur votre carte d'identité.",
        en:
          "The first 8 digits of the national ID number must be a date (year, month, day). Please check the number on your ID card."
      )
    case .matriculeCheckDigits:
      LocalizedText(
        fr:
          "Les chiffres de contrôle ne correspondent pas : vérifiez le numéro sur votre carte d'identité.",
        en: "The check digits do not match: please check the number on your ID card.")
    case .ibanCharacters:
      LocalizedText(
        fr: "Un IBAN n'a que des lettres et des chiffres.",
        en: "An IBAN has only letters and digits.")
    case .ibanCountry:
      LocalizedText(
        fr: "Un IBAN commence par 2 lettres pour le pays, par exemple LU pour le Luxembourg.",
        en: "An IBAN starts with 2 letters for the country, for example LU for Luxembourg.")
    case .ibanLength(let expected):
      expected.lowerBound == expected.upperBound
        ? LocalizedText(
          fr:
            "Un IBAN de ce pays a \(expected.lowerBound) caractères. Vérifiez qu'il ne manque rien.",
          en:
            "An IBAN of this country has \(expected.lowerBound) characters. Please check that nothing is missing."
        )
        : LocalizedText(
          fr:
            "Un IBAN a entre \(expected.lowerBound) et \(expected.upperBound) caractères. Vérifiez qu'il ne manque rien.",
          en:
            "An IBAN has between \(expected.lowerBound) and \(expected.upperBound) characters. Please check that nothing is missing."
        )
    case .ibanCheckDigits:
      LocalizedText(
        fr:
          "Cet IBAN n'est pas correct : vérifiez-le sur une lettre de votre banque ou sur votre carte bancaire.",
        en:
          "This IBAN is not correct: please check it on a letter from your bank or on your bank card."
      )
    case .dateFormat:
      LocalizedText(
        fr: "Écrivez la date comme ceci : jour/mois/année, par exemple 25/12/1980.",
        en: "Please write the date like this: day/month/year, for example 25/12/1980.")
    case .dateNotReal:
      LocalizedText(
        fr: "Cette date n'existe pas dans le calendrier. Vérifiez le jour et le mois.",
        en: "This date does not exist in the calendar. Please check the day and the month.")
    case .dateInFuture:
      LocalizedText(
        fr: "Cette date est dans le futur. Elle doit être aujourd'hui ou avant.",
        en: "This date is in the future. It must be today or earlier.")
    case .dateOutOfRange(let earliest, let latest):
      LocalizedText(
        fr: "L'année doit être entre \(earliest) et \(latest).",
        en: "The year must be between \(earliest) and \(latest).")
    case .amountFormat:
      LocalizedText(
        fr: "Écrivez un montant en euros, par exemple 1234,50.",
        en: "Please write an amount in euros, for example 1234.50.")
    case .amountNegative:
      LocalizedText(
        fr: "Le montant ne peut pas être négatif.", en: "The amount cannot be negative.")
    case .amountTooPrecise:
      LocalizedText(
        fr: "Un montant a au plus 2 chiffres pour les centimes.",
        en: "An amount has at most 2 digits for the cents.")
    case .amountTooLarge:
      LocalizedText(
        fr: "Ce montant est trop grand. Vérifiez le nombre de chiffres.",
        en: "This amount is too large. Please check the number of digits.")
    case .emailFormat:
      LocalizedText(
        fr: "Ce n'est pas une adresse e-mail. Elle ressemble à nom@exemple.lu.",
        en: "This is not an e-mail address. It looks like name@example.lu.")
    case .phoneFormat:
      LocalizedText(
        fr:
          "Un numéro de téléphone n'a que des chiffres, avec + au début pour l'indicatif du pays.",
        en: "A phone number has only digits, with + at the start for the country code.")
    case .phoneCountryCodeNeeded:
      LocalizedText(
        fr: "Ajoutez l'indicatif du pays au début, par exemple +33 pour la France.",
        en: "Please add the country code at the start, for example +33 for France.")
    case .phoneLength:
      LocalizedText(
        fr: "Ce numéro de téléphone a trop ou pas assez de chiffres.",
        en: "This phone number has too many or too few digits.")
    case .communeUnknown:
      LocalizedText(
        fr: "Cette commune n'est pas dans la liste des communes du Luxembourg. Vérifiez le nom.",
        en:
          "This municipality is not in the list of municipalities of Luxembourg. Please check the name."
      )
    case .civilStatusUnknown:
      LocalizedText(
        fr: "Choisissez : célibataire, marié, partenariat, séparé, divorcé ou veuf.",
        en: "Please choose: single, married, partnership, separated, divorced or widowed.")
    case .relationUnknown:
      LocalizedText(
        fr:
          "Choisissez le lien : conjoint, partenaire, enfant, parent, frère ou sœur, grand-parent, petit-enfant, autre famille ou autre.",
        en:
          "Please choose the relation: spouse, partner, child, parent, brother or sister, grandparent, grandchild, other family or other."
      )
    case .booleanUnknown:
      LocalizedText(fr: "Répondez oui ou non.", en: "Please answer yes or no.")
    case .countFormat:
      LocalizedText(
        fr: "Écrivez un nombre entier, par exemple 2.",
        en: "Please write a whole number, for example 2.")
    case .countTooLarge(let maximum):
      LocalizedText(
        fr: "Le nombre doit être \(maximum) au plus.", en: "The number must be \(maximum) at most.")
    case .fileExpected:
      LocalizedText(
        fr: "Ce champ demande un fichier (une photo ou un document).",
        en: "This field asks for a file (a photo or a document).")
    case .textExpected:
      LocalizedText(
        fr: "Ce champ demande un texte, pas un fichier.",
        en: "This field asks for text, not a file.")
    case .documentEmpty:
      LocalizedText(fr: "Le fichier est vide.", en: "The file is empty.")
    case .documentTooLarge(let maximumBytes):
      LocalizedText(
        fr: "Le fichier est trop grand : \(maximumBytes / (1024 * 1024)) Mo au plus.",
        en: "The file is too large: \(maximumBytes / (1024 * 1024)) MB at most.")
    case .documentMediaType:
      LocalizedText(
        fr: "Envoyez un fichier PDF, une photo PNG ou JPEG, ou un texte.",
        en: "Please send a PDF file, a PNG or JPEG photo, or a text.")
    case .documentContentMismatch:
      LocalizedText(
        fr:
          "Le contenu du fichier ne correspond pas à son type. Enregistrez-le à nouveau en PDF, PNG ou JPEG.",
        en:
          "The content of the file does not match its type. Please save it again as PDF, PNG or JPEG."
      )
    case .listFormat:
      LocalizedText(
        fr: "La liste n'a pas pu être lue. Remplissez-la à nouveau.",
        en: "The list could not be read. Please fill it in again.")
    case .tooManyEntries(let maximum):
      LocalizedText(
        fr: "La liste a trop de lignes : \(maximum) au plus.",
        en: "The list has too many entries: \(maximum) at most.")
    case .entry(let position, let part, let inner):
      LocalizedText(
        fr: "Ligne \(position), \(part.name.fr) : \(inner.message(in: .french))",
        en: "Entry \(position), \(part.name.en): \(inner.message(in: .english))")
    }
  }
}

extension FieldValidationError.EntryPart {
  /// The part's name inside a sentence.
  public var name: LocalizedText {
    switch self {
    case .givenNames: LocalizedText(fr: "prénoms", en: "first names")
    case .surname: LocalizedText(fr: "nom", en: "surname")
    case .relation: LocalizedText(fr: "lien", en: "relation")
    case .birthDate: LocalizedText(fr: "date de naissance", en: "date of birth")
    case .matricule: LocalizedText(fr: "matricule", en: "national ID number")
    case .monthlyNetIncome: LocalizedText(fr: "revenu net par mois", en: "net income per month")
    }
  }
}
