import Foundation
import Logging
import PSPConsent
import PSPCrypto
import PSPTransparency
import PSPWallet

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// walletd's side of the witnessed log (`spec/log.md` §4–§8). In rounds, it
/// gathers the wallets whose logs grew, moves their heads in the heads map,
/// appends the map root to the epoch log, signs the epoch checkpoint, stores
/// the epoch durably, and asks every witness to cosign it; an epoch counts once
/// `quorum` witnesses did. Answers that serve data or use a one-shot statement
/// wait for the epoch holding their entry and carry its receipt.
///
/// One epoch is in flight at a time: the next is made only once the previous
/// one reached the quorum. If the witnesses have seen more epochs than this
/// database holds (a backup restored), or refuse an epoch as not extending what
/// they saw, walletd stops accepting writes and says why (`blocked`).
///
/// Where several walletd share the database (`WitnessStore.isShared`), one of
/// them leads: it makes, stores and submits the epochs as above, and stores
/// each cosigned note at once. The others follow: they replay each cosigned
/// epoch from the moves stored with it, learn the facts of the entries those
/// moves cover, and answer receipts from that state; a follower takes the
/// lead when it is free (the leader stopped or lost its connection).
public actor LogWitnessing {
  public struct Settings: Sendable {
    public var origin: String
    public var witnesses: [WitnessEndpoint]
    /// Cosignatures an epoch needs; at most the number of witnesses.
    public var quorum: Int
    /// Shortest time between two epochs.
    public var interval: Duration
    /// An idle log asks for fresh cosignatures this often (clients check their age).
    public var heartbeat: Duration
    /// How long an answer waits for its receipt before giving up.
    public var receiptTimeout: Duration

    public init(
      origin: String, witnesses: [WitnessEndpoint], quorum: Int, interval: Duration = .zero,
      heartbeat: Duration = .seconds(30), receiptTimeout: Duration = .seconds(15)
    ) {
      self.origin = origin
      self.witnesses = witnesses
      self.quorum = quorum
      self.interval = interval
      self.heartbeat = heartbeat
      self.receiptTimeout = receiptTimeout
    }
  }

  struct Epoch: Sendable {
    /// The epoch log's size with this epoch (its index + 1).
    let size: Int
    let note: SignedNote
    let request: [UInt8]
  }

  private struct Waiter {
    let wallet: WalletID
    /// The entry to prove; nil for the wallet's head only.
    let index: Int?
    let continuation: CheckedContinuation<String, any Error>
    let deadline: ContinuousClock.Instant
  }

  public nonisolated let facts: LogFacts
  public nonisolated let signer: Ed25519NoteSigner
  nonisolated let settings: Settings
  private nonisolated let blockedReason = Locked<String?>(nil)
  private let store: any WitnessStore
  private let poster = WitnessPoster()
  private let logger: Logger
  private let wake: AsyncStream<Void>.Continuation
  private var stream: AsyncStream<Void>?

  private var tree = HeadsTree()
  private var epochs = EpochTree()
  private var cursor: Int64 = 0
  private var carry = Set<WalletID>()
  /// Made and stored, not yet cosigned by the quorum.
  private var pending: Epoch?
  /// The last epoch at quorum, with the cosignatures gathered.
  private var latest: Epoch?
  private var lastCosigned = ContinuousClock.now
  private var waiters: [Waiter] = []
  private var started = false
  /// The latest cosigned note not stored yet, and whether every witness cosigned it.
  private var unsaved: (epoch: Epoch, everyWitness: Bool)?
  /// The hash trees of the wallet logs touched lately, grown from each
  /// round's new entries (a receipt and a move cost O(log² n), not O(n)).
  private var logs: [WalletID: MerkleLevels] = [:]
  /// The entries read since their receipts were made (each checked against
  /// its leaf), so that a receipt does not read its entry again.
  private var recentEntries: [EntryKey: [UInt8]] = [:]
  private struct EntryKey: Hashable {
    let wallet: WalletID
    let index: Int64
  }
  static let recentEntriesKept = 16_384
  /// An epoch could not be made or stored (the database went away): what is
  /// in memory is read again from the database before the next round.
  private var reloadNeeded = false
  /// This walletd makes the epochs (always, where the log is not shared;
  /// where it is, only once it holds the lead).
  private var leading: Bool
  /// A block stored for the other walletd, or none to store (shared log).
  private var blockToShare: String?
  static let cachedLogs = 4096
  /// How often a walletd sharing its log looks at it when nothing woke it.
  static let sharedTick = Duration.milliseconds(25)
  /// Epochs whose moves are kept after every witness holds them (about 1 KiB
  /// each): the catch-up window of a witness that falls behind.
  static let retainedEpochs = 100_000

  public init(
    settings: Settings, daemonKey: SigningKey, store: any WitnessStore, facts: LogFacts,
    logger: Logger
  ) throws {
    guard settings.quorum >= 0, settings.quorum <= settings.witnesses.count else {
      throw APIError.badRequest("witnessQuorum must be between 0 and the number of witnesses")
    }
    signer = try Ed25519NoteSigner(name: settings.origin, key: daemonKey)
    self.settings = settings
    self.store = store
    self.facts = facts
    self.logger = logger
    leading = !store.isShared
    let (stream, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    self.stream = stream
    self.wake = wake
  }

  /// The log's vkey, for the witnesses' and clients' settings.
  public nonisolated var vkey: String { signer.verifier.vkey }

  /// Why writes are refused now, if they are.
  public nonisolated var blocked: String? { blockedReason.value }

  /// Something was written: a round may have work.
  public nonisolated func poke() { wake.yield() }

  /// Runs the rounds until cancelled.
  public func run() async {
    guard let stream else { return }
    self.stream = nil
    var loaded = false
    do {
      leading = try store.claimLead() != .following
      try load()
      if !leading { carry = [] }
      loaded = true
    } catch {
      if store.isShared {
        // Read again at the next round (the leader may have stored meanwhile).
        logger.error("the witnessed log could not be loaded", metadata: ["error": "\(error)"])
        reloadNeeded = true
      } else {
        block("the witnessed log could not be loaded: \(error)")
      }
    }
    started = true
    // Only from a log read whole: an empty state would look "never seen" to the witnesses.
    if leading, loaded { await heartbeat() }
    // A shared log grows through other walletd too, and a follower's receipts
    // wait for it to see the leader's epoch: looked at more often (each look
    // is two small queries).
    let tick: Duration = store.isShared ? Self.sharedTick : .milliseconds(500)
    // Also ends the waits that ran out while a round is away (asking a
    // witness): the actor takes other calls while a round awaits.
    let ticker = Task { [wake, weak self] in
      while !Task.isCancelled {
        try? await Task.sleep(for: tick)
        wake.yield()
        await self?.expireWaiters()
      }
    }
    defer { ticker.cancel() }
    var iterator = stream.makeAsyncIterator()
    while !Task.isCancelled {
      let worked = await round()
      expireWaiters()
      if !worked {
        guard await iterator.next() != nil else { break }
      } else if settings.interval > .zero {
        try? await Task.sleep(for: settings.interval)
      }
    }
    for waiter in waiters {
      waiter.continuation.resume(throwing: APIError.unavailable("walletd is stopping"))
    }
    waiters = []
    await saveUnsaved()
  }

  // MARK: What answers wait for

  /// The receipt of entry `index` of `wallet`'s log: a tlog-proof under the
  /// first cosigned epoch that holds it (`spec/log.md` §5).
  public func receipt(wallet: WalletID, index: Int) async throws -> String {
    try await wait(wallet: wallet, index: index)
  }

  /// The wallet's head under the latest cosigned epoch.
  public func headProof(wallet: WalletID) async throws -> String {
    if pending == nil, started, let latest, carry.isEmpty, !hasNewEntries(wallet) {
      return try proof(wallet: wallet, index: nil, epoch: latest)
    }
    return try await wait(wallet: wallet, index: nil)
  }

  /// The latest cosigned checkpoint note, if any.
  public func checkpoint() -> [UInt8]? { latest?.note.serialized() }

  private func wait(wallet: WalletID, index: Int?) async throws -> String {
    if let blocked { throw APIError.unavailable(blocked) }
    let deadline = ContinuousClock.now + settings.receiptTimeout
    let answer = try await withCheckedThrowingContinuation { continuation in
      waiters.append(
        Waiter(wallet: wallet, index: index, continuation: continuation, deadline: deadline))
      wake.yield()
    }
    return answer
  }

  /// Whether the wallet's stored log is longer than its head in the map. A
  /// shorter one lost entries: the wallet is marked damaged, and its proof is
  /// the witnessed head, which its entries no longer match.
  private func hasNewEntries(_ wallet: WalletID) -> Bool {
    let head = tree.head(of: HeadsKey(wallet: wallet))?.size ?? 0
    let count = (try? store.logSize(wallet: wallet)) ?? 0
    if UInt64(count) < head {
      facts.markDamaged(wallet, why: "its log no longer extends its witnessed head")
      return false
    }
    return UInt64(count) > head && facts.damage(of: wallet) == nil
  }

  private func expireWaiters() {
    let now = ContinuousClock.now
    waiters.removeAll { waiter in
      guard waiter.deadline <= now else { return false }
      waiter.continuation.resume(
        throwing: APIError.unavailable(blocked ?? "the witnesses did not cosign the log in time"))
      return true
    }
  }

  /// Answers the waiters whose entry (or head) the latest epoch holds.
  private func resolveWaiters() {
    guard let latest, pending == nil else { return }
    waiters.removeAll { waiter in
      let head = tree.head(of: HeadsKey(wallet: waiter.wallet))
      if let index = waiter.index, UInt64(index) >= head?.size ?? 0 { return false }
      if waiter.index == nil, hasNewEntries(waiter.wallet) { return false }
      do {
        waiter.continuation.resume(
          returning: try proof(wallet: waiter.wallet, index: waiter.index, epoch: latest))
      } catch {
        waiter.continuation.resume(throwing: error)
      }
      return true
    }
  }

  /// The tlog-proof of `wallet`'s head (and entry `index`) in `epoch`, which
  /// must be the state of the tree now.
  private func proof(wallet: WalletID, index: Int?, epoch: Epoch) throws -> String {
    let key = HeadsKey(wallet: wallet)
    let heads = tree.proof(key)
    var entry: WalletLogProof.Entry? = nil
    if let index, let head = tree.head(of: key) {
      let levels = try self.levels(of: wallet)
      let size = Int(head.size)
      guard levels.size >= size, index < size, levels.root(size: size) == head.root,
        let bytes = try recentEntries.removeValue(
          forKey: EntryKey(wallet: wallet, index: Int64(index)))
          ?? store.entry(wallet: wallet, index: index),
        MerkleTree.leafHash(bytes) == levels.leafHash(index)
      else { throw APIError.unavailable("this wallet's log is damaged in walletd's database") }
      entry = WalletLogProof.Entry(
        index: UInt64(index), inclusion: levels.inclusionProof(index: index, size: size),
        bytes: bytes)
    }
    let proof = try WalletLogProof(
      wallet: wallet, heads: heads, entry: entry, epoch: epoch.size - 1,
      epochInclusion: epochs.inclusionProof(index: epoch.size - 1, size: epoch.size),
      checkpoint: epoch.note)
    return String(decoding: proof.serialized(), as: UTF8.self)
  }

  /// The hash tree of a wallet's stored log: from the cache, or read whole
  /// (a gap in the indexes or a leaf that is not its entry's hash is kept as
  /// an empty hash, so that it cannot match a head).
  private func levels(of wallet: WalletID) throws -> MerkleLevels {
    if let cached = logs[wallet] { return cached }
    var levels = MerkleLevels()
    for (position, row) in try store.entries(wallet: wallet, from: 0).enumerated() {
      let sound = Int(row.index) == position && MerkleTree.leafHash(row.entry) == row.leaf
      levels.append(leafHash: sound ? row.leaf : [])
    }
    if logs.count >= Self.cachedLogs, let any = logs.keys.first { logs[any] = nil }
    logs[wallet] = levels
    return levels
  }

  // MARK: Start

  /// Forgets the state in memory and loads it again (an epoch stored or not,
  /// its cosignatures gathered again from the witnesses).
  private func reload() throws {
    tree = HeadsTree()
    epochs = EpochTree()
    cursor = 0
    carry = []
    pending = nil
    latest = nil
    unsaved = nil
    logs = [:]
    recentEntries = [:]
    try load()
    // A follower makes no epoch: what is not witnessed yet is the leader's to carry.
    if !leading { carry = [] }
  }

  /// Reads the epochs and heads stored, checks every wallet's log against its
  /// head, and learns the facts of the whole log, all on one state of the database.
  private func load() throws { try store.consistently { try loadStored() } }

  private func loadStored() throws {
    var lastRoot: [UInt8]? = nil
    for row in try store.epochs() {
      let (idx, root, noteBytes) = (row.index, row.mapRoot, row.note)
      guard Int(idx) == epochs.size, root.count == 32 else {
        throw APIError.unavailable("epoch \(epochs.size) is unreadable")
      }
      epochs.append(mapRoot: root)
      lastRoot = root
      // An old epoch every witness holds keeps only its map root.
      if noteBytes.isEmpty { continue }
      guard let note = try? SignedNote.parse(noteBytes) else {
        throw APIError.unavailable("epoch \(idx)'s checkpoint is unreadable")
      }
      let epoch = Epoch(size: epochs.size, note: note, request: row.request ?? [])
      if let cosigned = row.cosigned, let full = try? SignedNote.parse(cosigned) {
        latest = Epoch(size: epoch.size, note: full, request: epoch.request)
        pending = nil
      } else {
        pending = epoch
      }
      guard (try? TlogCheckpoint(text: note.text))?.rootHash == epochs.root else {
        throw APIError.unavailable("epoch \(idx)'s checkpoint does not match the epochs stored")
      }
    }
    let stored = try store.heads()
    for (wallet, size, root) in stored {
      guard let head = try? WalletHead(size: UInt64(size), root: root) else {
        throw APIError.unavailable("a stored head is unreadable")
      }
      tree.set(HeadsKey(wallet: wallet), head)
    }
    guard tree.root == (lastRoot ?? HeadsMap.empty) else {
      throw APIError.unavailable("the heads stored do not give the last epoch's map root")
    }
    // Every wallet's log against its head: entries lost or changed are found here.
    var wallet: WalletID? = nil
    var leaves: [[UInt8]] = []
    func check() {
      guard let wallet else { return }
      let head = tree.head(of: HeadsKey(wallet: wallet))
      let size = Int(head?.size ?? 0)
      if leaves.count < size || (head.map { MerkleTree.root(leaves[..<size]) != $0.root } ?? false)
      {
        facts.markDamaged(wallet, why: "its log no longer extends its witnessed head")
      } else if leaves.count > size {
        carry.insert(wallet)
      }
    }
    for row in try store.allEntries() {
      if row.wallet != wallet {
        check()
        wallet = row.wallet
        leaves = []
      }
      cursor = max(cursor, row.cursor)
      // A gap in the indexes, or a leaf that is not its entry's hash, is damage.
      leaves.append(
        Int(row.index) == leaves.count && MerkleTree.leafHash(row.entry) == row.leaf ? row.leaf : []
      )
      facts.learn(row.entry)
    }
    check()
    // Wallets in the map with no entry left at all.
    let present = try store.walletsWithEntries()
    for (id, _, _) in stored where !present.contains(id) {
      facts.markDamaged(id, why: "its log no longer extends its witnessed head")
    }
    if facts.damagedCount > 0 {
      logger.error(
        "wallet logs that no longer extend their witnessed heads",
        metadata: ["count": "\(facts.damagedCount)"])
    }
  }

  // MARK: Rounds

  /// One round: finish the epoch in flight, or make the next one, or refresh
  /// the cosignatures of an idle log. Returns whether there may be more to do.
  private func round() async -> Bool {
    if blocked != nil {
      await shareBlock()
      return false
    }
    if store.isShared {
      let lead: Lead
      do {
        // A block stored by another walletd holds here too, whatever the role.
        if let reason = try store.blockReason() {
          block(reason)
          return false
        }
        lead = try store.claimLead()
      } catch {
        logger.error(
          "the lead of the witnessed log could not be checked", metadata: ["error": "\(error)"])
        try? await Task.sleep(for: .seconds(1))
        return false
      }
      // Taken again after the connection was lost: someone may have taken
      // entries from the queue meanwhile; the whole log is read again.
      if lead == .regained { reloadNeeded = true }
      if (lead != .following) != leading {
        leading = lead != .following
        reloadNeeded = true
        logger.notice(
          leading
            ? "this walletd makes the witnessed log's epochs now"
            : "another walletd makes the witnessed log's epochs now")
      }
    }
    if reloadNeeded {
      do { try reload() } catch {
        logger.error("reading the witnessed log again failed", metadata: ["error": "\(error)"])
        try? await Task.sleep(for: .seconds(1))
        return false
      }
      reloadNeeded = false
      resolveWaiters()
    }
    if !leading {
      follow()
      return false
    }
    // A cosigned note the followers have not got yet.
    if unsaved != nil { await shareCosigned() }
    if let epoch = pending {
      let done = await submit(epoch)
      if !done {
        try? await Task.sleep(for: .seconds(1))
        return false
      }
      return true
    }
    let moved: [WalletID]
    do { moved = try scan() } catch {
      // Entries may have been taken from the queue and not received.
      logger.error("reading the log failed", metadata: ["error": "\(error)"])
      reloadNeeded = store.isShared
      return false
    }
    let made: Epoch?
    do { made = moved.isEmpty ? nil : try makeEpoch(moved) } catch {
      logger.error(
        "walletd could not make an epoch; reading the stored log again",
        metadata: ["error": "\(error)"])
      reloadNeeded = true
      return false
    }
    guard let epoch = made else {
      resolveWaiters()
      if ContinuousClock.now - lastCosigned >= settings.heartbeat { await heartbeat() }
      return false
    }
    do {
      // In flight from now: no proof is made from the moved tree until the
      // epoch is cosigned (a proof under the previous checkpoint would not verify).
      pending = epoch
      try await persist(epoch, moved: moved)
    } catch {
      // Not blocked: whether the epoch's commit landed or not, the database
      // says, and the next round goes on from what it holds.
      logger.error(
        "walletd could not make or store an epoch; reading the stored log again",
        metadata: ["error": "\(error)"])
      reloadNeeded = true
      return false
    }
    if await submit(pending!) { return true }
    return false
  }

  /// The wallets whose logs grew since the last round (and the facts of the new entries).
  private func scan() throws -> [WalletID] {
    for row in try store.entries(after: cursor, limit: 100_000) {
      cursor = max(cursor, row.cursor)
      carry.insert(row.wallet)
      learn(row)
    }
    let moved = carry.filter { facts.damage(of: $0) == nil }.sorted {
      HeadsKey(wallet: $0) < HeadsKey(wallet: $1)
    }
    return Array(moved.prefix(AddEpochRequest.maximumUpdates))
  }

  /// Learns the facts of a new entry, and grows the wallet's cached tree by
  /// it: a cached tree grows by the entry that follows it; one read after the
  /// cache was filled is already in; anything else: read it again later.
  private func learn(_ row: StoredLogRow) {
    facts.learn(row.entry)
    if MerkleTree.leafHash(row.entry) == row.leaf {
      if recentEntries.count >= Self.recentEntriesKept { recentEntries = [:] }
      recentEntries[EntryKey(wallet: row.wallet, index: row.index)] = row.entry
    }
    if let size = logs[row.wallet]?.size, Int(row.index) >= size {
      if Int(row.index) == size, MerkleTree.leafHash(row.entry) == row.leaf {
        logs[row.wallet]?.append(leafHash: row.leaf)
      } else {
        logs[row.wallet] = nil
      }
    }
  }

  // MARK: Following

  /// A follower's round: every epoch stored since the one held, up to the
  /// newest one cosigned, whose note must verify under the log's key and the
  /// witnesses' quorum and give the epoch tree's root once they are applied.
  /// Anything that does not follow (a gap, moves that do not give an epoch's
  /// map root, a note that does not verify) reads the whole log again.
  private func follow() {
    do {
      let rows = try store.epochs(from: max(epochs.size - 1, 0))
      guard let target = rows.last(where: { $0.cosigned != nil }), let bytes = target.cosigned
      else { return }
      let size = Int(target.index) + 1
      if size == epochs.size, pending == nil, bytes == latest?.note.serialized() { return }
      guard size >= epochs.size else { return }
      let note = try SignedNote.parse(bytes)
      let checkpoint = try TlogPolicy(
        logs: [signer.verifier], witnesses: settings.witnesses.map(\.verifier),
        quorum: settings.quorum
      ).verify(note)
      guard checkpoint.size == size else {
        throw APIError.unavailable("epoch \(size - 1)'s cosigned note is of another size")
      }
      // No proof is made while the tree moves.
      pending = Epoch(size: size, note: note, request: [])
      for row in rows where Int(row.index) >= epochs.size && Int(row.index) < size {
        guard Int(row.index) == epochs.size else {
          throw APIError.unavailable("epoch \(row.index) does not follow epoch \(epochs.size - 1)")
        }
        try replay(row)
      }
      guard epochs.size == size, checkpoint.rootHash == epochs.root else {
        throw APIError.unavailable("epoch \(size - 1)'s note does not match the epochs stored")
      }
      latest = Epoch(size: size, note: note, request: [])
      pending = nil
      resolveWaiters()
    } catch {
      logger.error(
        "following the witnessed log failed; reading it again", metadata: ["error": "\(error)"])
      reloadNeeded = true
    }
  }

  /// Applies one stored epoch: its moves, the facts of the entries they
  /// cover, its map root (an older epoch's note may be gone: every witness
  /// holds a later one).
  private func replay(_ row: StoredEpoch) throws {
    for (wallet, size, root) in try store.moves(epoch: Int(row.index)) {
      let key = HeadsKey(wallet: wallet)
      let old = Int(tree.head(of: key)?.size ?? 0)
      tree.set(key, try WalletHead(size: UInt64(size), root: root))
      for entry in try store.entries(wallet: wallet, from: old) where entry.index < size {
        learn(entry)
      }
    }
    epochs.append(mapRoot: row.mapRoot)
    guard tree.root == row.mapRoot else {
      throw APIError.unavailable("epoch \(row.index) does not follow from its stored moves")
    }
  }

  // MARK: Leading

  /// Moves the heads of `moved` and signs the next epoch's checkpoint; nil
  /// when no head moves (entries taken from a shared queue that the log
  /// read at start already held).
  private func makeEpoch(_ moved: [WalletID]) throws -> Epoch? {
    var updates: [HeadsUpdate] = []
    for wallet in moved {
      carry.remove(wallet)
      let key = HeadsKey(wallet: wallet)
      let levels = try self.levels(of: wallet)
      let old = tree.head(of: key)
      let oldSize = Int(old?.size ?? 0)
      guard levels.size >= oldSize, old.map({ levels.root(size: oldSize) == $0.root }) ?? true
      else {
        facts.markDamaged(wallet, why: "its log no longer extends its witnessed head")
        logs[wallet] = nil
        logger.error(
          "a wallet's log no longer extends its witnessed head; it is left out of the epoch")
        continue
      }
      if levels.size == oldSize { continue }
      let head = try WalletHead(size: UInt64(levels.size), root: levels.root)
      let consistency =
        old == nil ? [] : levels.consistencyProof(oldSize: oldSize, newSize: levels.size)
      updates.append(
        try HeadsUpdate(key: key, before: tree.proof(key), head: head, consistency: consistency))
      tree.set(key, head)
    }
    if updates.isEmpty { return nil }
    epochs.append(mapRoot: tree.root)
    let size = epochs.size
    let checkpoint = try TlogCheckpoint(origin: settings.origin, size: size, rootHash: epochs.root)
    let note = try signer.sign(checkpoint.text)
    let request = try AddEpochRequest(
      updates: updates,
      checkpoint: AddCheckpointRequest(
        oldSize: size - 1,
        consistencyProof: epochs.consistencyProof(oldSize: size - 1, newSize: size), note: note))
    return Epoch(size: size, note: note, request: request.serialized())
  }

  private func persist(_ epoch: Epoch, moved: [WalletID]) async throws {
    let heads = moved.compactMap { wallet in
      tree.head(of: HeadsKey(wallet: wallet)).map { (wallet, Int64($0.size), $0.root) }
    }
    let previous = unsaved.map(Self.cosignedNote)
    unsaved = nil
    try await store.storeEpoch(
      StoredEpoch(
        index: Int64(epoch.size - 1), mapRoot: tree.root, note: epoch.note.serialized(),
        cosigned: nil, request: epoch.request),
      heads: heads, previous: previous)
  }

  private static func cosignedNote(_ unsaved: (epoch: Epoch, everyWitness: Bool)) -> CosignedNote {
    CosignedNote(
      epoch: Int64(unsaved.epoch.size - 1), note: unsaved.epoch.note.serialized(),
      everyWitness: unsaved.everyWitness, retainedEpochs: Int64(retainedEpochs))
  }

  /// Stores the latest cosigned note (walletd is stopping).
  private func saveUnsaved() async {
    guard let unsaved else { return }
    self.unsaved = nil
    try? await store.storeCosigned(Self.cosignedNote(unsaved))
  }

  /// Asks every witness to cosign `epoch`; true once the quorum did.
  private func submit(_ epoch: Epoch) async -> Bool {
    let cosignatures = await gather(epoch, refresh: false)
    guard blocked == nil else { return false }
    guard cosignatures.count >= settings.quorum else {
      logger.warning(
        "an epoch lacks cosignatures",
        metadata: [
          "epoch": "\(epoch.size)", "cosigned": "\(cosignatures.count)",
          "quorum": "\(settings.quorum)",
        ])
      return false
    }
    guard let full = try? epoch.note.adding(cosignatures) else { return false }
    let cosigned = Epoch(size: epoch.size, note: full, request: epoch.request)
    // The cosigned note is stored with the next epoch, not in a commit of its
    // own: after a crash the witnesses give it again (they hold the epoch).
    // Where the log is shared, at once: the followers answer from it.
    unsaved = (cosigned, cosignatures.count == settings.witnesses.count)
    latest = cosigned
    pending = nil
    lastCosigned = ContinuousClock.now
    resolveWaiters()
    await shareCosigned()
    return true
  }

  /// Stores the latest cosigned note now, where followers read it.
  private func shareCosigned() async {
    guard store.isShared, let unsaved else { return }
    do {
      try await store.storeCosigned(Self.cosignedNote(unsaved))
      if self.unsaved?.epoch.note.serialized() == unsaved.epoch.note.serialized() {
        self.unsaved = nil
      }
    } catch {
      logger.warning(
        "a cosigned note could not be stored yet; it goes with the next epoch",
        metadata: ["error": "\(error)"])
    }
  }

  /// Fresh cosignatures of the latest epoch (an idle log, and at start: this
  /// is how a restored walletd learns it is behind the witnesses).
  private func heartbeat() async {
    lastCosigned = ContinuousClock.now
    guard let latest, pending == nil else {
      if latest == nil, pending == nil { await checkNeverSeen() }
      return
    }
    let cosignatures = await gather(latest, refresh: true)
    guard cosignatures.count >= settings.quorum, blocked == nil,
      let logSignatures = try? latest.note.verify(by: [signer.verifier]),
      let note = try? SignedNote(text: latest.note.text, signatures: logSignatures + cosignatures)
    else { return }
    let refreshed = Epoch(size: latest.size, note: note, request: latest.request)
    self.latest = refreshed
    if store.isShared {
      unsaved = (refreshed, cosignatures.count == settings.witnesses.count)
      await shareCosigned()
    }
  }

  /// A database with no epoch while the witnesses hold some: restored from
  /// before the first epoch, or a new database under a key already witnessed.
  private func checkNeverSeen() async {
    guard !settings.witnesses.isEmpty,
      let empty = try? TlogCheckpoint(
        origin: settings.origin, size: 0, rootHash: MerkleTree.root([])),
      let note = try? signer.sign(empty.text),
      let body = try? AddCheckpointRequest(oldSize: 0, consistencyProof: [], note: note)
        .serialized()
    else { return }
    for witness in settings.witnesses {
      guard let answer = await poster.post(witness.url + "/add-checkpoint", body),
        answer.status == 409,
        let size = Self.size(answer.body), size > 0, let shown = await evidence(from: witness),
        shown.size > 0
      else { continue }
      await blockEverywhere(Self.behind(witness: witness, size: shown.size, ours: 0))
      return
    }
  }

  /// The cosignatures of `epoch` by the witnesses that give one.
  private func gather(_ epoch: Epoch, refresh: Bool) async -> [NoteSignature] {
    let (poster, store, witnesses) = (poster, store, settings.witnesses)
    let outcomes = await withTaskGroup(of: Outcome.self) { group in
      for witness in witnesses {
        group.addTask {
          await Self.cosign(
            epoch, by: witness, refresh: refresh, poster: poster, store: store)
        }
      }
      var all: [Outcome] = []
      for await outcome in group { all.append(outcome) }
      return all
    }
    var cosignatures: [NoteSignature] = []
    for outcome in outcomes {
      switch outcome {
      case .cosigned(let signature): cosignatures.append(signature)
      case .ahead(let witness, let size):
        // Believed only with the witness's own checkpoint, signed by this
        // log's key and cosigned by that witness: a bare number proves nothing.
        if let shown = await evidence(from: witness), shown.size > epoch.size {
          await blockEverywhere(Self.behind(witness: witness, size: shown.size, ours: epoch.size))
        } else {
          logger.error(
            "a witness claims a longer log without showing it",
            metadata: ["witness": "\(witness.url)", "size": "\(size)"])
        }
      case .refused(let witness, let status, let why):
        logger.error(
          "a witness refused the log's epoch",
          metadata: [
            "witness": "\(witness.url)", "status": "\(status)", "why": "\(why)",
            "epoch": "\(epoch.size)",
          ])
        // A refusal blocks walletd only if the witness shows a checkpoint of
        // this log that this database does not hold (a fork or a later state).
        if status == 422 || status == 409, let shown = await evidence(from: witness),
          shown.size > epochs.size || shown.rootHash != epochs.root(size: shown.size)
        {
          await blockEverywhere(
            "the witness \(witness.verifier.name) holds a checkpoint of this log (size \(shown.size)) that this "
              + "database does not: it is older than, or forked from, what the witnesses saw; walletd refuses writes "
              + "until the database is recovered")
        }
      case .unreachable(let witness):
        logger.warning("a witness did not answer", metadata: ["witness": "\(witness.url)"])
      }
    }
    return cosignatures
  }

  /// The latest checkpoint `witness` cosigned for this log, if it shows one
  /// signed by this log's key and cosigned by itself.
  private func evidence(from witness: WitnessEndpoint) async -> TlogCheckpoint? {
    let hash = Encoding.hex(SHA256.hash(Array(settings.origin.utf8)))
    guard let answer = await poster.get(witness.url + "/\(hash)/checkpoint"), answer.status == 200,
      let note = try? SignedNote.parse(answer.body),
      let policy = try? TlogPolicy(
        logs: [signer.verifier], witnesses: [witness.verifier], quorum: 1)
    else { return nil }
    return try? policy.verify(note)
  }

  enum Outcome: Sendable {
    case cosigned(NoteSignature)
    case ahead(WitnessEndpoint, Int)
    case refused(WitnessEndpoint, Int, String)
    case unreachable(WitnessEndpoint)
  }

  /// One witness: the epoch (catching it up first if it is behind), or for a
  /// refresh, the same checkpoint again.
  private static func cosign(
    _ epoch: Epoch, by witness: WitnessEndpoint, refresh: Bool, poster: WitnessPoster,
    store: any WitnessStore
  ) async -> Outcome {
    let plain =
      (try? AddCheckpointRequest(oldSize: epoch.size, consistencyProof: [], note: epoch.note))
      .map { $0.serialized() }
    var answer: WitnessAnswer?
    if refresh {
      guard let plain else { return .refused(witness, 0, "the checkpoint could not be written") }
      answer = await poster.post(witness.url + "/add-checkpoint", plain)
    } else {
      answer = await poster.post(witness.url + "/psp-v1/add-epoch", epoch.request)
    }
    guard var current = answer else { return .unreachable(witness) }
    if current.status == 409, let size = size(current.body) {
      if size > epoch.size { return .ahead(witness, size) }
      if size == epoch.size, !refresh, let plain {
        // It holds this epoch already (walletd stopped before storing its cosignature).
        guard let again = await poster.post(witness.url + "/add-checkpoint", plain) else {
          return .unreachable(witness)
        }
        current = again
      } else if size < epoch.size {
        // Behind: replay the stored epochs it lacks, one by one, then this one.
        for idx in (size + 1)...epoch.size {
          let body: [UInt8]?
          if idx == epoch.size, !refresh {
            body = epoch.request
          } else {
            body = try? store.epochRequest(idx - 1)
          }
          guard let body, !body.isEmpty else {
            return .refused(witness, 0, "epoch \(idx) is no longer stored")
          }
          guard let step = await poster.post(witness.url + "/psp-v1/add-epoch", body) else {
            return .unreachable(witness)
          }
          current = step
          guard step.status == 200 else { break }
        }
        if refresh, current.status == 200, let plain {
          guard let again = await poster.post(witness.url + "/add-checkpoint", plain) else {
            return .unreachable(witness)
          }
          current = again
        }
      }
    }
    guard current.status == 200 else {
      return .refused(
        witness, current.status, String(decoding: current.body.prefix(300), as: UTF8.self))
    }
    guard let lines = try? NoteSignature.parseLines(current.body),
      let signature = lines.first(where: {
        $0.isFrom(name: witness.verifier.name, keyID: witness.verifier.keyID)
      }),
      witness.verifier.isValid(signature: signature.signature, over: Array(epoch.note.text.utf8))
    else { return .refused(witness, current.status, "the cosignature does not verify") }
    return .cosigned(signature)
  }

  /// A witness's 409 body: a decimal without leading zeroes, then a newline.
  static func size(_ body: [UInt8]) -> Int? {
    guard body.last == 0x0A, body.count >= 2, body.count <= 20 else { return nil }
    let digits = body.dropLast()
    guard digits.allSatisfy({ (0x30...0x39).contains($0) }),
      digits.first != 0x30 || digits.count == 1
    else {
      return nil
    }
    return Int(String(decoding: digits, as: UTF8.self))
  }

  static func behind(witness: WitnessEndpoint, size: Int, ours: Int) -> String {
    "the witness \(witness.verifier.name) has seen \(size) epochs of this log, this database holds \(ours): "
      + "it is older than what the witnesses saw (restored from a backup?); walletd refuses writes until the "
      + "database is recovered"
  }

  private func block(_ why: String) {
    guard blockedReason.value == nil else { return }
    blockedReason.value = why
    logger.critical("walletd refuses writes", metadata: ["why": "\(why)"])
    for waiter in waiters { waiter.continuation.resume(throwing: APIError.unavailable(why)) }
    waiters = []
  }

  /// A block the witnesses showed: where the log is shared, stored, so that
  /// every walletd of the database refuses writes too.
  private func blockEverywhere(_ why: String) async {
    guard blockedReason.value == nil else { return }
    block(why)
    guard store.isShared else { return }
    blockToShare = why
    await shareBlock()
  }

  /// Stores the block for the other walletd, until it is stored.
  private func shareBlock() async {
    guard let why = blockToShare else { return }
    do {
      try await store.storeBlock(why)
      blockToShare = nil
    } catch {
      logger.error(
        "the block could not be stored for the other walletd yet", metadata: ["error": "\(error)"])
      try? await Task.sleep(for: .seconds(1))
    }
  }
}

/// A value behind a lock, readable from any thread.
final class Locked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value

  init(_ value: Value) { stored = value }

  var value: Value {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
