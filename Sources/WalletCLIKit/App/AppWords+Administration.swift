import PSPConsent
import PSPWallet

/// The words of the administration's pages: the CLI's own (`admin grants`,
/// `admin read`, `admin acknowledge`, `admin decide`: their lines and option
/// help), said again here for the browser, and the few a page needs more.
extension AppWords {
  // MARK: who and what was received (`admin grants`)

  static let adminWho = LocalizedText(
    fr: "Administration", en: "Administration", de: "Behörde", pt: "Administração")
  static let adminNoGrant = LocalizedText(
    fr: "Aucune permission reçue.", en: "No grant received.", de: "Keine Erlaubnis erhalten.",
    pt: "Nenhuma autorização recebida.")
  static let adminGrant = LocalizedText(
    fr: "Permission", en: "Grant", de: "Erlaubnis", pt: "Autorização")
  static let adminState = LocalizedText(fr: "état", en: "state", de: "Stand", pt: "estado")
  static let adminWallet = LocalizedText(
    fr: "portefeuille", en: "wallet", de: "Brieftasche", pt: "carteira")
  static let adminUntil = LocalizedText(fr: "jusqu'au", en: "until", de: "bis", pt: "até")
  static let adminFields = LocalizedText(
    fr: "données", en: "fields", de: "Angaben", pt: "dados")
  static let adminForRequest = LocalizedText(
    fr: "pour la demande", en: "for the request", de: "für den Antrag", pt: "para o pedido")

  // MARK: reading (`admin read`)

  static let adminRead = LocalizedText(
    fr: "Lire les données", en: "Read the fields", de: "Die Angaben lesen", pt: "Ler os dados")
  static let adminReadLogged = LocalizedText(
    fr: "Chaque lecture est inscrite au journal des accès de la personne.",
    en: "Every reading is written in the person's access log.",
    de: "Jedes Lesen wird in das Zugriffsprotokoll der Person geschrieben.",
    pt: "Cada leitura fica escrita no registo de acessos da pessoa.")

  // MARK: requests received

  static let adminFilings = LocalizedText(
    fr: "Demandes reçues", en: "Requests received", de: "Erhaltene Anträge",
    pt: "Pedidos recebidos")
  static let adminNoFiling = LocalizedText(
    fr: "Aucune demande reçue.", en: "No request received.", de: "Kein Antrag erhalten.",
    pt: "Nenhum pedido recebido.")
  static let adminRequest = LocalizedText(
    fr: "Demande", en: "Request", de: "Antrag", pt: "Pedido")

  /// "reçue (accusé de réception), n° OSR-2026-0042 ; décision au plus tard le 12 décembre 2026",
  /// as `filing list` says where a request stands.
  static func adminStanding(
    _ status: FilingStatus, number: String?, outcome: FilingResponseClaims.Outcome?,
    due: CivilDate?
  ) -> LocalizedText {
    func said(_ language: Language) -> String {
      var text = status.label(language)
      if let number {
        text += language.say(
          ", n° \(number)", ", no. \(number)", ", Nr. \(number)", ", n.º \(number)")
      }
      if let outcome {
        text += " — " + Words.outcome(outcome).text(in: language)
      } else if let due {
        let day = Words.day(due, language)
        text += language.say(
          " ; décision au plus tard le \(day)", "; decision due by \(day)",
          "; Entscheidung spätestens am \(day)", "; decisão até \(day)")
      }
      return text
    }
    return LocalizedText(
      fr: said(.french), en: said(.english), de: said(.german), pt: said(.portuguese))
  }

  /// Reading the request's grant first: it gives the person's keys.
  static let adminReadFirst = Message(
    Messages.citizenKeyUnknown.text,
    hint: LocalizedText(
      fr:
        "Lisez d'abord les données de la permission de cette demande (bouton « Lire les données »).",
      en: "First read the fields of this request's grant (button “Read the fields”).",
      de: "Lesen Sie zuerst die Angaben der Erlaubnis dieses Antrags (Knopf „Die Angaben lesen“).",
      pt: "Leia primeiro os dados da autorização deste pedido (botão «Ler os dados»)."))

  // MARK: acknowledging (`admin acknowledge`)

  static let adminAcknowledge = LocalizedText(
    fr: "Accuser réception", en: "Acknowledge", de: "Den Eingang bestätigen",
    pt: "Enviar o aviso de receção")
  static let adminNumber = LocalizedText(
    fr: "Votre propre numéro pour la demande", en: "Your own number for the request",
    de: "Ihre eigene Nummer für den Antrag", pt: "O seu próprio número para o pedido")
  static let adminRegisteredOn = LocalizedText(
    fr: "Le jour où la demande a été enregistrée (AAAA-MM-JJ ; par défaut : aujourd'hui)",
    en: "The day the request was registered (YYYY-MM-DD; default: today)",
    de: "Der Tag, an dem der Antrag registriert wurde (JJJJ-MM-TT; sonst: heute)",
    pt: "O dia em que o pedido foi registado (AAAA-MM-DD; por defeito: hoje)")
  static let adminService = LocalizedText(
    fr: "Le service que le titulaire peut contacter", en: "The service the citizen can contact",
    de: "Der Dienst, den der Inhaber oder die Inhaberin kontaktieren kann",
    pt: "O serviço que o titular pode contactar")
  static let adminPhone = LocalizedText(
    fr: "Le numéro de téléphone du service", en: "The service's phone number",
    de: "Die Telefonnummer des Dienstes", pt: "O número de telefone do serviço")
  static let adminEmail = LocalizedText(
    fr: "L'adresse e-mail du service", en: "The service's e-mail address",
    de: "Die E-Mail-Adresse des Dienstes", pt: "O endereço de e-mail do serviço")
  static let adminDueNote = LocalizedText(
    fr: "La date limite de la décision est calculée avec le délai légal de l'aide.",
    en: "The decision's due date is computed from the aid's legal deadline.",
    de: "Die Frist für die Entscheidung wird aus der gesetzlichen Frist der Hilfe berechnet.",
    pt: "A data-limite da decisão é calculada a partir do prazo legal do apoio.")
  static let adminSendAcknowledgement = LocalizedText(
    fr: "Envoyer l'accusé de réception", en: "Send the acknowledgement",
    de: "Die Eingangsbestätigung senden", pt: "Enviar o aviso de receção")

  /// As `admin acknowledge` says it.
  static func adminAcknowledged(_ number: String) -> LocalizedText {
    LocalizedText(
      fr: "Accusé de réception envoyé : demande n° \(number).",
      en: "Acknowledgement sent: request no. \(number).",
      de: "Eingangsbestätigung gesendet: Antrag Nr. \(number).",
      pt: "Aviso de receção enviado: pedido n.º \(number).")
  }

  static func adminDue(_ due: CivilDate) -> LocalizedText {
    LocalizedText(
      fr: "La décision est due au plus tard le \(Words.day(due, .french)).",
      en: "The decision is due by \(Words.day(due, .english)).",
      de: "Die Entscheidung muss spätestens am \(Words.day(due, .german)) kommen.",
      pt: "A decisão deve ser tomada até \(Words.day(due, .portuguese)).")
  }

  static let adminNumberEmpty = Message(
    fr: "Votre numéro pour la demande ne doit pas être vide. Rien n'a été envoyé.",
    en: "Your number for the request must not be empty. Nothing was sent.",
    de: "Ihre Nummer für den Antrag darf nicht leer sein. Es wurde nichts gesendet.",
    pt: "O seu número para o pedido não pode estar vazio. Nada foi enviado.",
    hintFR: "Donnez votre propre numéro, par exemple OSR-2026-0042 (64 caractères au plus).",
    hintEN: "Give your own number, for example OSR-2026-0042 (64 characters at most).",
    hintDE: "Geben Sie Ihre eigene Nummer an, zum Beispiel OSR-2026-0042 (höchstens 64 Zeichen).",
    hintPT: "Indique o seu próprio número, por exemplo OSR-2026-0042 (64 caracteres no máximo).")
  static let adminDateMalformed = Message(
    fr: "Le jour d'enregistrement : une date comme 2026-03-12. Rien n'a été envoyé.",
    en: "The registration day: a date like 2026-03-12. Nothing was sent.",
    de: "Der Tag der Registrierung: ein Datum wie 2026-03-12. Es wurde nichts gesendet.",
    pt: "O dia de registo: uma data como 2026-03-12. Nada foi enviado.",
    hintFR: "Écrivez la date sous la forme AAAA-MM-JJ, ou laissez vide pour aujourd'hui.",
    hintEN: "Write the date as YYYY-MM-DD, or leave it empty for today.",
    hintDE: "Schreiben Sie das Datum als JJJJ-MM-TT, oder lassen Sie es leer für heute.",
    hintPT: "Escreva a data no formato AAAA-MM-DD, ou deixe vazio para hoje.")
  static let adminContactMissing = Message(
    fr: "Donnez le service, et son téléphone ou son e-mail. Rien n'a été envoyé.",
    en: "Give the service, and its phone or its e-mail. Nothing was sent.",
    de:
      "Geben Sie den Dienst an, und seine Telefonnummer oder E-Mail-Adresse. Es wurde nichts gesendet.",
    pt: "Indique o serviço, e o seu telefone ou o seu e-mail. Nada foi enviado.",
    hintFR: "La personne doit pouvoir joindre le service.",
    hintEN: "The person must be able to reach the service.",
    hintDE: "Die Person muss den Dienst erreichen können.",
    hintPT: "A pessoa tem de poder contactar o serviço.")

  /// A registration before the day of the request, told without the CLI's option.
  static func adminRegisteredBeforeFiling(_ filedOn: CivilDate) -> Message {
    Message(
      Messages.registeredBeforeFiling(filedOn).text,
      hint: LocalizedText(
        fr: "Donnez le \(Words.day(filedOn, .french)) ou un jour après.",
        en: "Give \(Words.day(filedOn, .english)) or a later day.",
        de: "Geben Sie den \(Words.day(filedOn, .german)) oder einen späteren Tag an.",
        pt: "Indique o dia \(Words.day(filedOn, .portuguese)) ou um dia posterior."))
  }

  // MARK: deciding (`admin decide`)

  static let adminDecide = LocalizedText(
    fr: "Envoyer la décision motivée", en: "Post the motivated decision",
    de: "Die begründete Entscheidung senden", pt: "Enviar a decisão fundamentada")
  static let adminOutcome = LocalizedText(
    fr: "La décision", en: "The decision", de: "Die Entscheidung", pt: "A decisão")
  static let adminMotivation = LocalizedText(
    fr: "Les motifs, en mots simples (scellés pour le titulaire)",
    en: "The reasons, in plain words (sealed to the citizen)",
    de: "Die Gründe, in einfachen Worten (für den Inhaber oder die Inhaberin versiegelt)",
    pt: "Os motivos, em palavras simples (selados para o titular)")
  static let adminRecourse = LocalizedText(
    fr: "Comment contester la décision", en: "How to contest the decision",
    de: "Wie man die Entscheidung anfechten kann", pt: "Como contestar a decisão")
  static let adminForGood = LocalizedText(
    fr: "Je confirme : une décision envoyée ne se reprend pas.",
    en: "I confirm: a decision sent cannot be taken back.",
    de: "Ich bestätige: Eine gesendete Entscheidung kann nicht zurückgenommen werden.",
    pt: "Confirmo: uma decisão enviada não pode ser retirada.")

  /// As `admin decide` says it.
  static func adminDecided(_ outcome: FilingResponseClaims.Outcome) -> LocalizedText {
    let said = Words.outcome(outcome)
    return LocalizedText(
      fr:
        "Décision envoyée : \(said.text(in: .french)). Les motifs sont scellés pour la personne.",
      en: "Decision sent: \(said.text(in: .english)). The reasons are sealed to the person.",
      de:
        "Entscheidung gesendet: \(said.text(in: .german)). Die Gründe sind für die Person versiegelt.",
      pt:
        "Decisão enviada: \(said.text(in: .portuguese)). Os motivos estão selados para a pessoa.")
  }

  static let adminDecisionIncomplete = Message(
    fr: "Une décision a besoin de ses motifs et du recours. Rien n'a été envoyé.",
    en: "A decision needs its reasons and its recourse. Nothing was sent.",
    de: "Eine Entscheidung braucht ihre Gründe und den Rechtsbehelf. Es wurde nichts gesendet.",
    pt: "Uma decisão precisa dos seus motivos e do recurso. Nada foi enviado.",
    hintFR: "Choisissez la décision, et écrivez les deux en mots simples.",
    hintEN: "Choose the decision, and write both in plain words.",
    hintDE: "Wählen Sie die Entscheidung, und schreiben Sie beides in einfachen Worten.",
    hintPT: "Escolha a decisão, e escreva os dois em palavras simples.")
  static let adminNotConfirmed = Message(
    Messages.notConfirmed.text,
    hint: LocalizedText(
      fr: "Pour envoyer la décision, cochez la case de confirmation.",
      en: "To send the decision, tick the confirmation box.",
      de: "Um die Entscheidung zu senden, kreuzen Sie das Bestätigungsfeld an.",
      pt: "Para enviar a decisão, marque a caixa de confirmação."))

  // MARK: refusals of a number not found, without the CLI's command

  static let adminGrantNotFound = Message(
    Messages.grantNotFound.text,
    hint: LocalizedText(
      fr: "Choisissez une permission dans la liste des permissions reçues.",
      en: "Choose a grant in the list of grants received.",
      de: "Wählen Sie eine Erlaubnis in der Liste der erhaltenen Erlaubnisse.",
      pt: "Escolha uma autorização na lista das autorizações recebidas."))
  static let adminFilingNotFound = Message(
    Messages.filingNotFound.text,
    hint: LocalizedText(
      fr: "Choisissez une demande dans la liste des demandes reçues.",
      en: "Choose a request in the list of requests received.",
      de: "Wählen Sie einen Antrag in der Liste der erhaltenen Anträge.",
      pt: "Escolha um pedido na lista dos pedidos recebidos."))
}
