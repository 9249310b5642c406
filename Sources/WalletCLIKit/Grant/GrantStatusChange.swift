import ArgumentParser
import PSPConsent
import PSPWallet
import WalletClient

/// Pause, resume and revoke share everything but the action and the words.
struct GrantStatusChange {
  let action: StatusAction
  let grantID: String
  /// `--yes`: revoke without asking.
  var assumeYes = false
  /// `--on-behalf-of`: a trusted person changing a grant they signed.
  var onBehalfOf: String? = nil

  static func validate(_ grantID: String, _ output: OutputOptions) throws {
    guard (try? StatementID(grantID)) != nil else {
      throw usageError(Messages.grantNotFound, output)
    }
  }

  func run(
    _ actor: ActorOptions, _ home: HomeOptions, _ server: ServerOptions, _ invocation: Invocation
  ) async throws {
    let rules: StandardConsentRules
    let grant: Grant
    let change: (Int64) async throws -> Void
    if let onBehalfOf {
      let acted = try await OnBehalfOf.connect(onBehalfOf, home, actor, server, invocation)
      rules = try await ClientRules.fetch(acted.trustee.transport)
      guard
        let found = try await acted.trustee.grants(
          wallet: acted.wallet, ownerKey: acted.owner, procurations: acted.procurations
        ).first(where: { $0.grant.id.rawValue == grantID })?.grant
      else { throw Messages.grantNotFound }
      // Only the grants this trustee signed, under a procuration in force.
      guard found.claims.iss == acted.trustee.transport.identity.publicIdentity.keyID,
        let procuration = acted.procurations.first(where: { $0.id == found.claims.procuration })
      else { throw Messages.trusteeNotTheirGrant }
      grant = found
      change = { now in
        try await acted.trustee.change(
          found, action, wallet: acted.wallet, procuration: procuration, at: now)
      }
    } else {
      let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
      let citizen = try await acting.citizen(server, invocation)
      rules = try await ClientRules.fetch(citizen.transport)
      guard
        let found = try await citizen.grants().first(where: { $0.grant.id.rawValue == grantID })?
          .grant
      else {
        throw Messages.grantNotFound
      }
      grant = found
      change = { now in try await citizen.change(found, action, at: now) }
    }
    if action == .revoke {
      let who = rules.name(ofKeyID: grant.grantee)
      try invocation.confirmIrreversible(
        LocalizedText(
          fr:
            "Retirer pour toujours la permission de « \(who) » ? Elle ne pourra pas être reprise.",
          en: "Withdraw the permission of “\(who)” for good? It cannot be resumed.",
          de:
            "Die Erlaubnis von „\(who)“ für immer zurücknehmen? Sie kann nicht fortgesetzt werden.",
          pt: "Retirar para sempre a autorização de «\(who)»? Não poderá ser retomada."),
        assumeYes: assumeYes)
    }
    try await change(invocation.now)
    if invocation.json {
      return try invocation.printJSON(["grant": grantID, "action": action.rawValue])
    }
    let who = rules.name(ofKeyID: grant.grantee)
    switch action {
    case .revoke:
      invocation.line(
        fr: "Permission retirée. « \(who) » ne peut plus lire ces données.",
        en: "Permission withdrawn. “\(who)” can no longer read these fields.",
        de: "Erlaubnis zurückgenommen. „\(who)“ kann diese Angaben nicht mehr lesen.",
        pt: "Autorização retirada. «\(who)» já não pode ler estes dados.")
      invocation.line(
        fr: "Ce qui a déjà été lu ne peut pas être repris.",
        en: "What was already read cannot be taken back.",
        de: "Was schon gelesen wurde, kann nicht zurückgeholt werden.",
        pt: "O que já foi lido não pode ser recuperado.")
    case .pause:
      invocation.line(
        fr: "Permission suspendue. « \(who) » ne peut rien lire jusqu'à ce que vous la repreniez.",
        en: "Permission paused. “\(who)” can read nothing until you resume it.",
        de: "Erlaubnis ausgesetzt. „\(who)“ kann nichts lesen, bis Sie sie fortsetzen.",
        pt: "Autorização suspensa. «\(who)» não pode ler nada até a retomar.")
    case .resume:
      invocation.line(
        fr: "Permission reprise pour « \(who) ».", en: "Permission resumed for “\(who)”.",
        de: "Erlaubnis fortgesetzt für „\(who)“.", pt: "Autorização retomada para «\(who)».")
    }
  }
}
