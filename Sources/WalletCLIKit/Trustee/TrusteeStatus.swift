import PSPConsent
import PSPWallet
import WalletAPI
import WalletClient

/// `wallet status --on-behalf-of`: what a trusted person may do in the
/// citizen's wallet now, and how many requests it holds (nothing is read: no
/// field is fetched, so nothing is logged).
enum TrusteeStatus {
  struct Status: Encodable {
    let wallet: String
    let reference: String
    let procurations: [Given]
    let filings: Int
  }

  struct Given: Encodable {
    let procuration: String
    let actions: [String]
    let until: String
  }

  static func show(_ acted: OnBehalfOf, _ invocation: Invocation) async throws {
    guard !acted.procurations.isEmpty else { throw Messages.trusteeNoProcuration }
    // Only the requests that verify under the citizen's key are counted.
    let filings = try await acted.trustee.filings(wallet: acted.wallet, ownerKey: acted.owner)
      .count
    let status = Status(
      wallet: acted.wallet.description, reference: acted.reference,
      procurations: acted.procurations.map {
        Given(
          procuration: $0.id.rawValue, actions: $0.claims.actions.map(\.rawValue),
          until: Timestamp.rfc3339($0.expires))
      }, filings: filings)
    if invocation.json { return try invocation.printJSON(status) }
    invocation.line(invocation.say(Messages.actingFor(acted.reference)))
    for procuration in acted.procurations {
      let actions = procuration.claims.actions.map { invocation.say(Words.trusteeAction($0)) }
        .joined(separator: ", ")
      let day = Words.day(procuration.expires, invocation.language)
      invocation.line(
        fr: "  Vous pouvez : \(actions) — jusqu'au \(day).",
        en: "  You may: \(actions) — until \(day).",
        de: "  Sie dürfen: \(actions) — bis zum \(day).",
        pt: "  Pode: \(actions) — até \(day).")
    }
    invocation.line(
      fr: "  Demandes d'aide : \(filings).", en: "  Requests for aid: \(filings).",
      de: "  Anträge auf Hilfe: \(filings).", pt: "  Pedidos de apoio: \(filings).")
  }
}
