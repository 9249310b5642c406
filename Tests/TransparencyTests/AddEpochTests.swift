import PSPConsent
import PSPCrypto
import Testing

@testable import PSPTransparency

/// The body of `POST /psp-v1/add-epoch`: it formats back byte for byte, and
/// every truncation, bit flip, lying count and extra byte is refused — by the
/// parser, or by the witness that checks the epoch.
@Suite("Add-epoch requests")
struct AddEpochTests {
  let witness = TestWitness()

  /// A heads log after one epoch, and the body of its second epoch.
  func secondEpoch() -> (TestHeadsLog, AddEpochRequest, WitnessRecord) {
    let wallets = (0..<4).map { _ in TestWalletLog(count: 20) }
    let log = TestHeadsLog()
    let first = log.epoch([(wallets[0], 3), (wallets[1], 5), (wallets[2], 1)])
    let core = witness.headsCore([log])
    let record = core.addEpoch(first, stored: nil, now: 10).newRecord!
    let second = log.epoch([(wallets[0], 9), (wallets[3], 2), (wallets[2], 20)])
    return (log, second, record)
  }

  @Test func aBodyFormatsBackByteForByte() throws {
    let (_, request, _) = secondEpoch()
    let body = request.serialized()
    #expect(text(body).hasPrefix("psp-v1/add-epoch\nupdates 3\n"))
    let parsed = try AddEpochRequest.parse(body)
    #expect(parsed == request)
    #expect(parsed.serialized() == body)
    // No moves at all is an epoch too.
    let log = TestHeadsLog()
    let empty = log.close([])
    #expect(try AddEpochRequest.parse(empty.serialized()) == empty)
    #expect(text(empty.serialized()).hasPrefix("psp-v1/add-epoch\nupdates 0\nold 0\n\n"))
  }

  /// Whether `body` gets a cosignature from a witness holding `record`.
  func isCosigned(_ body: [UInt8], _ core: WitnessCore, _ record: WitnessRecord) -> Bool {
    guard let request = try? AddEpochRequest.parse(body) else { return false }
    return core.addEpoch(request, stored: record, now: 20).status == 200
  }

  @Test func everyTruncationAndBitFlipIsRefused() throws {
    let (log, request, record) = secondEpoch()
    let core = witness.headsCore([log])
    let body = request.serialized()
    #expect(isCosigned(body, core, record))
    var accepted: [String] = []
    for length in 0..<body.count where isCosigned(Array(body.prefix(length)), core, record) {
      accepted.append("first \(length) bytes")
    }
    for index in body.indices {
      for bit in [index % 8, (index + 5) % 8] {
        var flipped = body
        flipped[index] ^= 1 << bit
        if isCosigned(flipped, core, record) { accepted.append("bit \(bit) of byte \(index)") }
      }
    }
    #expect(accepted.isEmpty, "\(accepted)")
  }

  @Test func linesThatLieOrAreAddedAreRefused() throws {
    let (log, request, record) = secondEpoch()
    let core = witness.headsCore([log])
    let lines = text(request.serialized()).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    func with(_ change: (inout [String]) -> Void) -> [UInt8] {
      var copy = lines
      change(&copy)
      return bytes(copy.joined(separator: "\n"))
    }
    #expect(isCosigned(with { _ in }, core, record))
    let update = lines[2]
    for bad in [
      with { $0[0] = "psp-v1/add-epoch " },
      with { $0[0] = "psp-v2/add-epoch" },
      with { $0[1] = "updates 2" },
      with { $0[1] = "updates 4" },
      with { $0[1] = "updates 03" },
      with { $0[1] = "updates -3" },
      with { $0[1] = "updates  3" },
      with { $0[1] = "updates 20001" },
      with { $0[1] = "updates 99999999999999999999" },
      with { $0[1] = "Updates 3" },
      with { $0.insert(update, at: 2) },  // a wallet moving twice
      with { $0.remove(at: 2) },  // a move left out (the count lies)
      with { $0.insert("", at: 5) },  // a blank line before "old"
      with { $0[2] += "=" },
      with { $0[2] = String($0[2].dropLast(4)) },
      with { $0[2] += "AAAA" },  // bytes after the update
      with { $0[2] = String($0[2].dropFirst(4)) },
      with { $0[2] = $0[2].replacingOccurrences(of: "A", with: "\t") },
      with { $0[2] = String(repeating: "A", count: 20 << 10) },
      with { $0[5] = "old 2" },  // the add-checkpoint part: the epoch log grows by one
      with { $0[5] = "old 0" },
      with { $0.swapAt(2, 3) },  // moves in another order: their proofs no longer hold
    ] {
      #expect(!isCosigned(bad, core, record), "\(text(bad).prefix(200))")
    }
    #expect(!isCosigned(request.serialized() + bytes("x"), core, record))
    #expect(!isCosigned(request.serialized() + bytes("\n"), core, record))
    #expect(!isCosigned(bytes("\n") + request.serialized(), core, record))
  }

  @Test func oversizedBodiesAndCountsAreRefused() throws {
    let (_, request, _) = secondEpoch()
    let big = request.serialized() + Array(repeating: 0x41, count: AddEpochRequest.maximumByteCount)
    #expect(throws: TransparencyError.malformedHeads("the body is too large")) {
      try AddEpochRequest.parse(big)
    }
    #expect(throws: TransparencyError.self) {
      try AddEpochRequest(
        updates: Array(repeating: request.updates[0], count: AddEpochRequest.maximumUpdates + 1),
        checkpoint: request.checkpoint)
    }
    // An add-checkpoint part that does not grow the epoch log by exactly one leaf.
    let log = TestHeadsLog()
    _ = log.close([])
    _ = log.close([])
    for (old, new) in [(0, 2), (1, 1), (0, 0)] {
      let checkpoint = try AddCheckpointRequest(
        oldSize: old, consistencyProof: log.epochs.consistencyProof(oldSize: old, newSize: new),
        note: log.signedCheckpoint(new))
      #expect(throws: TransparencyError.self) {
        try AddEpochRequest(updates: [], checkpoint: checkpoint)
      }
      let body = bytes("psp-v1/add-epoch\nupdates 0\n") + checkpoint.serialized()
      #expect(throws: TransparencyError.self) { try AddEpochRequest.parse(body) }
    }
  }
}

extension TestWitness {
  /// A witness core for heads logs.
  func headsCore(_ logs: [TestHeadsLog]) -> WitnessCore {
    try! WitnessCore(
      cosigner: signer, logs: logs.map { ($0.origin, $0.log.verifier) }, headsLogs: true)
  }
}
