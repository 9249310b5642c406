import Foundation
import PSPWallet

/// Tells an access log entry to the citizen in one plain sentence, in French,
/// English, German or Portuguese: "Le 12 mars 2026 à 10 h 14, le Fonds
/// national de solidarité a lu votre adresse et vos revenus pour l'allocation
/// de vie chère." Times are shown in Luxembourg time.
public struct AccessLogRenderer: Sendable {
  public let vocabulary: any LogVocabulary
  public let owner: String
  private static let zone = TimeZone(identifier: "Europe/Luxembourg") ?? .gmt

  /// - Parameter owner: the wallet owner's key id, told as "vous" / "you" /
  ///   "Sie" (in Portuguese, the verb alone, formal third person).
  public init(vocabulary: any LogVocabulary, owner: String) {
    self.vocabulary = vocabulary
    self.owner = owner
  }

  public func sentence(_ entry: AccessLogEntry, _ language: Language) -> String {
    let when = date(entry.at, language)
    let what = fieldList(entry.fields, language)
    let purposeName = entry.purpose.map { vocabulary.purposeName($0, language: language) }
    let refused = entry.outcome == .refused
    let you = entry.actor == owner
    var text: String
    switch language {
    case .french, .english:
      let fr = language == .french
      let purpose = purposeName.map { (fr ? " pour " : " for ") + $0 } ?? ""
      var verb =
        fr ? frenchVerb(entry.action, what, refused) : englishVerb(entry.action, what, refused)
      if you && fr { verb = verb.replacingOccurrences(of: "a ", with: "avez ", options: .anchored) }
      text = "\(when), \(actor(entry, language)) \(verb)\(purpose)."
    case .german:
      // German keeps the participle at the end: "Am …, hat X diese Angaben für „…“ gelesen: …".
      // The fields are listed after a colon, where their names (labels in the nominative)
      // read correctly.
      let object =
        entry.fields.isEmpty
        ? "Ihre Angaben" : entry.fields.count == 1 ? "diese Angabe" : "diese Angaben"
      let (middle, end, listsFields) = germanVerb(entry.action, object, refused)
      let purpose = purposeName.map { " für " + $0 } ?? ""
      let list = listsFields && !entry.fields.isEmpty ? ": " + what : ""
      text =
        "\(when) \(you ? "haben" : "hat") \(actor(entry, language)) \(middle)\(purpose) \(end)\(list)."
    case .portuguese:
      // The person is addressed in the formal third person, without a pronoun.
      let purpose = purposeName.map { " para " + $0 } ?? ""
      let verb = portugueseVerb(entry.action, what, refused)
      text =
        you
        ? "\(when), \(verb)\(purpose)." : "\(when), \(actor(entry, language)) \(verb)\(purpose)."
    }
    if refused {
      switch language {
      case .french: text += " C'était refusé."
      case .english: text += " It was refused."
      case .german: text += " Das wurde abgelehnt."
      case .portuguese: text += " Foi recusado."
      }
    }
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  private func frenchVerb(_ action: LogAction, _ what: String, _ refused: Bool) -> String {
    switch action {
    case .walletOpened: "a ouvert le portefeuille"
    case .fieldUpdated: "a mis à jour \(what)"
    case .fieldsRead: refused ? "a voulu lire \(what)" : "a lu \(what)"
    case .grantIssued: refused ? "a voulu donner une permission" : "a permis de lire \(what)"
    case .grantRevoked: "a retiré une permission"
    case .grantPaused: "a suspendu une permission"
    case .grantResumed: "a repris une permission"
    case .procurationIssued: "a donné une procuration"
    case .procurationUsed:
      refused ? "a voulu utiliser une procuration" : "a utilisé une procuration"
    case .procurationRevoked: "a retiré une procuration"
    case .procurationPaused: "a suspendu une procuration"
    case .procurationResumed: "a repris une procuration"
    case .filingMade: refused ? "a voulu faire une demande" : "a fait une demande"
    case .filingAcknowledged: "a accusé réception de la demande"
    case .informationRequested: "a demandé des informations"
    case .decisionPosted: "a rendu sa décision"
    case .walletClosed: "a fermé le portefeuille"
    }
  }

  private func englishVerb(_ action: LogAction, _ what: String, _ refused: Bool) -> String {
    switch action {
    case .walletOpened: "opened the wallet"
    case .fieldUpdated: "updated \(what)"
    case .fieldsRead: refused ? "tried to read \(what)" : "read \(what)"
    case .grantIssued: refused ? "tried to give a permission" : "allowed reading \(what)"
    case .grantRevoked: "withdrew a permission"
    case .grantPaused: "paused a permission"
    case .grantResumed: "resumed a permission"
    case .procurationIssued: "gave a procuration"
    case .procurationUsed: refused ? "tried to use a procuration" : "used a procuration"
    case .procurationRevoked: "withdrew a procuration"
    case .procurationPaused: "paused a procuration"
    case .procurationResumed: "resumed a procuration"
    case .filingMade: refused ? "tried to file a request" : "filed a request"
    case .filingAcknowledged: "acknowledged the request"
    case .informationRequested: "asked for information"
    case .decisionPosted: "posted its decision"
    case .walletClosed: "closed the wallet"
    }
  }

  /// The words between the subject and the purpose, the words at the end, and whether the
  /// sentence is about the entry's fields (`object`: "diese Angaben").
  private func germanVerb(_ action: LogAction, _ object: String, _ refused: Bool) -> (
    String, String, Bool
  ) {
    switch action {
    case .walletOpened: ("die Brieftasche", "geöffnet", false)
    case .fieldUpdated: (object, "aktualisiert", true)
    case .fieldsRead: refused ? (object, "lesen wollen", true) : (object, "gelesen", true)
    case .grantIssued:
      refused ? ("eine Erlaubnis", "geben wollen", false) : ("erlaubt, \(object)", "zu lesen", true)
    case .grantRevoked: ("eine Erlaubnis", "zurückgenommen", false)
    case .grantPaused: ("eine Erlaubnis", "ausgesetzt", false)
    case .grantResumed: ("eine Erlaubnis", "fortgesetzt", false)
    case .procurationIssued: ("eine Vollmacht", "gegeben", false)
    case .procurationUsed:
      refused ? ("eine Vollmacht", "benutzen wollen", false) : ("eine Vollmacht", "benutzt", false)
    case .procurationRevoked: ("eine Vollmacht", "zurückgenommen", false)
    case .procurationPaused: ("eine Vollmacht", "ausgesetzt", false)
    case .procurationResumed: ("eine Vollmacht", "fortgesetzt", false)
    case .filingMade:
      refused ? ("einen Antrag", "stellen wollen", false) : ("einen Antrag", "gestellt", false)
    case .filingAcknowledged: ("den Eingang des Antrags", "bestätigt", false)
    case .informationRequested: ("um Auskünfte", "gebeten", false)
    case .decisionPosted: ("die Entscheidung", "mitgeteilt", false)
    case .walletClosed: ("die Brieftasche", "geschlossen", false)
    }
  }

  private func portugueseVerb(_ action: LogAction, _ what: String, _ refused: Bool)
    -> String
  {
    switch action {
    case .walletOpened: "abriu a carteira"
    case .fieldUpdated: "atualizou \(what)"
    case .fieldsRead: refused ? "tentou ler \(what)" : "leu \(what)"
    case .grantIssued: refused ? "tentou dar uma autorização" : "deu autorização para ler \(what)"
    case .grantRevoked: "retirou uma autorização"
    case .grantPaused: "suspendeu uma autorização"
    case .grantResumed: "retomou uma autorização"
    case .procurationIssued: "deu uma procuração"
    case .procurationUsed: refused ? "tentou usar uma procuração" : "usou uma procuração"
    case .procurationRevoked: "retirou uma procuração"
    case .procurationPaused: "suspendeu uma procuração"
    case .procurationResumed: "retomou uma procuração"
    case .filingMade: refused ? "tentou fazer um pedido" : "fez um pedido"
    case .filingAcknowledged: "enviou o aviso de receção do pedido"
    case .informationRequested: "pediu informações"
    case .decisionPosted: "comunicou a decisão"
    case .walletClosed: "fechou a carteira"
    }
  }

  private func actor(_ entry: AccessLogEntry, _ language: Language) -> String {
    let say = language.say
    // (The Portuguese sentence leaves the owner's pronoun out: this one is never shown.)
    if entry.actor == owner { return say("vous", "you", "Sie", "você") }
    if let name = vocabulary.actorName(entry.actor, role: entry.role, language: language) {
      return name
    }
    switch entry.role {
    case .trustee:
      return say(
        "votre personne de confiance", "your trusted person", "Ihre Vertrauensperson",
        "a sua pessoa de confiança")
    case .administration:
      return say("une administration", "an administration", "eine Behörde", "uma administração")
    case .operator: return say("la plateforme", "the platform", "die Plattform", "a plataforma")
    case .registrar:
      return say(
        "l'autorité d'enregistrement", "the registration authority", "die Registrierungsstelle",
        "a autoridade de registo")
    case .citizen: return say("une personne", "someone", "jemand", "alguém")
    }
  }

  private func fieldList(_ fields: [FieldID], _ language: Language) -> String {
    let names = fields.map { vocabulary.fieldName($0, language: language) }
    let and: String
    let none: String
    switch language {
    case .french: (and, none) = (" et ", "vos données")
    case .english: (and, none) = (" and ", "your data")
    case .german: (and, none) = (" und ", "Ihre Angaben")
    case .portuguese: (and, none) = (" e ", "os seus dados")
    }
    switch names.count {
    case 0: return none
    case 1: return names[0]
    default: return names.dropLast().joined(separator: ", ") + and + names.last!
    }
  }

  private func date(_ rfc3339: String, _ language: Language) -> String {
    guard let seconds = Timestamp.parse(rfc3339) else { return rfc3339 }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = Self.zone
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute],
      from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    let (y, m, d, h, mi) = (parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    let minutes = mi < 10 ? "0\(mi)" : "\(mi)"
    switch language {
    case .french:
      let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
      ]
      return "le \(d == 1 ? "1er" : "\(d)") \(months[m - 1]) \(y) à \(h) h \(minutes)"
    case .english:
      let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
      ]
      return "on \(d) \(months[m - 1]) \(y) at \(h):\(minutes)"
    case .german:
      let months = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember",
      ]
      return "am \(d). \(months[m - 1]) \(y) um \(h):\(minutes) Uhr"
    case .portuguese:
      let months = [
        "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
        "outubro", "novembro", "dezembro",
      ]
      return "em \(d) de \(months[m - 1]) de \(y) às \(h):\(minutes)"
    }
  }
}
