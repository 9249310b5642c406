import PSPConsent
import PSPWallet
import WalletClient

/// A request as the citizen reads it, and as JSON.
struct FilingSummaryText: Encodable {
  let filing: String
  let purpose: String
  let administration: String
  let status: String
  let filedAt: String
  let number: String?
  let dueOn: String?
  let outcome: String?
  let notes: [String]
  let recourse: String?
  let contact: FilingResponseClaims.Contact?

  init(_ summary: FilingSummary, rules: StandardConsentRules) {
    let claims = summary.filing.claims
    filing = claims.jti.rawValue
    purpose = claims.purpose.rawValue
    administration = rules.name(ofKeyID: claims.administration)
    status = summary.timeline.status.rawValue
    filedAt = Timestamp.rfc3339(summary.filing.filedAt)
    number = summary.timeline.number
    dueOn = summary.timeline.dueOn?.iso
    outcome = summary.timeline.outcome?.rawValue
    notes = summary.notes
    recourse = summary.recourse
    contact = summary.contact
  }

  /// "Accueil, +352 2000 0000": who to contact, from the acknowledgement.
  static func contact(_ summary: FilingSummary) -> String? {
    guard let contact = summary.contact else { return nil }
    return [contact.service, contact.phone, contact.email].compactMap { $0 }.joined(
      separator: ", ")
  }

  /// "reçue (accusé de réception), n° OSR-2026-0042 ; décision au plus tard le 12 décembre 2026".
  static func standing(_ summary: FilingSummary, _ invocation: Invocation) -> String {
    let timeline = summary.timeline
    var text = timeline.status.label(invocation.language)
    if let number = timeline.number {
      text += invocation.say(
        fr: ", n° \(number)", en: ", no. \(number)", de: ", Nr. \(number)", pt: ", n.º \(number)")
    }
    if let outcome = timeline.outcome {
      text += " — " + invocation.say(Words.outcome(outcome))
    } else if let due = timeline.dueOn {
      let day = Words.day(due, invocation.language)
      text += invocation.say(
        fr: " ; décision au plus tard le \(day)", en: "; decision due by \(day)",
        de: "; Entscheidung spätestens am \(day)", pt: "; decisão até \(day)")
    }
    return text
  }
}
