import Foundation
import PSPCrypto
import Testing
import WitnessServer

@testable import PSPTransparency

/// The witness's SQLite state for a heads log: the map root and the epoch
/// frontier are kept with the checkpoint, in the same atomic step.
@Suite("Witness store of a heads log", .timeLimit(.minutes(1)))
struct WitnessHeadsStoreTests {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "witness-heads-\(UUID().uuidString).sqlite"
  ).path

  func removeFiles() {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  @Test func theHeadsRecordIsThereWhenTheStoreIsOpenedAgain() throws {
    defer { removeFiles() }
    let wallets = (0..<3).map { _ in TestWalletLog(count: 20) }
    let log = TestHeadsLog()
    let core = TestWitness().headsCore([log])
    let first = log.epoch([(wallets[0], 3), (wallets[1], 8)])
    let second = log.epoch([(wallets[0], 9), (wallets[2], 1)])
    do {
      let store = try WitnessStore(path: path)
      #expect(try store.addEpoch(first, core: core, now: 1).status == 200)
      #expect(try store.addEpoch(second, core: core, now: 2).status == 200)
    }
    let reopened = try WitnessStore(path: path)
    let record = try #require(try reopened.record(origin: log.origin))
    #expect(record.size == 2)
    #expect(record.heads?.mapRoot == log.tree.root)
    #expect(record.heads?.frontier.root == log.epochs.root)
    #expect(record.heads?.frontier.size == 2)
    // Refusals store nothing: a replay, a wallet's head shrunk.
    #expect(try reopened.addEpoch(second, core: core, now: 3).status == 409)
    #expect(try reopened.addEpoch(log.epoch([(wallets[1], 2)]), core: core, now: 3).status == 422)
    #expect(try reopened.record(origin: log.origin) == record)
    // The plain add-checkpoint cosigns the same checkpoint again and keeps the heads.
    let again = try AddCheckpointRequest(
      oldSize: 2, consistencyProof: [], note: log.signedCheckpoint(2))
    #expect(try reopened.addCheckpoint(again, core: core, now: 4).status == 200)
    #expect(try reopened.record(origin: log.origin)?.heads == record.heads)
    // A plain log's record has no heads.
    let plain = TestLog(origin: "example.lu/plain", count: 4)
    let plainCore = TestWitness().core([plain])
    #expect(
      try reopened.addCheckpoint(
        AddCheckpointRequest.parse(plain.request(old: 0, new: 4)), core: plainCore, now: 5
      ).status == 200)
    #expect(try reopened.record(origin: plain.origin)?.heads == nil)
  }

  /// Eight threads at once, each with its own epoch from the same size: one
  /// cosignature per round, and the others learn the new size.
  @Test func concurrentEpochsAtOneSizeGetOneCosignature() throws {
    defer { removeFiles() }
    let store = try WitnessStore(path: path)
    let wallets = (0..<8).map { _ in TestWalletLog(count: 20) }
    var log = TestHeadsLog()
    let core = TestWitness().headsCore([log])
    for round in 0..<6 {
      let variants = (0..<8).map { _ in log.replayed() }
      let requests = variants.enumerated().map { index, variant in
        variant.epoch([(wallets[index], round + 1 + index % 2)])
      }
      let statuses = Locked(Array(repeating: 0, count: variants.count))
      DispatchQueue.concurrentPerform(iterations: variants.count) { index in
        let status = (try? store.addEpoch(requests[index], core: core, now: 2))?.status ?? -1
        statuses.withLock { $0[index] = status }
      }
      let all = statuses.withLock { $0 }
      #expect(all.filter { $0 == 200 }.count == 1, "round \(round): \(all)")
      #expect(all.allSatisfy { $0 == 200 || $0 == 409 })
      guard let winner = all.firstIndex(of: 200) else { return }
      #expect(try store.record(origin: log.origin)?.heads?.mapRoot == variants[winner].tree.root)
      log = variants[winner]
    }
  }
}
