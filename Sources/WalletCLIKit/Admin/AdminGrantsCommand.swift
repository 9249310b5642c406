import ArgumentParser
import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient

struct AdminGrantsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grants",
    abstract: "Show the grants citizens gave this administration.",
    discussion: """
      The purpose, the fields and the validity are read from each grant as walletd
      delivers it; walletd checks the citizen's signature again at every reading.
      Each grant says where it stands: active, paused, withdrawn, used or expired.

      Example:
        wallet-cli admin grants --as fns --json
      """)

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL() }

  struct Incoming: Encodable {
    let wallet: String
    let grant: String
    let purpose: String
    let kind: String
    let fields: [String]
    let expires: String
    let filing: String?
    /// active, paused, revoked, used or expired (absent if walletd did not say).
    let state: String?
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let acting = try Acting.unlock(home, actor, as: [.administration], invocation)
      let client = AdministrationClient(transport: try acting.transport(server, invocation))
      let incoming: [Incoming] = try await client.incomingGrants().compactMap { entry in
        guard let message = try? PasetoV4Public.unverifiedMessage(of: entry.token),
          let claims = try? JSONDecoder().decode(GrantClaims.self, from: Data(message))
        else { return nil }
        return Incoming(
          wallet: entry.wallet.description, grant: entry.grant.rawValue,
          purpose: claims.purpose.rawValue,
          kind: claims.kind.rawValue, fields: claims.fields.map(\.rawValue), expires: claims.exp,
          filing: claims.filing?.rawValue, state: entry.state?.rawValue)
      }
      if invocation.json { return try invocation.printJSON(incoming) }
      guard !incoming.isEmpty else {
        return invocation.line(fr: "Aucune permission reçue.", en: "No grant received.")
      }
      for grant in incoming {
        invocation.line(fr: "Permission \(grant.grant)", en: "Grant \(grant.grant)")
        if let state = grant.state.flatMap(GrantState.init(rawValue:)) {
          invocation.line(
            fr: "  état : \(invocation.say(Words.grantState(state)))",
            en: "  state: \(invocation.say(Words.grantState(state)))")
        }
        invocation.line(fr: "  portefeuille : \(grant.wallet)", en: "  wallet: \(grant.wallet)")
        invocation.line(
          fr: "  aide : \(grant.purpose) (\(grant.kind)), jusqu'au \(grant.expires)",
          en: "  aid: \(grant.purpose) (\(grant.kind)), until \(grant.expires)")
        invocation.line(
          fr: "  données : \(grant.fields.joined(separator: ", "))",
          en: "  fields: \(grant.fields.joined(separator: ", "))")
        if let filing = grant.filing {
          invocation.line(fr: "  pour la demande : \(filing)", en: "  for the request: \(filing)")
        }
      }
    }
  }
}
