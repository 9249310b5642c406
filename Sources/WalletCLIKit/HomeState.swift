import Foundation
import WalletClient

/// What wallet-cli remembers between runs, per identity, in `state.json`: the
/// wallet a citizen opened, the last access-log checkpoint that verified (so
/// the next verification proves the log only grew), and, for an
/// administration, the citizens' public encryption keys learnt from reads (to
/// seal a decision's motivation), and each identity's trust memory (the keys of
/// the administrations it sealed to, the manifests it saw, the revocations it
/// signed: `ClientMemory`). Beside them, for the whole home (the installation),
/// the registration authorities' keys pinned with `wallet-cli trust registrar`
/// and the witnesses of walletd's log set with `wallet-cli trust witnesses`.
/// No secret and no field value is ever here; names are sealed (`NameBook`).
struct HomeState: Codable, Equatable {
  struct Entry: Codable, Equatable {
    var wallet: String?
    /// The wallet this citizen closed: its log and filings stay readable
    /// for the retention period, and a new wallet is opened only on an
    /// explicit choice.
    var closedWallet: String?
    /// The wallet's head proof (a tlog-proof) from the last check of the
    /// log that found it intact: the next check proves the log only grew.
    var checkpoint: String?
    var citizenKeys: [String: String]?
    var trust: ClientMemory?
    /// For a trusted person: the wallets they act for (wallet number →
    /// the reference `PSP-…`, which carries the owner's key id), learnt when
    /// a procuration to them verified under the owner's key.
    var actsFor: [String: String]?
    /// For a trusted person: each wallet's head proof from the last check of
    /// its log that found it intact (wallet number → tlog-proof).
    var checkpoints: [String: String]?
    /// The names this person gave to the keys they deal with (key id →
    /// name), sealed to their own X25519 key (`NameBook`): never in clear
    /// on disk, never sent to walletd.
    var names: String?
  }

  static let format = "psp-cli-state/1"
  var format = Self.format
  /// `k4.public` keys of the registration authorities this installation trusts.
  var registrars: [String]?
  /// walletd's log key and the witnesses this installation believes (a file
  /// written before they existed reads without them).
  var witnesses: WitnessPolicy?
  var identities: [String: Entry] = [:]

  subscript(name: String) -> Entry {
    get { identities[name] ?? Entry() }
    set { identities[name] = newValue }
  }

  static func read(_ home: Home) throws(Message) -> HomeState {
    guard FileManager.default.fileExists(atPath: home.stateURL.path) else { return HomeState() }
    guard let data = try? Data(contentsOf: home.stateURL),
      let state = try? JSONDecoder().decode(HomeState.self, from: data), state.format == Self.format
    else { throw Messages.stateDamaged }
    return state
  }

  /// Written whole and renamed into place: a crash leaves the old file or the
  /// new one.
  func write(_ home: Home) throws(Message) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else { throw Messages.stateDamaged }
    try home.createIfNeeded()
    try AtomicFile.write(data, to: home.stateURL)
  }

  /// Reads, changes and writes the state of one identity.
  static func update(_ home: Home, _ name: String, _ change: (inout Entry) -> Void) throws(Message)
  {
    var state = try read(home)
    change(&state[name])
    try state.write(home)
  }
}

/// A file written with mode 0600 from the start and renamed into place.
enum AtomicFile {
  /// Written to a temporary file created 0600 by open(2) itself (never readable
  /// by others, not even for a moment), synced, then renamed over the target.
  static func write(_ data: Data, to url: URL) throws(Message) {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else { throw Messages.fileUnwritable }
    let bytes = [UInt8](data)
    let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    let synced = fsync(fd) == 0
    close(fd)
    guard written == bytes.count, synced, rename(temporary.path, url.path) == 0 else {
      unlink(temporary.path)
      throw Messages.fileUnwritable
    }
  }
}
