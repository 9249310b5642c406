import Foundation
import PSPCrypto
import PSPWallet
import WalletClient

/// The identity that acts in a command, unlocked: chosen with `--as` (or the
/// only one in the home), checked to be of a kind the command is for before
/// the passphrase is asked, then opened with it. A wrong passphrase changes
/// nothing: the keystore is only read.
struct Acting {
  let name: String
  let home: Home
  let identity: Identity

  /// The keystore that acts, checked to be of a kind the command is for.
  struct Located {
    let name: String
    let home: Home
    let keystore: Keystore
  }

  static func locate(
    _ homeOptions: HomeOptions, _ actor: ActorOptions, as kinds: [PrincipalKind],
    _ invocation: Invocation
  )
    throws(Message) -> Located
  {
    let home = Home(homeOptions, environment: invocation.environment)
    let name = try home.actor(actor.name)
    let keystore = try home.readKeystore(name)
    guard kinds.contains(keystore.kind) else {
      throw Messages.wrongRole(name, is: keystore.kind, needs: kinds)
    }
    return Located(name: name, home: home, keystore: keystore)
  }

  static func unlock(_ located: Located, _ homeOptions: HomeOptions, _ invocation: Invocation)
    throws(Message) -> Acting
  {
    let passphrase = try Passphrase.existing(homeOptions, for: located.name, invocation)
    do {
      return Acting(
        name: located.name, home: located.home,
        identity: try located.keystore.unlock(passphrase: passphrase))
    } catch { throw Messages.from(error) }
  }

  static func unlock(
    _ homeOptions: HomeOptions, _ actor: ActorOptions, as kinds: [PrincipalKind],
    _ invocation: Invocation
  ) throws(Message) -> Acting {
    try unlock(locate(homeOptions, actor, as: kinds, invocation), homeOptions, invocation)
  }

  /// A client of walletd for this identity: it trusts the registration
  /// authorities pinned for this home (or in `PSP_REGISTRAR_KEY`), believes
  /// the log as the witnesses set for it confirm it (or `PSP_WITNESS_POLICY`),
  /// and keeps its memory in `state.json`.
  func transport(_ server: ServerOptions, _ invocation: Invocation) throws(Message) -> Transport {
    let state = try HomeState.read(home)
    let registrars = try Registrars.pinned(state, invocation.environment)
    let witnesses = try Witnesses.policy(state, invocation.environment)
    let (home, name) = (self.home, self.name)
    let trust = ClientTrust(
      registrars: registrars, witnesses: witnesses, memory: state[name].trust ?? ClientMemory(),
      onChange: { memory in try? HomeState.update(home, name) { $0.trust = memory } })
    invocation.trustUsed.trust = trust
    return Transport(baseURL: server.url(invocation.environment), identity: identity, trust: trust)
  }

  /// The wallet this citizen opened (from `state.json`); a closed wallet is
  /// said to be closed.
  func walletID() throws(Message) -> WalletID {
    let entry = try HomeState.read(home)[name]
    guard let text = entry.wallet else {
      throw entry.closedWallet == nil ? Messages.noWallet(name) : Messages.walletClosed(name)
    }
    do { return try WalletID(text) } catch { throw Messages.stateDamaged }
  }

  /// The open wallet, else the one closed (its row, log and filings stay
  /// readable).
  func readableWalletID() throws(Message) -> WalletID {
    let entry = try HomeState.read(home)[name]
    guard let text = entry.wallet ?? entry.closedWallet else { throw Messages.noWallet(name) }
    do { return try WalletID(text) } catch { throw Messages.stateDamaged }
  }

  /// The citizen's wallet for reading its log and filings: the open one, else
  /// the one closed (its keys are gone, its log and filings are kept).
  func readableCitizen(_ server: ServerOptions, _ invocation: Invocation) async throws
    -> CitizenClient
  {
    let entry = try HomeState.read(home)[name]
    guard entry.wallet == nil, let closed = entry.closedWallet else {
      return try await citizen(server, invocation)
    }
    let wallet: WalletID
    do { wallet = try WalletID(closed) } catch { throw Messages.stateDamaged }
    return CitizenClient.closed(try transport(server, invocation), wallet: wallet)
  }

  /// The citizen's wallet, its circle keys opened and checked.
  func citizen(_ server: ServerOptions, _ invocation: Invocation) async throws -> CitizenClient {
    let wallet = try walletID()
    return try await CitizenClient.connect(try transport(server, invocation), wallet: wallet)
  }
}
