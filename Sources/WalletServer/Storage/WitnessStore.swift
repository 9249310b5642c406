import PSPWallet

/// What the witnessed log (`LogWitnessing`) reads and writes: the wallets'
/// log entries, the epochs and the heads map. Reads are synchronous: the
/// witnessing actor reads between two of its own state changes and must not
/// be re-entered in between (an engine whose reads wait on the network does
/// so on the actor's thread).
public protocol WitnessStore: Sendable {
  /// The number of entries stored in `wallet`'s log.
  func logSize(wallet: WalletID) throws -> Int
  /// Entry `index` of `wallet`'s log, as stored.
  func entry(wallet: WalletID, index: Int) throws -> [UInt8]?
  /// `wallet`'s log from entry `index` on, in index order.
  func entries(wallet: WalletID, from index: Int) throws -> [StoredLogRow]
  /// Every log entry, wallet by wallet, each wallet's in index order.
  func allEntries() throws -> [StoredLogRow]
  /// The wallets that have at least one entry.
  func walletsWithEntries() throws -> Set<WalletID>
  /// Entries stored after `cursor` (0 at start; `allEntries`' rows carry
  /// theirs), at most `limit`, in the order they were stored. Where several
  /// walletd share the log, the entries appended since the last call, taken
  /// from the queue every walletd appends to (`cursor` is not used).
  func entries(after cursor: Int64, limit: Int) throws -> [StoredLogRow]

  /// Whether several walletd share this log: one makes the epochs (it leads),
  /// the others follow the epochs it stores.
  var isShared: Bool { get }
  /// Takes the lead, or keeps it: whether this walletd makes the epochs now
  /// (always, where the log is not shared).
  func claimLead() throws -> Lead
  /// The epochs from `index` on, in order.
  func epochs(from index: Int) throws -> [StoredEpoch]
  /// The heads epoch `index` moved (kept where the log is shared).
  func moves(epoch index: Int) throws -> [(wallet: WalletID, size: Int64, root: [UInt8])]
  /// Why the log refuses writes, if the walletd that leads said so.
  func blockReason() throws -> String?
  func storeBlock(_ reason: String) async throws

  /// Runs `body`'s reads on one state of the database (where other walletd
  /// may store epochs meanwhile).
  func consistently<R>(_ body: () throws -> R) throws -> R
  /// The epochs stored, in order.
  func epochs() throws -> [StoredEpoch]
  /// The heads map as last stored.
  func heads() throws -> [(wallet: WalletID, size: Int64, root: [UInt8])]
  /// The add-epoch request of epoch `index`, while it is kept.
  func epochRequest(_ index: Int) throws -> [UInt8]?

  /// Stores an epoch and the heads it moved, durably, with the cosigned note
  /// of the previous epoch if it is not stored yet.
  func storeEpoch(
    _ epoch: StoredEpoch, heads: [(wallet: WalletID, size: Int64, root: [UInt8])],
    previous: CosignedNote?
  ) async throws
  /// Stores a cosigned note (walletd stopping).
  func storeCosigned(_ note: CosignedNote) async throws
}

/// One stored log entry; `cursor` orders the entries as they were stored.
public struct StoredLogRow: Sendable {
  public let cursor: Int64
  public let wallet: WalletID
  public let index: Int64
  public let entry: [UInt8]
  public let leaf: [UInt8]
}

/// One stored epoch. `note` is empty once every witness holds a later epoch;
/// `request` is dropped after the catch-up window.
public struct StoredEpoch: Sendable {
  public let index: Int64
  public let mapRoot: [UInt8]
  public let note: [UInt8]
  public let cosigned: [UInt8]?
  public let request: [UInt8]?
}

/// An epoch's note with the witnesses' cosignatures. Once every witness
/// cosigned it, the older notes and, beyond `retainedEpochs`, the older
/// requests are dropped.
public struct CosignedNote: Sendable {
  public let epoch: Int64
  public let note: [UInt8]
  public let everyWitness: Bool
  public let retainedEpochs: Int64
}

/// Whether this walletd makes the witnessed log's epochs.
public enum Lead: Sendable, Equatable {
  /// Another walletd does.
  case following
  /// This one does, without a break since it took the lead.
  case leading
  /// This one does, but its connection was lost and the lead taken again:
  /// another walletd may have led meanwhile.
  case regained
}
