import ArgumentParser
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient

struct ProcurationListCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "list",
      abstract: helpText(
        fr: "Voir les procurations d'un portefeuille.",
        en: "Show the procurations of a wallet.",
        de: "Die Vollmachten einer Brieftasche anzeigen.",
        pt: "Ver as procurações de uma carteira."),
      discussion: helpText(
        fr: """
          En tant que titulaire : toutes les procurations que vous avez données. En
          tant que personne de confiance : les procurations qu'une personne vous a
          données dans son portefeuille (--wallet), vérifiées avec sa signature.
          Donnez à --wallet la référence qu'elle vous a donnée (PSP-…) : le
          portefeuille est alors vérifié comme étant le sien avant toute autre
          question. Les portefeuilles pour lesquels vous agissez sont gardés en
          mémoire : sans --wallet, les procurations qui vous sont données dans chacun
          d'eux sont montrées.

          Exemple :
            wallet-cli procuration list --as maria
            wallet-cli procuration list --as paul --wallet PSP-…
            wallet-cli procuration list --as paul
          """,
        en: """
          As a citizen: every procuration you gave. As a trusted person: the
          procurations a citizen gave you in their wallet (--wallet), checked against
          their signature. Give --wallet the reference they gave you (PSP-…): the
          wallet is then checked to be theirs before anything else is asked. The
          wallets you act for are remembered: without --wallet, the procurations
          given to you in each of them are shown.

          Example:
            wallet-cli procuration list --as maria
            wallet-cli procuration list --as paul --wallet PSP-…
            wallet-cli procuration list --as paul
          """,
        de: """
          Als Inhaber oder Inhaberin: alle Vollmachten, die Sie gegeben haben. Als
          Vertrauensperson: die Vollmachten, die Ihnen eine Person in ihrer
          Brieftasche gegeben hat (--wallet), geprüft mit ihrer Unterschrift. Geben
          Sie bei --wallet die Referenz an, die sie Ihnen gegeben hat (PSP-…): Dann
          wird zuerst geprüft, dass die Brieftasche ihr gehört. Die Brieftaschen, für
          die Sie handeln, werden gemerkt: Ohne --wallet werden die Vollmachten
          gezeigt, die Ihnen in jeder von ihnen gegeben wurden.

          Beispiel:
            wallet-cli procuration list --as maria
            wallet-cli procuration list --as paul --wallet PSP-…
            wallet-cli procuration list --as paul
          """,
        pt: """
          Como titular: todas as procurações que deu. Como pessoa de confiança: as
          procurações que uma pessoa lhe deu na carteira dela (--wallet), verificadas
          com a assinatura dela. Indique em --wallet a referência que ela lhe deu
          (PSP-…): primeiro, verifica-se que a carteira é mesmo dela. As carteiras
          pelas quais age ficam guardadas: sem --wallet, são mostradas as procurações
          que lhe foram dadas em cada uma delas.

          Exemplo:
            wallet-cli procuration list --as maria
            wallet-cli procuration list --as paul --wallet PSP-…
            wallet-cli procuration list --as paul
          """))
  }

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      OnBehalfOfOptions.referenceHelp(),
      valueName: "reference"))
  var wallet: String?

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    if let wallet {
      do { _ = try WalletArgument(wallet) } catch { throw usageError(error, output) }
    }
  }

  struct Listed: Encodable {
    /// For a trusted person: the citizen's wallet reference (PSP-…).
    let wallet: String?
    let procuration: String
    let trustee: String
    let kind: String
    let purposes: [String]
    let actions: [String]
    let circle: Int?
    let state: String
    let expires: String
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let acting = try Acting.unlock(home, actor, as: [.citizen, .trustee], invocation)
      let transport = try acting.transport(server, invocation)
      let rules = try await ClientRules.fetch(transport)
      var listed: [(Procuration, GrantState)] = []
      // For a trusted person: the reference of the wallet of each procuration.
      var wallets: [String: String] = [:]
      if acting.identity.kind == .citizen {
        listed = try await Self.given(
          wallet: try acting.walletID(), owner: acting.identity.signingKey.publicKey, transport,
          rules: rules)
      } else {
        let arguments =
          try wallet.map { text throws(Message) in [try WalletArgument(text)] }
          ?? OnBehalfOf.remembered(acting)
        guard !arguments.isEmpty else { throw Messages.noWalletsActedFor }
        let trustee = TrusteeClient(transport: transport)
        for argument in arguments {
          let owner = try await argument.ownerKey(trustee)
          let mine = try await trustee.procurations(wallet: argument.wallet, ownerKey: owner)
          if !mine.isEmpty {
            try OnBehalfOf.remember(acting, wallet: argument.wallet, owner: owner)
          }
          let reference = WalletReference(wallet: argument.wallet, owner: owner).description
          for procuration in mine {
            listed.append((procuration, .active))
            wallets[procuration.id.rawValue] = reference
          }
        }
      }
      if invocation.json {
        return try invocation.printJSON(
          listed.map { procuration, state in
            let claims = procuration.claims
            return Listed(
              wallet: wallets[procuration.id.rawValue],
              procuration: procuration.id.rawValue, trustee: claims.sub, kind: claims.kind.rawValue,
              purposes: claims.purposes.map(\.rawValue), actions: claims.actions.map(\.rawValue),
              circle: claims.circle,
              state: state.rawValue, expires: Timestamp.rfc3339(procuration.expires))
          })
      }
      guard !listed.isEmpty else {
        return invocation.line(invocation.say(ProcurationWords.none))
      }
      let book = NameBook.read(acting)
      for (procuration, state) in listed {
        let claims = procuration.claims
        let person = book.shown(claims.sub)
        let kind = invocation.say(ProcurationWords.kind(claims.kind))
        invocation.line("\(procuration.id) — \(kind) — \(invocation.say(Words.grantState(state)))")
        if let reference = wallets[procuration.id.rawValue] {
          invocation.line(
            fr: "    dans le portefeuille \(reference)", en: "    in the wallet \(reference)",
            de: "    in der Brieftasche \(reference)", pt: "    na carteira \(reference)")
        }
        invocation.line(
          fr: "    pour la personne de confiance \(person)",
          en: "    for the trusted person \(person)",
          de: "    für die Vertrauensperson \(person)",
          pt: "    para a pessoa de confiança \(person)")
        let can = claims.actions.map { invocation.say(Words.action($0)) }.joined(separator: ", ")
        let aids =
          claims.purposes.isEmpty
          ? invocation.say(ProcurationWords.anyAid)
          : claims.purposes.map { invocation.say(Words.aid($0, rules.templates)) }
            .joined(separator: ", ")
        let day = Words.day(procuration.expires, invocation.language)
        invocation.line(
          fr: "    peut : \(can)", en: "    may: \(can)", de: "    darf: \(can)",
          pt: "    pode: \(can)")
        invocation.line(
          fr: "    pour : \(aids), jusqu'au \(day)", en: "    for: \(aids), until \(day)",
          de: "    für: \(aids), bis zum \(day)", pt: "    para: \(aids), até \(day)")
      }
    }
  }
}

extension ProcurationListCommand {
  /// The procurations given from a citizen's wallet, with their state, in
  /// walletd's order: only those that verify under the citizen's own key
  /// (one that does not is not theirs: not shown). The app's pages list the same.
  static func given(
    wallet: WalletID, owner: SigningPublicKey, _ transport: Transport,
    rules: StandardConsentRules
  ) async throws(ClientError) -> [(Procuration, GrantState)] {
    let authority = WalletAuthority(wallet: wallet, owner: owner)
    return try await transport.send(
      "GET", "/v1/wallets/\(wallet)/procurations", as: ProcurationsView.self
    ).procurations.compactMap { view in
      (try? ProcurationVerifier.verify(view.token, authority: authority, rules: rules)).map {
        ($0, view.state)
      }
    }
  }
}
