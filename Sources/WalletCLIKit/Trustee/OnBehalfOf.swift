import PSPConsent
import PSPCrypto
import PSPWallet
import WalletClient

/// A trusted person acting for a citizen (`--on-behalf-of`): the wallet, the
/// owner's key (checked against the reference when one is given, and pinned
/// once a procuration to this trustee verifies under it), and the
/// procurations in force given to this trustee there, each verified under the
/// owner's key. The wallet is remembered in the trustee's folder.
struct OnBehalfOf {
  let trustee: TrusteeClient
  let wallet: WalletID
  let owner: SigningPublicKey
  let procurations: [Procuration]

  var ownerKeyID: String { Paserk.identifier(of: owner) }

  /// The trusted person of `--as`, unlocked, connected to the citizen's
  /// wallet `text` names.
  static func connect(
    _ text: String, _ home: HomeOptions, _ actor: ActorOptions, _ server: ServerOptions,
    _ invocation: Invocation
  ) async throws -> OnBehalfOf {
    let acting = try Acting.unlock(home, actor, as: [.trustee], invocation)
    return try await connect(text, acting, server, invocation)
  }

  /// A citizen acting on their own wallet, unlocked; a trusted person without
  /// `--on-behalf-of` is told to add it (before any passphrase).
  static func ownWallet(_ home: HomeOptions, _ actor: ActorOptions, _ invocation: Invocation)
    throws(Message) -> Acting
  {
    let located = try Acting.locate(home, actor, as: [.citizen, .trustee], invocation)
    guard located.keystore.kind == .citizen else { throw Messages.onBehalfOfNeeded }
    return try Acting.unlock(located, home, invocation)
  }

  /// The reference of the wallet acted for, to show and to type again.
  var reference: String { WalletReference(wallet: wallet, owner: owner).description }

  static func connect(
    _ text: String, _ acting: Acting, _ server: ServerOptions, _ invocation: Invocation
  ) async throws -> OnBehalfOf {
    let argument = try WalletArgument(text)
    let trustee = TrusteeClient(transport: try acting.transport(server, invocation))
    let owner = try await argument.ownerKey(trustee)
    let procurations = try await trustee.procurations(wallet: argument.wallet, ownerKey: owner)
    if !procurations.isEmpty { try remember(acting, wallet: argument.wallet, owner: owner) }
    return OnBehalfOf(
      trustee: trustee, wallet: argument.wallet, owner: owner, procurations: procurations)
  }

  /// The wallet and the reference (which carries the owner's key id), kept
  /// for the next commands (`procuration list` without `--wallet`).
  static func remember(_ acting: Acting, wallet: WalletID, owner: SigningPublicKey)
    throws(Message)
  {
    let reference = WalletReference(wallet: wallet, owner: owner).description
    try HomeState.update(acting.home, acting.name) {
      var known = $0.actsFor ?? [:]
      known[wallet.description] = reference
      $0.actsFor = known
    }
  }

  /// The wallets this trustee acts for, as remembered (sorted by number).
  static func remembered(_ acting: Acting) throws(Message) -> [WalletArgument] {
    let known = try HomeState.read(acting.home)[acting.name].actsFor ?? [:]
    var arguments: [WalletArgument] = []
    for wallet in known.keys.sorted() {
      guard let reference = known[wallet] else { continue }
      do { arguments.append(try WalletArgument(reference)) } catch {
        throw Messages.stateDamaged
      }
    }
    return arguments
  }

  /// The citizen unlocked for what stays their own (closing the wallet,
  /// giving procurations): a trusted person is told so before any passphrase.
  static func citizensOwn(
    _ homeOptions: HomeOptions, _ actor: ActorOptions, _ invocation: Invocation
  ) throws(Message) -> Acting {
    let located = try Acting.locate(homeOptions, actor, as: [.citizen, .trustee], invocation)
    guard located.keystore.kind == .citizen else { throw Messages.citizenOnly(located.name) }
    return try Acting.unlock(located, homeOptions, invocation)
  }

  /// A procuration in force that allows `action`, or the reason there is none.
  func allowing(_ action: ProcurationAction) throws(Message) -> Procuration {
    guard !procurations.isEmpty else { throw Messages.trusteeNoProcuration }
    guard let fitting = procurations.first(where: { $0.claims.actions.contains(action) }) else {
      switch action {
      case .read: throw Messages.trusteeCannotRead
      case .file: throw Messages.noUsableProcuration
      case .update, .grant: throw Messages.trusteeNotAllowed(action)
      }
    }
    return fitting
  }

  /// A procuration in force that allows changing data: `update`, and a way to
  /// learn the fields' versions (walletd serves the records to `read`, `file`
  /// or `grant`, api.md §7.7; a new version must follow the latest).
  func updating() throws(Message) -> Procuration {
    let procuration = try allowing(.update)
    guard !Set(procuration.claims.actions).isDisjoint(with: [.read, .file, .grant]) else {
      throw Messages.trusteeUpdateNeedsRead
    }
    return procuration
  }
}
