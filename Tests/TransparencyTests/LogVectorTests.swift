import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing

@testable import PSPTransparency

/// The vectors of the witnessed log (`spec/vectors/psp-log-v1.json`,
/// `spec/log.md` §12): a fixed history of three wallets over three epochs,
/// played by the code from fixed inputs (keys from fixed seeds, fixed wallet
/// ids, entries, times; nothing drawn). The test regenerates every value and
/// compares it, string for string, with the committed file; then verifies
/// each committed value with the library (a witness replays the three
/// add-epoch bodies, the receipts verify under the policy), refuses every
/// `expect-fail` case, and refuses tampered copies. The values were also
/// recomputed from the spec's text alone by `spec/vectors/check_psp_log_v1.py`.
/// To regenerate after a deliberate format change:
/// PSP_WRITE_VECTORS=1 swift test --filter LogVectorTests
@Suite("Log vectors")
struct LogVectorTests {
  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("spec/vectors/psp-log-v1.json")

  struct Vector: Codable, Equatable {
    let name: String
    let expectFail: Bool
    let inputs: [String: String]
    let output: String

    enum CodingKeys: String, CodingKey {
      case name, inputs, output
      case expectFail = "expect-fail"
    }
  }

  struct Wallet: Codable, Equatable {
    /// 16 bytes, lowercase hex.
    let id: String
    /// The canonical bytes of each entry, as text (they are ASCII JSON).
    let entries: [String]
  }

  struct Witness: Codable, Equatable {
    let name: String
    /// The 32-byte Ed25519 seed, hex.
    let seed: String
    /// The cosignature timestamp of the vectors, decimal.
    let timestamp: String
  }

  struct Setup: Codable, Equatable {
    let logOrigin: String
    let logSeed: String
    let witnesses: [Witness]
    let wallets: [String: Wallet]
    /// For each epoch, the wallets that move and their log sizes after it.
    let epochs: [[String: Int]]
    /// Wallets that are in no epoch (hex), for proofs of absence.
    let absent: [String: String]

    enum CodingKeys: String, CodingKey {
      case witnesses, wallets, epochs, absent
      case logOrigin = "log-origin"
      case logSeed = "log-seed"
    }
  }

  struct File: Codable, Equatable {
    let name: String
    let note: String
    let setup: Setup
    let tests: [Vector]
  }

  // MARK: The fixed history

  static let origin = "psp.lu/walletd"
  static let witnessNames = ["witness.example.lu/w1", "witness.example.lu/w2"]
  static let witnessSeeds: [UInt8] = [0x05, 0x06]
  static let witnessTimes: [UInt64] = [1_790_000_000, 1_790_000_030]
  /// A: 000102…0f, B: 101112…1f, C: 303132…3f; absent D: 202122…2f, E: c0c1c2…cf.
  static let walletBytes: [String: [UInt8]] = [
    "A": Array(0x00..<0x10), "B": Array(0x10..<0x20), "C": Array(0x30..<0x40),
  ]
  static let absentBytes: [String: [UInt8]] = ["D": Array(0x20..<0x30), "E": Array(0xC0..<0xD0)]
  static let epochMoves: [[String: Int]] = [["A": 3, "B": 2], ["A": 5, "C": 1], ["B": 4]]
  static let grant = "AAAAAAAAAAAAAAAAAAAAAA"

  static func seedKey(_ byte: UInt8) throws -> SigningKey {
    try SigningKey(seed: SecureBytes(copying: [UInt8](repeating: byte, count: 32)))
  }

  static func hex(_ bytes: [UInt8]) -> String { Encoding.hex(bytes) }
  static func seedHex(_ byte: UInt8) -> String { String(repeating: Encoding.hex([byte]), count: 32) }

  /// The wallets' entries: real access log entries (citizen seed 1, the FNS seed 2).
  static func entries() throws -> [String: [[UInt8]]] {
    let citizen = Paserk.identifier(of: try seedKey(1).publicKey)
    let fns = Paserk.identifier(of: try seedKey(2).publicKey)
    let grant = try StatementID(Self.grant)
    func at(_ i: Int64) -> Int64 { 1_790_000_000 + 60 * i }
    let a = try WalletID(bytes: walletBytes["A"]!)
    let b = try WalletID(bytes: walletBytes["B"]!)
    let c = try WalletID(bytes: walletBytes["C"]!)
    let list: [String: [AccessLogEntry]] = [
      "A": [
        AccessLogEntry(at: at(0), wallet: a, actor: citizen, role: .citizen, action: .walletOpened),
        AccessLogEntry(
          at: at(1), wallet: a, actor: citizen, role: .citizen, action: .grantIssued,
          purpose: "allocation-vie-chere", fields: ["address", "iban"], grant: grant),
        AccessLogEntry(
          at: at(2), wallet: a, actor: fns, role: .administration, action: .fieldsRead,
          purpose: "allocation-vie-chere", fields: ["address", "iban"], grant: grant),
        AccessLogEntry(at: at(3), wallet: a, actor: citizen, role: .citizen, action: .fieldUpdated, fields: ["iban"]),
        AccessLogEntry(
          at: at(4), wallet: a, actor: fns, role: .administration, action: .fieldsRead,
          purpose: "allocation-vie-chere", fields: ["iban"], grant: grant),
      ],
      "B": [
        AccessLogEntry(at: at(0), wallet: b, actor: citizen, role: .citizen, action: .walletOpened),
        AccessLogEntry(at: at(1), wallet: b, actor: citizen, role: .citizen, action: .fieldUpdated, fields: ["surname"]),
        AccessLogEntry(at: at(2), wallet: b, actor: citizen, role: .citizen, action: .fieldUpdated, fields: ["address"]),
        AccessLogEntry(at: at(3), wallet: b, actor: citizen, role: .citizen, action: .walletClosed),
      ],
      "C": [AccessLogEntry(at: at(0), wallet: c, actor: citizen, role: .citizen, action: .walletOpened)],
    ]
    return list.mapValues { $0.map { $0.canonicalBytes() } }
  }

  /// walletd's side, played as `LogWitnessing.makeEpoch` does: each epoch
  /// moves its wallets in ascending order of heads key, each update's proof
  /// taken from the map as the moves before it left it.
  struct History {
    let signer: Ed25519NoteSigner
    let entries: [String: [[UInt8]]]
    let tree = HeadsTree()
    var epochs = EpochTree()
    var sizes: [String: Int] = [:]
    var mapRoots: [[UInt8]] = []
    var requests: [AddEpochRequest] = []
    var notes: [SignedNote] = []

    init() throws {
      signer = try Ed25519NoteSigner(name: LogVectorTests.origin, key: try LogVectorTests.seedKey(3))
      entries = try LogVectorTests.entries()
      for moves in LogVectorTests.epochMoves {
        let ordered = moves.sorted { key($0.key) < key($1.key) }
        var updates: [HeadsUpdate] = []
        for (name, size) in ordered {
          let old = sizes[name]
          updates.append(
            try HeadsUpdate(
              key: key(name), before: tree.proof(key(name)), head: head(name, size),
              consistency: old.map { consistency(name, from: $0, to: size) } ?? []))
          tree.set(key(name), head(name, size))
          sizes[name] = size
        }
        epochs.append(mapRoot: tree.root)
        mapRoots.append(tree.root)
        let note = try signer.sign(try checkpoint(epochs.size).text)
        notes.append(note)
        requests.append(
          try AddEpochRequest(
            updates: updates,
            checkpoint: AddCheckpointRequest(
              oldSize: epochs.size - 1, consistencyProof: epochs.consistencyProof(oldSize: epochs.size - 1, newSize: epochs.size),
              note: note)))
      }
    }

    func wallet(_ name: String) -> WalletID { try! WalletID(bytes: LogVectorTests.walletBytes[name]!) }
    func key(_ name: String) -> HeadsKey { HeadsKey(wallet: wallet(name)) }
    func leaves(_ name: String) -> [[UInt8]] { entries[name]!.map(MerkleTree.leafHash) }
    func head(_ name: String, _ size: Int) -> WalletHead { WalletHead(leaves: leaves(name)[0..<size]) }
    func consistency(_ name: String, from old: Int, to new: Int) -> [[UInt8]] {
      MerkleTree.consistencyProof(oldSize: old, leaves: leaves(name)[0..<new])
    }
    func checkpoint(_ size: Int) throws -> TlogCheckpoint {
      try TlogCheckpoint(origin: LogVectorTests.origin, size: size, rootHash: epochs.root(size: size))
    }
  }

  static func witnesses() throws -> [CosignatureV1Signer] {
    try zip(witnessNames, witnessSeeds).map { try CosignatureV1Signer(name: $0, key: try seedKey($1)) }
  }

  /// The last checkpoint cosigned by both witnesses, at their fixed times.
  static func cosigned(_ history: History) throws -> SignedNote {
    let note = history.notes.last!
    let lines = try zip(try witnesses(), witnessTimes).map { try $0.cosign(note.text, timestamp: $1) }
    return try note.adding(lines)
  }

  static func receipt(_ history: History, _ note: SignedNote, wallet name: String, index: Int?) throws -> WalletLogProof {
    let size = history.sizes[name]!
    let entry = index.map {
      WalletLogProof.Entry(
        index: UInt64($0), inclusion: MerkleTree.inclusionProof(index: $0, leaves: history.leaves(name)[0..<size]),
        bytes: history.entries[name]![$0])
    }
    let last = history.epochs.size - 1
    return try WalletLogProof(
      wallet: history.wallet(name), heads: history.tree.proof(history.key(name)), entry: entry, epoch: last,
      epochInclusion: history.epochs.inclusionProof(index: last, size: last + 1), checkpoint: note)
  }

  static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  static func generate() throws -> File {
    let history = try History()
    var tests: [Vector] = []
    func add(_ name: String, _ inputs: [String: String], _ output: String, fail: Bool = false) {
      tests.append(Vector(name: name, expectFail: fail, inputs: inputs, output: output))
    }
    let logSeed = seedHex(3)
    add("log-vkey", ["seed": logSeed, "origin": origin], history.signer.verifier.vkey)
    let signers = try witnesses()
    for (i, signer) in signers.enumerated() {
      add("witness-vkey-w\(i + 1)", ["seed": seedHex(witnessSeeds[i]), "name": signer.name], signer.vkey)
    }
    // The heads map: keys, the final heads, their leaves.
    for name in ["A", "B", "C"] {
      let size = history.sizes[name]!
      add("heads-key-\(name)", ["wallet": hex(walletBytes[name]!)], hex(history.key(name).bytes))
      add("wallet-root-\(name)", ["wallet": name, "size": "\(size)"], hex(history.head(name, size).root))
      add(
        "heads-leaf-\(name)", ["wallet": name, "size": "\(size)"],
        hex(HeadsMap.leafHash(history.key(name), history.head(name, size))))
    }
    for (i, root) in history.mapRoots.enumerated() {
      add("map-root-epoch-\(i)", ["epoch": "\(i)"], hex(root))
    }
    for size in 1...history.epochs.size {
      add("epoch-root-size-\(size)", ["size": "\(size)"], hex(history.epochs.root(size: size)))
    }
    var frontier = EpochFrontier()
    for root in history.mapRoots { frontier.append(mapRoot: root) }
    add("witness-frontier-size-3", ["size": "3"], hex(frontier.encoded()))
    // Checkpoints and cosignatures.
    for (i, note) in history.notes.enumerated() {
      add("checkpoint-note-size-\(i + 1)", ["size": "\(i + 1)", "log-seed": logSeed], string(note.serialized()))
    }
    let note = history.notes.last!
    for (i, signer) in signers.enumerated() {
      add(
        "cosignature-w\(i + 1)-size-3", ["witness": signer.name, "timestamp": "\(witnessTimes[i])"],
        try signer.cosign(note.text, timestamp: witnessTimes[i]).line)
    }
    let cosigned = try Self.cosigned(history)
    add("checkpoint-cosigned-size-3", ["size": "3"], string(cosigned.serialized()))
    // The witness protocol: every epoch's body, and one update byte by byte.
    for (i, request) in history.requests.enumerated() {
      add("add-epoch-\(i)", ["old": "\(i)", "size": "\(i + 1)"], string(request.serialized()))
    }
    add("heads-update-epoch-0-B", ["epoch": "0", "wallet": "B"], hex(history.requests[0].updates[1].encoded()))
    // Heads proofs in the map after epoch 2: a member, an empty subtree, another wallet.
    add("heads-proof-A", ["wallet": "A", "epoch": "2"], hex(history.tree.proof(history.key("A")).encoded()))
    for name in ["D", "E"] {
      let key = HeadsKey(wallet: try WalletID(bytes: absentBytes[name]!))
      add("heads-proof-absent-\(name)", ["wallet": name, "epoch": "2"], hex(history.tree.proof(key).encoded()))
    }
    // Proofs of a wallet's log: a receipt (entry 4 of A), a head proof (B).
    let receipt = try Self.receipt(history, cosigned, wallet: "A", index: 4)
    add("receipt-A-4", ["wallet": "A", "index": "4", "epoch": "2"], string(receipt.serialized()))
    add("receipt-A-4-extra", ["wallet": "A", "index": "4"], hex(receipt.proof.extra!))
    let headProof = try Self.receipt(history, cosigned, wallet: "B", index: nil)
    add("head-proof-B", ["wallet": "B", "epoch": "2"], string(headProof.serialized()))
    // Refusals.
    var changed = history.entries["A"]![4]
    changed[changed.count - 3] ^= 0x01
    let tampered = try WalletLogProof(
      wallet: receipt.wallet, heads: receipt.heads,
      entry: .init(index: 4, inclusion: receipt.entry!.inclusion, bytes: changed), epoch: 2,
      epochInclusion: receipt.proof.inclusionProof, checkpoint: cosigned)
    add(
      "receipt-A-4-entry-changed", ["wallet": "A", "reason": "the entry is not leaf 4 of the wallet's head"],
      string(tampered.serialized()), fail: true)
    add(
      "receipt-A-4-as-wallet-B", ["wallet": "B", "reason": "the proof is for another wallet"],
      string(receipt.serialized()), fail: true)
    let badTime = try NoteSignature(
      name: signers[0].name, keyID: signers[0].keyID,
      signature: try signers[0].cosign(note.text, timestamp: witnessTimes[0]).signature.enumerated().map {
        $0.offset == 7 ? $0.element ^ 0x01 : $0.element
      })
    add(
      "cosignature-w1-size-3-time-changed", ["witness": signers[0].name, "reason": "the signature does not verify"],
      badTime.line, fail: true)
    add(
      "add-epoch-2-head-shrinks", ["old": "2", "reason": "422: B's head moves from 2 entries to 1"],
      string(try forgedEpoch(history, head: history.head("B", 1), consistency: []).serialized()), fail: true)
    var fork = history.leaves("B")
    fork[1] = MerkleTree.leafHash(Array("forged".utf8))
    let forkHead = WalletHead(leaves: fork[0..<4])
    add(
      "add-epoch-2-history-rewritten",
      ["old": "2", "reason": "422: B's entry 1 changed, the consistency proof from 2 to 4 fails"],
      string(
        try forgedEpoch(
          history, head: forkHead, consistency: MerkleTree.consistencyProof(oldSize: 2, leaves: fork[0..<4])
        ).serialized()), fail: true)
    let setup = Setup(
      logOrigin: origin, logSeed: logSeed,
      witnesses: (0..<2).map { Witness(name: witnessNames[$0], seed: seedHex(witnessSeeds[$0]), timestamp: "\(witnessTimes[$0])") },
      wallets: ["A", "B", "C"].reduce(into: [:]) { out, name in
        out[name] = Wallet(id: hex(walletBytes[name]!), entries: history.entries[name]!.map(string))
      },
      epochs: epochMoves, absent: absentBytes.mapValues(hex))
    return File(
      name: "PSP log v1 vectors",
      note:
        "Generated by Tests/TransparencyTests/LogVectorTests.swift (spec/log.md §12); checked by spec/vectors/check_psp_log_v1.py. Hex outputs unless a C2SP text.",
      setup: setup, tests: tests)
  }

  /// Epoch 2 with B moved to `head` instead, signed with walletd's key as walletd would.
  static func forgedEpoch(_ history: History, head: WalletHead, consistency: [[UInt8]]) throws -> AddEpochRequest {
    let tree = HeadsTree()
    for name in ["A", "C"] { tree.set(history.key(name), history.head(name, history.sizes[name]!)) }
    tree.set(history.key("B"), history.head("B", 2))
    let update = try HeadsUpdate(key: history.key("B"), before: tree.proof(history.key("B")), head: head, consistency: consistency)
    tree.set(history.key("B"), head)
    var epochs = EpochTree()
    for root in history.mapRoots.prefix(2) { epochs.append(mapRoot: root) }
    epochs.append(mapRoot: tree.root)
    let checkpoint = try TlogCheckpoint(origin: origin, size: 3, rootHash: epochs.root)
    return try AddEpochRequest(
      updates: [update],
      checkpoint: AddCheckpointRequest(
        oldSize: 2, consistencyProof: epochs.consistencyProof(oldSize: 2, newSize: 3),
        note: history.signer.sign(checkpoint.text)))
  }

  // MARK: Tests

  static func committed() throws -> File {
    try JSONDecoder().decode(File.self, from: Data(contentsOf: file))
  }

  @Test func committedVectorsMatchTheCode() throws {
    let generated = try Self.generate()
    if ProcessInfo.processInfo.environment["PSP_WRITE_VECTORS"] == "1" {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      try (encoder.encode(generated) + [0x0A]).write(to: Self.file)
    }
    let committed = try Self.committed()
    #expect(committed.setup == generated.setup)
    #expect(committed.tests.map(\.name) == generated.tests.map(\.name))
    for (a, b) in zip(committed.tests, generated.tests) {
      #expect(a == b, "\(a.name)")
    }
  }

  func output(_ file: File, _ name: String) throws -> String {
    try #require(file.tests.first { $0.name == name }).output
  }

  func policy(quorum: Int = 2) throws -> TlogPolicy {
    try TlogPolicy(
      logs: [try Ed25519NoteVerifier(name: Self.origin, publicKey: try Self.seedKey(3).publicKey)],
      witnesses: try Self.witnesses().map(\.verifier), quorum: quorum)
  }

  @Test func keysNotesAndCosignaturesVerify() throws {
    let file = try Self.committed()
    let log = try Ed25519NoteVerifier(vkey: try output(file, "log-vkey"))
    #expect(log.publicKey == (try Self.seedKey(3).publicKey))
    #expect(log.name == Self.origin)
    let witnesses = try Self.witnesses()
    for (i, signer) in witnesses.enumerated() {
      let vkey = try CosignatureV1Verifier(vkey: try output(file, "witness-vkey-w\(i + 1)"))
      #expect(vkey == signer.verifier)
    }
    for size in 1...3 {
      let text = try output(file, "checkpoint-note-size-\(size)")
      let note = try SignedNote.parse(bytes(text))
      #expect(note.serialized() == bytes(text))
      try note.verify(by: [log])
      let checkpoint = try TlogCheckpoint(text: note.text)
      #expect(checkpoint.size == size)
      #expect(Encoding.hex(checkpoint.rootHash) == (try output(file, "epoch-root-size-\(size)")))
      // A changed size or root is no longer signed.
      for tampered in [note.text.replacingOccurrences(of: "\n\(size)\n", with: "\n\(size + 1)\n")] {
        #expect(throws: TransparencyError.self) {
          try SignedNote(text: tampered, signatures: note.signatures).verify(by: [log])
        }
      }
    }
    let note = try SignedNote.parse(bytes(try output(file, "checkpoint-note-size-3")))
    for (i, witness) in witnesses.enumerated() {
      let lines = try NoteSignature.parseLines(bytes(try output(file, "cosignature-w\(i + 1)-size-3")))
      #expect(lines.count == 1)
      #expect(witness.verifier.isValid(signature: lines[0].signature, over: bytes(note.text)))
      #expect(CosignatureV1.timestamp(of: lines[0]) == Self.witnessTimes[i])
    }
    let bad = try NoteSignature.parseLines(bytes(try output(file, "cosignature-w1-size-3-time-changed")))[0]
    #expect(!witnesses[0].verifier.isValid(signature: bad.signature, over: bytes(note.text)))
    let cosigned = try SignedNote.parse(bytes(try output(file, "checkpoint-cosigned-size-3")))
    #expect(try policy(quorum: 2).verify(cosigned).size == 3)
    // The log's note alone does not reach a quorum of one.
    #expect(throws: TransparencyError.quorumNotMet(required: 1, valid: 0)) { try policy(quorum: 1).verify(note) }
  }

  @Test func aWitnessReplaysTheEpochsAndRefusesTheForgedOnes() throws {
    let file = try Self.committed()
    let w1 = try Self.witnesses()[0]
    let core = try WitnessCore(
      cosigner: w1, logs: [(Self.origin, try Ed25519NoteVerifier(vkey: try output(file, "log-vkey")))], headsLogs: true)
    var record: WitnessRecord? = nil
    var afterEpoch1: WitnessRecord? = nil
    for epoch in 0..<3 {
      let body = bytes(try output(file, "add-epoch-\(epoch)"))
      let request = try AddEpochRequest.parse(body)
      #expect(request.serialized() == body)
      let outcome = core.addEpoch(request, stored: record, now: Self.witnessTimes[0])
      #expect(outcome.status == 200, "epoch \(epoch): \(text(outcome.response.body))")
      let newRecord: WitnessRecord = try #require(outcome.newRecord)
      record = newRecord
      #expect(Encoding.hex(record!.heads!.mapRoot) == (try output(file, "map-root-epoch-\(epoch)")))
      if epoch == 1 { afterEpoch1 = record }
      if epoch == 2 {
        #expect(text(outcome.response.body) == (try output(file, "cosignature-w1-size-3")))
        #expect(Encoding.hex(record!.heads!.frontier.encoded()) == (try output(file, "witness-frontier-size-3")))
      }
    }
    for name in ["add-epoch-2-head-shrinks", "add-epoch-2-history-rewritten"] {
      let request = try AddEpochRequest.parse(bytes(try output(file, name)))
      let outcome = core.addEpoch(request, stored: afterEpoch1, now: Self.witnessTimes[0])
      #expect(outcome.status == 422, "\(name)")
      #expect(outcome.newRecord == nil)
    }
    // Epoch 2 again, once the witness holds it: 409 with its size.
    let again = core.addEpoch(
      try AddEpochRequest.parse(bytes(try output(file, "add-epoch-2"))), stored: record, now: Self.witnessTimes[0])
    #expect(again.status == 409)
    #expect(text(again.response.body) == "3\n")
    // The update of B in epoch 0, byte for byte.
    let update = try HeadsUpdate.decode(try Encoding.fromHex(try output(file, "heads-update-epoch-0-B")))
    #expect(update == (try AddEpochRequest.parse(bytes(try output(file, "add-epoch-0")))).updates[1])
    #expect(update.encoded() == (try Encoding.fromHex(try output(file, "heads-update-epoch-0-B"))))
  }

  @Test func headsProofsAndReceiptsVerify() throws {
    let file = try Self.committed()
    let root = try Encoding.fromHex(try output(file, "map-root-epoch-2"))
    let history = try History()
    let proofA = try HeadsProof.decode(try Encoding.fromHex(try output(file, "heads-proof-A")))
    #expect(try proofA.verify(key: history.key("A"), root: root) == history.head("A", 5))
    for name in ["D", "E"] {
      let key = HeadsKey(wallet: try WalletID(bytes: Self.absentBytes[name]!))
      let proof = try HeadsProof.decode(try Encoding.fromHex(try output(file, "heads-proof-absent-\(name)")))
      #expect(try proof.verify(key: key, root: root) == nil)
      // Proving that a wallet present is absent fails.
      #expect(throws: TransparencyError.self) { try proof.verify(key: history.key("A"), root: root) }
    }
    #expect(throws: TransparencyError.headsProofFailed) {
      try proofA.verify(key: history.key("B"), root: root)
    }
    let policy = try self.policy()
    let receiptText = bytes(try output(file, "receipt-A-4"))
    let receipt = try WalletLogProof.parse(receiptText)
    #expect(receipt.serialized() == receiptText)
    #expect(Encoding.hex(receipt.proof.extra!) == (try output(file, "receipt-A-4-extra")))
    let verified = try receipt.verify(wallet: history.wallet("A"), policy: policy)
    #expect(verified.isLatest)
    #expect(verified.epoch == 2)
    #expect(verified.head == history.head("A", 5))
    #expect(verified.cosignedAt.sorted() == Self.witnessTimes)
    let entry = try AccessLogEntry.decode(canonical: try #require(receipt.entry).bytes)
    #expect(entry.action == .fieldsRead && entry.fields == ["iban"] && receipt.entry?.index == 4)
    let head = try WalletLogProof.parse(bytes(try output(file, "head-proof-B")))
    #expect(head.entry == nil)
    #expect(try head.verify(wallet: history.wallet("B"), policy: policy).head == history.head("B", 4))
    // The expect-fail receipts.
    let changed = try WalletLogProof.parse(bytes(try output(file, "receipt-A-4-entry-changed")))
    #expect(throws: TransparencyError.inclusionProofFailed) { try changed.verify(wallet: history.wallet("A"), policy: policy) }
    let asB = try WalletLogProof.parse(bytes(try output(file, "receipt-A-4-as-wallet-B")))
    #expect(throws: TransparencyError.self) { try asB.verify(wallet: history.wallet("B"), policy: policy) }
  }

  /// A copy of the receipt with any one bit changed (two bits of every byte
  /// tried), or cut short, is refused.
  @Test func tamperedReceiptsAreRefused() throws {
    let file = try Self.committed()
    let policy = try self.policy()
    let wallet = try WalletID(bytes: Self.walletBytes["A"]!)
    let good = bytes(try output(file, "receipt-A-4"))
    _ = try WalletLogProof.parse(good).verify(wallet: wallet, policy: policy)
    var accepted: [String] = []
    for index in good.indices {
      for bit in [0, 5] {
        var copy = good
        copy[index] ^= 1 << bit
        if let proof = try? WalletLogProof.parse(copy), (try? proof.verify(wallet: wallet, policy: policy)) != nil {
          accepted.append("bit \(bit) of byte \(index)")
        }
      }
    }
    for length in stride(from: 0, to: good.count, by: 7) {
      if let proof = try? WalletLogProof.parse(Array(good.prefix(length))), (try? proof.verify(wallet: wallet, policy: policy)) != nil {
        accepted.append("first \(length) bytes")
      }
    }
    #expect(accepted.isEmpty, "\(accepted)")
  }
}
