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

  static func validate(_ grantID: String, _ output: OutputOptions) throws {
    guard (try? StatementID(grantID)) != nil else {
      throw usageError(Messages.grantNotFound, output)
    }
  }

  func run(
    _ actor: ActorOptions, _ home: HomeOptions, _ server: ServerOptions, _ invocation: Invocation
  ) async throws {
    let acting = try Acting.unlock(home, actor, as: [.citizen], invocation)
    let citizen = try await acting.citizen(server, invocation)
    let rules = try await ClientRules.fetch(citizen.transport)
    guard
      let grant = try await citizen.grants().first(where: { $0.grant.id.rawValue == grantID })?
        .grant
    else {
      throw Messages.grantNotFound
    }
    if action == .revoke {
      let who = rules.name(ofKeyID: grant.grantee)
      try invocation.confirmIrreversible(
        LocalizedText(
          fr:
            "Retirer pour toujours la permission de « \(who) » ? Elle ne pourra pas être reprise.",
          en: "Withdraw the permission of “\(who)” for good? It cannot be resumed."),
        assumeYes: assumeYes)
    }
    try await citizen.change(grant, action, at: invocation.now)
    if invocation.json {
      return try invocation.printJSON(["grant": grantID, "action": action.rawValue])
    }
    let who = rules.name(ofKeyID: grant.grantee)
    switch action {
    case .revoke:
      invocation.line(
        fr: "Permission retirée. « \(who) » ne peut plus lire ces données.",
        en: "Permission withdrawn. “\(who)” can no longer read these fields.")
      invocation.line(
        fr: "Ce qui a déjà été lu ne peut pas être repris.",
        en: "What was already read cannot be taken back.")
    case .pause:
      invocation.line(
        fr: "Permission suspendue. « \(who) » ne peut rien lire jusqu'à ce que vous la repreniez.",
        en: "Permission paused. “\(who)” can read nothing until you resume it.")
    case .resume:
      invocation.line(
        fr: "Permission reprise pour « \(who) ».", en: "Permission resumed for “\(who)”.")
    }
  }
}
