import Foundation
import PSPCrypto
import Testing
import WitnessServer

@testable import PSPTransparency

/// The witness's SQLite state without HTTP: atomic check-and-store, durable.
@Suite("Witness store", .timeLimit(.minutes(1)))
struct WitnessStoreTests {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "witness-\(UUID().uuidString).sqlite"
  ).path

  func removeFiles() {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  /// Eight threads at once, each with its own fork from the same stored size
  /// to the same new size: one cosignature per round, never two.
  @Test func concurrentRequestsAtOneSizeGetOneCosignature() throws {
    defer { removeFiles() }
    let store = try WitnessStore(path: path)
    var log = TestLog(count: 2 + 20 * 2)
    let witness = TestWitness()
    let core = witness.core([log])
    #expect(
      try store.addCheckpoint(
        AddCheckpointRequest.parse(log.request(old: 0, new: 2)), core: core, now: 1
      ).status == 200)
    for round in 0..<20 {
      let (old, new) = (2 + round * 2, 4 + round * 2)
      let variants = (0..<8).map { log.forked(from: old, tag: "-\(round)-\($0)") }
      let requests = try variants.map {
        try AddCheckpointRequest.parse($0.request(old: old, new: new))
      }
      let statuses = Locked(Array(repeating: 0, count: variants.count))
      DispatchQueue.concurrentPerform(iterations: variants.count) { index in
        let status = (try? store.addCheckpoint(requests[index], core: core, now: 2))?.status ?? -1
        statuses.withLock { $0[index] = status }
      }
      let all = statuses.withLock { $0 }
      #expect(all.filter { $0 == 200 }.count == 1, "round \(round): \(all)")
      #expect(all.allSatisfy { $0 == 200 || $0 == 409 })
      guard let winner = all.firstIndex(of: 200) else { return }
      #expect(try store.record(origin: log.origin)?.rootHash == variants[winner].root(new))
      log = variants[winner]
    }
  }

  @Test func aCommittedRecordIsThereWhenTheStoreIsOpenedAgain() throws {
    defer { removeFiles() }
    let log = TestLog(count: 9)
    let core = TestWitness().core([log])
    do {
      let store = try WitnessStore(path: path)
      #expect(
        try store.addCheckpoint(
          AddCheckpointRequest.parse(log.request(old: 0, new: 9)), core: core, now: 1
        ).status == 200)
    }
    let reopened = try WitnessStore(path: path)
    let record = try #require(try reopened.record(origin: log.origin))
    #expect(record.size == 9)
    #expect(record.rootHash == log.root(9))
    let hash = Encoding.hex(SHA256.hash(Array(log.origin.utf8)))
    #expect(try reopened.latestNote(originHash: hash) == record.note.serialized())
    // Refusals store nothing.
    let stale = try reopened.addCheckpoint(
      AddCheckpointRequest.parse(log.request(old: 0, new: 9)), core: core, now: 2)
    #expect(stale.status == 409)
    #expect(try reopened.record(origin: log.origin) == record)
  }
}

/// A value behind a lock, for the threads of a test.
final class Locked<Value>: @unchecked Sendable {
  private var value: Value
  private let lock = NSLock()
  init(_ value: Value) { self.value = value }
  func withLock<R>(_ body: (inout Value) -> R) -> R {
    lock.lock()
    defer { lock.unlock() }
    return body(&value)
  }
}
