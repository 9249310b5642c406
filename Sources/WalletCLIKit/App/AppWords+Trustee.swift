import PSPWallet

/// The words of the trusted person's pages that the CLI does not already say
/// as a message (the refusals, the aids, the actions and the states are the
/// CLI's own).
extension AppWords {
  /// Named apart from the other pages' words, which other files add.
  enum Acted {
    static let addWallet = LocalizedText(
      fr: "Ajouter une personne que j'aide", en: "Add a person I help",
      de: "Eine Person hinzufügen, der ich helfe", pt: "Acrescentar uma pessoa que ajudo")
    static let referenceTyped = LocalizedText(
      fr: "La référence de son portefeuille (PSP-…), comme sur la feuille de procuration",
      en: "The reference of their wallet (PSP-…), as on the procuration sheet",
      de: "Die Referenz der Brieftasche der Person (PSP-…), wie auf dem Blatt der Vollmacht",
      pt: "A referência da carteira (PSP-…), como na folha da procuração")
    static let referenceTypedHelp = LocalizedText(
      fr: "Les espaces, les tirets et les minuscules ne comptent pas.",
      en: "Spaces, dashes and small letters do not matter.",
      de: "Leerzeichen, Bindestriche und Kleinbuchstaben spielen keine Rolle.",
      pt: "Os espaços, os hífenes e as minúsculas não contam.")
    static let add = LocalizedText(fr: "Ajouter", en: "Add", de: "Hinzufügen", pt: "Acrescentar")
    static let holder = LocalizedText(
      fr: "Titulaire", en: "Holder", de: "Inhaber oder Inhaberin", pt: "Titular")
    static let oneShotProcuration = LocalizedText(
      fr: "Procuration unique", en: "One-shot procuration", de: "Einmalige Vollmacht",
      pt: "Procuração única")
    static let personalisedProcuration = LocalizedText(
      fr: "Procuration personnalisée", en: "Personalised procuration",
      de: "Persönliche Vollmacht", pt: "Procuração personalizada")
    static let youMay = LocalizedText(
      fr: "Vous pouvez :", en: "You may:", de: "Sie dürfen:", pt: "Pode:")
    static let forAids = LocalizedText(fr: "Pour :", en: "For:", de: "Für:", pt: "Para:")
    static let noProcurationInForce = LocalizedText(
      fr: "Aucune procuration en cours. Vous pouvez encore suivre les demandes déjà faites.",
      en: "No procuration in force. You can still follow the requests already made.",
      de: "Keine gültige Vollmacht. Sie können die schon gestellten Anträge noch verfolgen.",
      pt: "Nenhuma procuração válida. Ainda pode seguir os pedidos já feitos.")
    static let theirFields = LocalizedText(
      fr: "Ses données", en: "Their fields", de: "Die Angaben der Person", pt: "Os dados dela")
    static let theirGrants = LocalizedText(
      fr: "Ses permissions", en: "Their permissions", de: "Die Erlaubnisse der Person",
      pt: "As autorizações dela")
    static let theirFilings = LocalizedText(
      fr: "Ses demandes d'aide", en: "Their requests for aid", de: "Die Anträge der Person",
      pt: "Os pedidos de apoio dela")
    static let theirLog = LocalizedText(
      fr: "Son journal", en: "Their log", de: "Das Protokoll der Person", pt: "O registo dela")
    static let fileRequest = LocalizedText(
      fr: "Faire une demande d'aide", en: "File a request for an aid",
      de: "Einen Antrag auf Hilfe stellen", pt: "Fazer um pedido de apoio")
    static let seeWhatSent = LocalizedText(
      fr: "Voir ce qui sera envoyé", en: "See what will be sent", de: "Sehen, was geschickt wird",
      pt: "Ver o que será enviado")
    static let send = LocalizedText(
      fr: "Envoyer cette demande", en: "Send this request", de: "Diesen Antrag schicken",
      pt: "Enviar este pedido")
    static let backToWallet = LocalizedText(
      fr: "Retour à ce portefeuille", en: "Back to this wallet", de: "Zurück zu dieser Brieftasche",
      pt: "Voltar a esta carteira")
    static let sealedFields = LocalizedText(
      fr:
        "Certaines données ne s'ouvrent pas pour vous : la personne ne vous a pas donné leur clé.",
      en: "Some fields do not open for you: the person did not give you their key.",
      de:
        "Manche Angaben öffnen sich für Sie nicht: Die Person hat Ihnen ihren Schlüssel nicht gegeben.",
      pt: "Alguns dados não abrem para si: a pessoa não lhe deu a chave deles.")
    static let noGrantInWallet = LocalizedText(
      fr: "Ce portefeuille n'a aucune permission.", en: "This wallet has no permission.",
      de: "Diese Brieftasche hat keine Erlaubnis.", pt: "Esta carteira não tem autorizações.")
    static let givenByYou = LocalizedText(
      fr: "Permission donnée par vous.", en: "Permission given by you.",
      de: "Erlaubnis von Ihnen gegeben.", pt: "Autorização dada por si.")
    static let givenByPerson = LocalizedText(
      fr: "Permission donnée par la personne.", en: "Permission given by the person.",
      de: "Erlaubnis von der Person gegeben.", pt: "Autorização dada pela pessoa.")
    static let walletLogIntact = LocalizedText(
      fr:
        "Le journal de ce portefeuille est intact : les témoins l'ont confirmé. « vous » y désigne la personne.",
      en:
        "This wallet's access log is intact: the witnesses confirmed it. “you” in it means the person.",
      de:
        "Das Protokoll dieser Brieftasche ist unverändert: Die Zeugen haben es bestätigt. „Sie“ meint darin die Person.",
      pt:
        "O registo desta carteira está intacto: as testemunhas confirmaram-no. Nele, «si» e «seu» designam a pessoa."
    )
  }
}

extension Messages {
  /// The wallet number alone (22 characters) names no owner: the app asks for
  /// the reference, which lets it check the wallet is the person's.
  static let appReferenceNeeded = Message(
    fr:
      "Tapez la référence entière (PSP-…) : le numéro seul ne permet pas de vérifier que le portefeuille est celui de la personne. Rien n'a été envoyé.",
    en:
      "Type the whole reference (PSP-…): the number alone does not let the app check that the wallet is the person's. Nothing was sent.",
    de:
      "Tippen Sie die ganze Referenz (PSP-…): Mit der Nummer allein kann nicht geprüft werden, dass die Brieftasche der Person gehört. Es wurde nichts gesendet.",
    pt:
      "Escreva a referência inteira (PSP-…): só o número não permite verificar que a carteira é da pessoa. Nada foi enviado.",
    hintFR: "Elle est imprimée sur la feuille de procuration, à côté du code QR.",
    hintEN: "It is printed on the procuration sheet, beside the QR code.",
    hintDE: "Sie steht auf dem Blatt der Vollmacht, neben dem QR-Code.",
    hintPT: "Está impressa na folha da procuração, ao lado do código QR.")
}
