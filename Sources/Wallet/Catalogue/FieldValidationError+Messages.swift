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
        en: "This field is empty. Please write an answer.",
        de: "Diese Angabe ist leer. Schreiben Sie eine Antwort.",
        pt: "Este dado está vazio. Escreva uma resposta.")
    case .tooLong(let maximum):
      LocalizedText(
        fr: "Le texte est trop long : \(maximum) caractères au plus.",
        en: "The text is too long: \(maximum) characters at most.",
        de: "Der Text ist zu lang: höchstens \(maximum) Zeichen.",
        pt: "O texto é demasiado longo: \(maximum) caracteres no máximo.")
    case .forbiddenCharacters:
      LocalizedText(
        fr:
          "Le texte contient des caractères invisibles ou spéciaux. Tapez-le à nouveau sans copier-coller.",
        en:
          "The text contains invisible or special characters. Please type it again without copy and paste.",
        de:
          "Der Text enthält unsichtbare oder besondere Zeichen. Tippen Sie ihn noch einmal, ohne Kopieren und Einfügen.",
        pt: "O texto tem caracteres invisíveis ou especiais. Escreva-o de novo, sem copiar e colar."
      )
    case .notAName:
      LocalizedText(
        fr: "Un nom ne peut avoir que des lettres, des espaces, des tirets et des apostrophes.",
        en: "A name can only have letters, spaces, hyphens and apostrophes.",
        de: "Ein Name darf nur Buchstaben, Leerzeichen, Bindestriche und Apostrophe enthalten.",
        pt: "Um nome só pode ter letras, espaços, hífenes e apóstrofos.")
    case .matriculeLength:
      LocalizedText(
        fr: "Le matricule doit avoir 13 chiffres.",
        en: "The national ID number must have 13 digits.",
        de: "Die Matrikelnummer muss 13 Ziffern haben.",
        pt: "O número de matrícula deve ter 13 algarismos.")
    case .matriculeNotDigits:
      LocalizedText(
        fr: "Le matricule n'a que des chiffres, pas de lettres.",
        en: "The national ID number has only digits, no letters.",
        de: "Die Matrikelnummer hat nur Ziffern, keine Buchstaben.",
        pt: "O número de matrícula só tem algarismos, não tem letras.")
    case .matriculeDate:
      LocalizedText(
        fr:
          "Les 8 premiers chiffres du matricule doivent être une date (année, mois, jour). Vérifiez le numéro sur votre carte d'identité.",
        en:
          "The first 8 digits of the national ID number must be a date (year, month, day). Please check the number on your ID card.",
        de:
          "Die ersten 8 Ziffern der Matrikelnummer müssen ein Datum sein (Jahr, Monat, Tag). Prüfen Sie die Nummer auf Ihrem Personalausweis.",
        pt:
          "Os 8 primeiros algarismos do número de matrícula devem ser uma data (ano, mês, dia). Verifique o número no seu cartão de identidade."
      )
    case .matriculeCheckDigits:
      LocalizedText(
        fr:
          "Les chiffres de contrôle ne correspondent pas : vérifiez le numéro sur votre carte d'identité.",
        en: "The check digits do not match: please check the number on your ID card.",
        de: "Die Prüfziffern stimmen nicht: Prüfen Sie die Nummer auf Ihrem Personalausweis.",
        pt:
          "Os algarismos de controlo não estão certos: verifique o número no seu cartão de identidade."
      )
    case .ibanCharacters:
      LocalizedText(
        fr: "Un IBAN n'a que des lettres et des chiffres.",
        en: "An IBAN has only letters and digits.", de: "Eine IBAN hat nur Buchstaben und Ziffern.",
        pt: "Um IBAN só tem letras e algarismos.")
    case .ibanCountry:
      LocalizedText(
        fr: "Un IBAN commence par 2 lettres pour le pays, par exemple LU pour le Luxembourg.",
        en: "An IBAN starts with 2 letters for the country, for example LU for Luxembourg.",
        de: "Eine IBAN beginnt mit 2 Buchstaben für das Land, zum Beispiel LU für Luxemburg.",
        pt: "Um IBAN começa por 2 letras para o país, por exemplo LU para o Luxemburgo.")
    case .ibanLength(let expected):
      expected.lowerBound == expected.upperBound
        ? LocalizedText(
          fr:
            "Un IBAN de ce pays a \(expected.lowerBound) caractères. Vérifiez qu'il ne manque rien.",
          en:
            "An IBAN of this country has \(expected.lowerBound) characters. Please check that nothing is missing.",
          de:
            "Eine IBAN aus diesem Land hat \(expected.lowerBound) Zeichen. Prüfen Sie, ob nichts fehlt.",
          pt:
            "Um IBAN deste país tem \(expected.lowerBound) caracteres. Verifique se não falta nada."
        )
        : LocalizedText(
          fr:
            "Un IBAN a entre \(expected.lowerBound) et \(expected.upperBound) caractères. Vérifiez qu'il ne manque rien.",
          en:
            "An IBAN has between \(expected.lowerBound) and \(expected.upperBound) characters. Please check that nothing is missing.",
          de:
            "Eine IBAN hat zwischen \(expected.lowerBound) und \(expected.upperBound) Zeichen. Prüfen Sie, ob nichts fehlt.",
          pt:
            "Um IBAN tem entre \(expected.lowerBound) e \(expected.upperBound) caracteres. Verifique se não falta nada."
        )
    case .ibanCheckDigits:
      LocalizedText(
        fr:
          "Cet IBAN n'est pas correct : vérifiez-le sur une lettre de votre banque ou sur votre carte bancaire.",
        en:
          "This IBAN is not correct: please check it on a letter from your bank or on your bank card.",
        de:
          "Diese IBAN ist nicht richtig: Prüfen Sie sie auf einem Brief Ihrer Bank oder auf Ihrer Bankkarte.",
        pt:
          "Este IBAN não está certo: verifique-o numa carta do seu banco ou no seu cartão bancário."
      )
    case .dateFormat:
      LocalizedText(
        fr: "Écrivez la date comme ceci : jour/mois/année, par exemple 25/12/1980.",
        en: "Please write the date like this: day/month/year, for example 25/12/1980.",
        de: "Schreiben Sie das Datum so: Tag/Monat/Jahr, zum Beispiel 25/12/1980.",
        pt: "Escreva a data assim: dia/mês/ano, por exemplo 25/12/1980.")
    case .dateNotReal:
      LocalizedText(
        fr: "Cette date n'existe pas dans le calendrier. Vérifiez le jour et le mois.",
        en: "This date does not exist in the calendar. Please check the day and the month.",
        de: "Dieses Datum gibt es im Kalender nicht. Prüfen Sie den Tag und den Monat.",
        pt: "Esta data não existe no calendário. Verifique o dia e o mês.")
    case .dateInFuture:
      LocalizedText(
        fr: "Cette date est dans le futur. Elle doit être aujourd'hui ou avant.",
        en: "This date is in the future. It must be today or earlier.",
        de: "Dieses Datum liegt in der Zukunft. Es muss heute oder früher sein.",
        pt: "Esta data está no futuro. Tem de ser hoje ou antes.")
    case .dateOutOfRange(let earliest, let latest):
      LocalizedText(
        fr: "L'année doit être entre \(earliest) et \(latest).",
        en: "The year must be between \(earliest) and \(latest).",
        de: "Das Jahr muss zwischen \(earliest) und \(latest) liegen.",
        pt: "O ano tem de estar entre \(earliest) e \(latest).")
    case .amountFormat:
      LocalizedText(
        fr: "Écrivez un montant en euros, par exemple 1234,50.",
        en: "Please write an amount in euros, for example 1234.50.",
        de: "Schreiben Sie einen Betrag in Euro, zum Beispiel 1234,50.",
        pt: "Escreva um valor em euros, por exemplo 1234,50.")
    case .amountNegative:
      LocalizedText(
        fr: "Le montant ne peut pas être négatif.", en: "The amount cannot be negative.",
        de: "Der Betrag darf nicht negativ sein.", pt: "O valor não pode ser negativo.")
    case .amountTooPrecise:
      LocalizedText(
        fr: "Un montant a au plus 2 chiffres pour les centimes.",
        en: "An amount has at most 2 digits for the cents.",
        de: "Ein Betrag hat höchstens 2 Ziffern für die Cent.",
        pt: "Um valor tem no máximo 2 algarismos para os cêntimos.")
    case .amountTooLarge:
      LocalizedText(
        fr: "Ce montant est trop grand. Vérifiez le nombre de chiffres.",
        en: "This amount is too large. Please check the number of digits.",
        de: "Dieser Betrag ist zu groß. Prüfen Sie die Anzahl der Ziffern.",
        pt: "Este valor é demasiado grande. Verifique o número de algarismos.")
    case .emailFormat:
      LocalizedText(
        fr: "Ce n'est pas une adresse e-mail. Elle ressemble à nom@exemple.lu.",
        en: "This is not an e-mail address. It looks like name@example.lu.",
        de: "Das ist keine E-Mail-Adresse. Sie sieht so aus: name@beispiel.lu.",
        pt: "Isto não é um endereço de e-mail. É parecido com nome@exemplo.lu.")
    case .phoneFormat:
      LocalizedText(
        fr:
          "Un numéro de téléphone n'a que des chiffres, avec + au début pour l'indicatif du pays.",
        en: "A phone number has only digits, with + at the start for the country code.",
        de: "Eine Telefonnummer hat nur Ziffern, mit + am Anfang für die Landesvorwahl.",
        pt: "Um número de telefone só tem algarismos, com + no início para o indicativo do país.")
    case .phoneCountryCodeNeeded:
      LocalizedText(
        fr: "Ajoutez l'indicatif du pays au début, par exemple +33 pour la France.",
        en: "Please add the country code at the start, for example +33 for France.",
        de: "Schreiben Sie die Landesvorwahl an den Anfang, zum Beispiel +33 für Frankreich.",
        pt: "Acrescente o indicativo do país no início, por exemplo +33 para a França.")
    case .phoneLength:
      LocalizedText(
        fr: "Ce numéro de téléphone a trop ou pas assez de chiffres.",
        en: "This phone number has too many or too few digits.",
        de: "Diese Telefonnummer hat zu viele oder zu wenige Ziffern.",
        pt: "Este número de telefone tem algarismos a mais ou a menos.")
    case .communeUnknown:
      LocalizedText(
        fr: "Cette commune n'est pas dans la liste des communes du Luxembourg. Vérifiez le nom.",
        en:
          "This municipality is not in the list of municipalities of Luxembourg. Please check the name.",
        de:
          "Diese Gemeinde ist nicht in der Liste der Gemeinden von Luxemburg. Prüfen Sie den Namen.",
        pt: "Este município não está na lista dos municípios do Luxemburgo. Verifique o nome."
      )
    case .civilStatusUnknown:
      LocalizedText(
        fr: "Choisissez : célibataire, marié, partenariat, séparé, divorcé ou veuf.",
        en: "Please choose: single, married, partnership, separated, divorced or widowed.",
        de: "Wählen Sie: ledig, verheiratet, Partnerschaft, getrennt, geschieden oder verwitwet.",
        pt: "Escolha: solteiro, casado, parceria, separado, divorciado ou viúvo.")
    case .relationUnknown:
      LocalizedText(
        fr:
          "Choisissez le lien : conjoint, partenaire, enfant, parent, frère ou sœur, grand-parent, petit-enfant, autre famille ou autre.",
        en:
          "Please choose the relation: spouse, partner, child, parent, brother or sister, grandparent, grandchild, other family or other.",
        de:
          "Wählen Sie die Beziehung: Ehepartner, Partner, Kind, Elternteil, Bruder oder Schwester, Großelternteil, Enkelkind, andere Familie oder andere Person.",
        pt:
          "Escolha a relação: cônjuge, parceiro, filho, pai ou mãe, irmão ou irmã, avô ou avó, neto, outro familiar ou outra pessoa."
      )
    case .booleanUnknown:
      LocalizedText(
        fr: "Répondez oui ou non.", en: "Please answer yes or no.",
        de: "Antworten Sie mit ja oder nein.", pt: "Responda sim ou não.")
    case .countFormat:
      LocalizedText(
        fr: "Écrivez un nombre entier, par exemple 2.",
        en: "Please write a whole number, for example 2.",
        de: "Schreiben Sie eine ganze Zahl, zum Beispiel 2.",
        pt: "Escreva um número inteiro, por exemplo 2.")
    case .countTooLarge(let maximum):
      LocalizedText(
        fr: "Le nombre doit être \(maximum) au plus.", en: "The number must be \(maximum) at most.",
        de: "Die Zahl darf höchstens \(maximum) sein.",
        pt: "O número tem de ser \(maximum) no máximo.")
    case .fileExpected:
      LocalizedText(
        fr: "Ce champ demande un fichier (une photo ou un document).",
        en: "This field asks for a file (a photo or a document).",
        de: "Hier wird eine Datei verlangt (ein Foto oder ein Dokument).",
        pt: "Aqui é pedido um ficheiro (uma fotografia ou um documento).")
    case .textExpected:
      LocalizedText(
        fr: "Ce champ demande un texte, pas un fichier.",
        en: "This field asks for text, not a file.",
        de: "Hier wird ein Text verlangt, keine Datei.",
        pt: "Aqui é pedido um texto, não um ficheiro.")
    case .documentEmpty:
      LocalizedText(
        fr: "Le fichier est vide.", en: "The file is empty.", de: "Die Datei ist leer.",
        pt: "O ficheiro está vazio.")
    case .documentTooLarge(let maximumBytes):
      LocalizedText(
        fr: "Le fichier est trop grand : \(maximumBytes / (1024 * 1024)) Mo au plus.",
        en: "The file is too large: \(maximumBytes / (1024 * 1024)) MB at most.",
        de: "Die Datei ist zu groß: höchstens \(maximumBytes / (1024 * 1024)) MB.",
        pt: "O ficheiro é demasiado grande: \(maximumBytes / (1024 * 1024)) MB no máximo.")
    case .documentMediaType:
      LocalizedText(
        fr: "Envoyez un fichier PDF, une photo PNG ou JPEG, ou un texte.",
        en: "Please send a PDF file, a PNG or JPEG photo, or a text.",
        de: "Senden Sie eine PDF-Datei, ein PNG- oder JPEG-Foto oder einen Text.",
        pt: "Envie um ficheiro PDF, uma fotografia PNG ou JPEG, ou um texto.")
    case .documentContentMismatch:
      LocalizedText(
        fr:
          "Le contenu du fichier ne correspond pas à son type. Enregistrez-le à nouveau en PDF, PNG ou JPEG.",
        en:
          "The content of the file does not match its type. Please save it again as PDF, PNG or JPEG.",
        de:
          "Der Inhalt der Datei passt nicht zu ihrem Typ. Speichern Sie sie noch einmal als PDF, PNG oder JPEG.",
        pt:
          "O conteúdo do ficheiro não corresponde ao seu tipo. Guarde-o de novo em PDF, PNG ou JPEG."
      )
    case .listFormat:
      LocalizedText(
        fr: "La liste n'a pas pu être lue. Remplissez-la à nouveau.",
        en: "The list could not be read. Please fill it in again.",
        de: "Die Liste konnte nicht gelesen werden. Füllen Sie sie noch einmal aus.",
        pt: "Não foi possível ler a lista. Preencha-a de novo.")
    case .tooManyEntries(let maximum):
      LocalizedText(
        fr: "La liste a trop de lignes : \(maximum) au plus.",
        en: "The list has too many entries: \(maximum) at most.",
        de: "Die Liste hat zu viele Einträge: höchstens \(maximum).",
        pt: "A lista tem linhas a mais: \(maximum) no máximo.")
    case .entry(let position, let part, let inner):
      LocalizedText(
        fr: "Ligne \(position), \(part.name.fr) : \(inner.message(in: .french))",
        en: "Entry \(position), \(part.name.en): \(inner.message(in: .english))",
        de: "Eintrag \(position), \(part.name.de): \(inner.message(in: .german))",
        pt: "Linha \(position), \(part.name.pt): \(inner.message(in: .portuguese))")
    }
  }
}

extension FieldValidationError.EntryPart {
  /// The part's name inside a sentence.
  public var name: LocalizedText {
    switch self {
    case .givenNames:
      LocalizedText(fr: "prénoms", en: "first names", de: "Vornamen", pt: "nomes próprios")
    case .surname: LocalizedText(fr: "nom", en: "surname", de: "Nachname", pt: "apelido")
    case .relation: LocalizedText(fr: "lien", en: "relation", de: "Beziehung", pt: "relação")
    case .birthDate:
      LocalizedText(
        fr: "date de naissance", en: "date of birth", de: "Geburtsdatum", pt: "data de nascimento")
    case .matricule:
      LocalizedText(
        fr: "matricule", en: "national ID number", de: "Matrikelnummer", pt: "número de matrícula")
    case .monthlyNetIncome:
      LocalizedText(
        fr: "revenu net par mois", en: "net income per month", de: "Nettoeinkommen pro Monat",
        pt: "rendimento líquido por mês")
    }
  }
}
