import ArgumentParser
import PSPWallet
import WalletAPI
import WalletClient

struct WalletStatusCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "status",
      abstract: helpText(
        fr:
          "Montrer votre portefeuille : ouvert ou fermé, combien de données, de permissions et de demandes.",
        en: "Show your wallet: open or closed, how many fields, permissions and requests.",
        de:
          "Ihre Brieftasche zeigen: offen oder geschlossen, wie viele Angaben, Erlaubnisse und Anträge.",
        pt:
          "Mostrar a sua carteira: aberta ou fechada, quantos dados, autorizações e pedidos."),
      discussion: helpText(
        fr: """
          Exemple :
            wallet-cli wallet status --as maria
            wallet-cli wallet status --as paul --on-behalf-of PSP-…
          """,
        en: """
          Example:
            wallet-cli wallet status --as maria
            wallet-cli wallet status --as paul --on-behalf-of PSP-…
          """,
        de: """
          Beispiel:
            wallet-cli wallet status --as maria
            wallet-cli wallet status --as paul --on-behalf-of PSP-…
          """,
        pt: """
          Exemplo:
            wallet-cli wallet status --as maria
            wallet-cli wallet status --as paul --on-behalf-of PSP-…
          """))
  }

  @OptionGroup var trustee: OnBehalfOfOptions
  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    try trustee.validate(output)
  }

  struct Status: Encodable {
    let wallet: String
    /// What the citizen gives a trusted person (`PSP-…`).
    var reference: String? = nil
    let openedAt: String
    let closedAt: String?
    let fields: Int?
    let activeGrants: Int?
    let activeProcurations: Int?
    let filings: Int?
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      if let onBehalfOf = trustee.onBehalfOf {
        return try await TrusteeStatus.show(
          try await OnBehalfOf.connect(onBehalfOf, home, actor, server, invocation), invocation)
      }
      let acting = try OnBehalfOf.ownWallet(home, actor, invocation)
      let wallet = try acting.readableWalletID()
      let transport = try acting.transport(server, invocation)
      let view = try await transport.send("GET", "/v1/wallets/\(wallet)", as: WalletView.self)
      var status = Status(
        wallet: wallet.description, openedAt: Timestamp.rfc3339(view.wallet.createdAt),
        closedAt: view.wallet.closedAt.map(Timestamp.rfc3339), fields: nil, activeGrants: nil,
        activeProcurations: nil, filings: nil)
      if view.wallet.closedAt == nil {
        let citizen = try await CitizenClient.connect(transport, wallet: wallet)
        let procurations = try await transport.send(
          "GET", "/v1/wallets/\(wallet)/procurations", as: ProcurationsView.self)
        let filings = try await transport.send(
          "GET", "/v1/wallets/\(wallet)/filings", as: FilingsView.self)
        status = Status(
          wallet: status.wallet, openedAt: status.openedAt, closedAt: nil,
          fields: try await citizen.records().count,
          activeGrants: try await citizen.grants().filter { $0.state == .active }.count,
          activeProcurations: procurations.procurations.filter { $0.state == .active }.count,
          filings: filings.filings.count)
      }
      let reference = WalletReference(wallet: wallet, owner: acting.identity.signingKey.publicKey)
      status.reference = reference.description
      if invocation.json { return try invocation.printJSON(status) }
      let language = invocation.language
      invocation.line(
        fr: "Portefeuille \(wallet) de \(acting.name)", en: "Wallet \(wallet) of \(acting.name)",
        de: "Brieftasche \(wallet) von \(acting.name)", pt: "Carteira \(wallet) de \(acting.name)")
      invocation.line(
        fr: "  Sa référence, à donner à une personne de confiance : \(reference)",
        en: "  Its reference, to give a trusted person: \(reference)",
        de: "  Ihre Referenz, für eine Vertrauensperson: \(reference)",
        pt: "  A referência, para dar a uma pessoa de confiança: \(reference)")
      let opened = Words.day(view.wallet.createdAt, language)
      if let closed = view.wallet.closedAt {
        let day = Words.day(closed, language)
        invocation.line(
          fr: "  Ouvert le \(opened), fermé le \(day).",
          en: "  Opened on \(opened), closed on \(day).",
          de: "  Geöffnet am \(opened), geschlossen am \(day).",
          pt: "  Aberta em \(opened), fechada em \(day).")
        return
      }
      invocation.line(
        fr: "  Ouvert le \(opened).", en: "  Opened on \(opened).",
        de: "  Geöffnet am \(opened).", pt: "  Aberta em \(opened).")
      let total = FieldCatalogue.standard.fields.count
      invocation.line(
        fr: "  Données remplies : \(status.fields ?? 0) sur \(total).",
        en: "  Fields filled in: \(status.fields ?? 0) of \(total).",
        de: "  Eingetragene Angaben: \(status.fields ?? 0) von \(total).",
        pt: "  Dados preenchidos: \(status.fields ?? 0) de \(total).")
      invocation.line(
        fr: "  Permissions en cours : \(status.activeGrants ?? 0).",
        en: "  Active grants: \(status.activeGrants ?? 0).",
        de: "  Gültige Erlaubnisse: \(status.activeGrants ?? 0).",
        pt: "  Autorizações em vigor: \(status.activeGrants ?? 0).")
      invocation.line(
        fr: "  Procurations en cours : \(status.activeProcurations ?? 0).",
        en: "  Active procurations: \(status.activeProcurations ?? 0).",
        de: "  Gültige Vollmachten: \(status.activeProcurations ?? 0).",
        pt: "  Procurações em vigor: \(status.activeProcurations ?? 0).")
      invocation.line(
        fr: "  Demandes d'aide : \(status.filings ?? 0).",
        en: "  Requests for aid: \(status.filings ?? 0).",
        de: "  Anträge auf Hilfe: \(status.filings ?? 0).",
        pt: "  Pedidos de apoio: \(status.filings ?? 0).")
    }
  }
}
