import ArgumentParser
import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient

struct AdminGrantsCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "grants",
      abstract: helpText(
        fr: "Montrer les permissions que les titulaires ont données à cette administration.",
        en: "Show the grants citizens gave this administration.",
        de: "Die Erlaubnisse zeigen, die Inhaber und Inhaberinnen dieser Behörde gegeben haben.",
        pt: "Mostrar as autorizações que os titulares deram a esta administração."),
      discussion: helpText(
        fr: """
          Le but, les données et la validité sont lus dans chaque permission telle que
          walletd la livre ; walletd vérifie à nouveau la signature du titulaire à
          chaque lecture. Chaque permission dit où elle en est : active, suspendue,
          retirée, utilisée ou expirée.

          Exemple :
            wallet-cli admin grants --as fns --json
          """,
        en: """
          The purpose, the fields and the validity are read from each grant as walletd
          delivers it; walletd checks the citizen's signature again at every reading.
          Each grant says where it stands: active, paused, withdrawn, used or expired.

          Example:
            wallet-cli admin grants --as fns --json
          """,
        de: """
          Der Zweck, die Angaben und die Gültigkeit werden aus jeder Erlaubnis gelesen,
          so wie walletd sie liefert; walletd prüft die Unterschrift des Inhabers oder
          der Inhaberin bei jedem Lesen erneut. Jede Erlaubnis sagt, wo sie steht:
          aktiv, ausgesetzt, zurückgenommen, verwendet oder abgelaufen.

          Beispiel:
            wallet-cli admin grants --as fns --json
          """,
        pt: """
          A finalidade, os dados e a validade são lidos em cada autorização tal como o
          walletd a entrega; o walletd volta a verificar a assinatura do titular em
          cada leitura. Cada autorização diz em que estado está: ativa, suspensa,
          retirada, utilizada ou expirada.

          Exemplo:
            wallet-cli admin grants --as fns --json
          """))
  }

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws { try server.validateURL(output) }

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
        return invocation.line(
          fr: "Aucune permission reçue.", en: "No grant received.",
          de: "Keine Erlaubnis erhalten.", pt: "Nenhuma autorização recebida.")
      }
      for grant in incoming {
        invocation.line(
          fr: "Permission \(grant.grant)", en: "Grant \(grant.grant)",
          de: "Erlaubnis \(grant.grant)", pt: "Autorização \(grant.grant)")
        if let state = grant.state.flatMap(GrantState.init(rawValue:)) {
          let said = invocation.say(Words.grantState(state))
          invocation.line(
            fr: "  état : \(said)", en: "  state: \(said)", de: "  Stand: \(said)",
            pt: "  estado: \(said)")
        }
        invocation.line(
          fr: "  portefeuille : \(grant.wallet)", en: "  wallet: \(grant.wallet)",
          de: "  Brieftasche: \(grant.wallet)", pt: "  carteira: \(grant.wallet)")
        invocation.line(
          fr: "  aide : \(grant.purpose) (\(grant.kind)), jusqu'au \(grant.expires)",
          en: "  aid: \(grant.purpose) (\(grant.kind)), until \(grant.expires)",
          de: "  Hilfe: \(grant.purpose) (\(grant.kind)), bis \(grant.expires)",
          pt: "  apoio: \(grant.purpose) (\(grant.kind)), até \(grant.expires)")
        invocation.line(
          fr: "  données : \(grant.fields.joined(separator: ", "))",
          en: "  fields: \(grant.fields.joined(separator: ", "))",
          de: "  Angaben: \(grant.fields.joined(separator: ", "))",
          pt: "  dados: \(grant.fields.joined(separator: ", "))")
        if let filing = grant.filing {
          invocation.line(
            fr: "  pour la demande : \(filing)", en: "  for the request: \(filing)",
            de: "  für den Antrag: \(filing)", pt: "  para o pedido: \(filing)")
        }
      }
    }
  }
}
