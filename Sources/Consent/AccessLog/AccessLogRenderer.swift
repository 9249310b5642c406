import Foundation
import PSPWallet

/// Tells an access log entry to the citizen in one plain sentence, French or
/// English: "Le 12 mars 2026 à 10 h 14, le Fonds national de solidarité a lu
/// votre adresse et vos revenus pour l'allocation de vie chère."
/// Times are shown in Luxembourg time.
public struct AccessLogRenderer: Sendable {
  public let vocabulary: any LogVocabulary
  public let owner: String
  private static let zone = TimeZone(identifier: "Europe/Luxembourg") ?? .gmt

  /// - Parameter owner: the wallet owner's key id, told as "vous" / "you".
  public init(vocabulary: any LogVocabulary, owner: String) {
    self.vocabulary = vocabulary
    self.owner = owner
  }

  public func sentence(_ entry: AccessLogEntry, _ language: Language) -> String {
    let fr = language == .french
    let when = date(entry.at, fr)
    let who = actor(entry, fr)
    let what = fieldList(entry.fields, language)
    let purpose = entry.purpose.map { (fr ? " pour " : " for ") + vocabulary.purposeName($0, language: language) } ?? ""
    let refused = entry.outcome == .refused
    let you = entry.actor == owner
    var verb: String
    switch entry.action {
    case .walletOpened: verb = fr ? "a ouvert le portefeuille" : "opened the wallet"
    case .fieldUpdated: verb = fr ? "a mis à jour \(what)" : "updated \(what)"
    case .fieldsRead:
      verb = refused ? (fr ? "a voulu lire \(what)" : "tried to read \(what)") : (fr ? "a lu \(what)" : "read \(what)")
    case .grantIssued:
      verb = refused ? (fr ? "a voulu donner une permission" : "tried to give a permission")
        : (fr ? "a permis de lire \(what)" : "allowed reading \(what)")
    case .grantRevoked: verb = fr ? "a retiré une permission" : "withdrew a permission"
    case .grantPaused: verb = fr ? "a suspendu une permission" : "paused a permission"
    case .grantResumed: verb = fr ? "a repris une permission" : "resumed a permission"
    case .procurationIssued: verb = fr ? "a donné une procuration" : "gave a procuration"
    case .procurationUsed:
      verb = refused ? (fr ? "a voulu utiliser une procuration" : "tried to use a procuration")
        : (fr ? "a utilisé une procuration" : "used a procuration")
    case .procurationRevoked: verb = fr ? "a retiré une procuration" : "withdrew a procuration"
    case .procurationPaused: verb = fr ? "a suspendu une procuration" : "paused a procuration"
    case .procurationResumed: verb = fr ? "a repris une procuration" : "resumed a procuration"
    case .filingMade:
      verb = refused ? (fr ? "a voulu faire une demande" : "tried to file a request")
        : (fr ? "a fait une demande" : "filed a request")
    case .filingAcknowledged: verb = fr ? "a accusé réception de la demande" : "acknowledged the request"
    case .informationRequested: verb = fr ? "a demandé des informations" : "asked for information"
    case .decisionPosted: verb = fr ? "a rendu sa décision" : "posted its decision"
    case .walletClosed: verb = fr ? "a fermé le portefeuille" : "closed the wallet"
    }
    if you && fr { verb = verb.replacingOccurrences(of: "a ", with: "avez ", options: .anchored) }
    var text = "\(when), \(who) \(verb)\(purpose)."
    if refused {
      text += fr ? " C'était refusé." : " It was refused."
    }
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  private func actor(_ entry: AccessLogEntry, _ fr: Bool) -> String {
    if entry.actor == owner { return fr ? "vous" : "you" }
    if let name = vocabulary.actorName(entry.actor, role: entry.role, language: fr ? .french : .english) {
      return name
    }
    switch entry.role {
    case .trustee: return fr ? "votre personne de confiance" : "your trusted person"
    case .administration: return fr ? "une administration" : "an administration"
    case .operator: return fr ? "la plateforme" : "the platform"
    case .registrar: return fr ? "l'autorité d'enregistrement" : "the registration authority"
    case .citizen: return fr ? "une personne" : "someone"
    }
  }

  private func fieldList(_ fields: [FieldID], _ language: Language) -> String {
    let names = fields.map { vocabulary.fieldName($0, language: language) }
    let and = language == .french ? " et " : " and "
    switch names.count {
    case 0: return language == .french ? "vos données" : "your data"
    case 1: return names[0]
    default: return names.dropLast().joined(separator: ", ") + and + names.last!
    }
  }

  private func date(_ rfc3339: String, _ fr: Bool) -> String {
    guard let seconds = Timestamp.parse(rfc3339) else { return rfc3339 }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = Self.zone
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    let monthsFR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
      "octobre", "novembre", "décembre"]
    let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"]
    let (y, m, d, h, mi) = (parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    let minutes = mi < 10 ? "0\(mi)" : "\(mi)"
    return fr
      ? "le \(d == 1 ? "1er" : "\(d)") \(monthsFR[m - 1]) \(y) à \(h) h \(minutes)"
      : "on \(d) \(monthsEN[m - 1]) \(y) at \(h):\(minutes)"
  }
}
