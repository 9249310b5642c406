import PSPConsent
import WalletClient

/// The requests `filing list` and `filing show` tell: the citizen's own (of
/// the open wallet, or of the one closed, kept for the retention period), or,
/// with `--on-behalf-of`, those of the wallet a trusted person acts for —
/// followed even once a one-shot procuration is used, the reasons of a
/// decision readable by the trusted person who filed.
enum FilingReading {
  static func read(
    _ onBehalfOf: String?, _ home: HomeOptions, _ actor: ActorOptions, _ server: ServerOptions,
    _ invocation: Invocation
  ) async throws -> (filings: [FilingSummary], rules: StandardConsentRules) {
    if let onBehalfOf {
      let acted = try await OnBehalfOf.connect(onBehalfOf, home, actor, server, invocation)
      let rules = try await ClientRules.fetch(acted.trustee.transport)
      return (try await acted.trustee.filings(wallet: acted.wallet, ownerKey: acted.owner), rules)
    }
    let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
    let citizen = try await acting.readableCitizen(server, invocation)
    return (try await citizen.filings(), try await ClientRules.fetch(citizen.transport))
  }
}
