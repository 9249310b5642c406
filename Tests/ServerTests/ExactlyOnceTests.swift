import Foundation
import PSPConsent
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// One-shot means once, under concurrency: of 64 simultaneous attempts
/// exactly one succeeds, and the log holds exactly one success.
@Suite("Exactly once")
struct ExactlyOnceTests {
  @Test func sixtyFourTrusteesRaceForOneOneShotProcuration() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let outcomes = try await h.raceForOneShotProcuration(
      [TrusteeClient(transport: h.transport(h.paul))], attempts: 64)
    #expect(outcomes.filter { $0 == "ok" }.count == 1)
    #expect(ServerHarness.losersRefused(outcomes), "\(Set(outcomes))")
    let log = try await h.citizen.log()
    #expect(log.filter { $0.action == .procurationUsed && $0.outcome == .allowed }.count == 1)
    #expect(log.filter { $0.action == .filingMade && $0.outcome == .allowed }.count == 1)
    let filings = try await h.citizen.filings()
    #expect(filings.count == 1)
  }

  /// Many one-shot procurations raced at once, many trustees' attempts each:
  /// per procuration, exactly one filing and one `procuration-used` success.
  @Test func eightOneShotProcurationsRacedSixteenTimesEach() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    var procurations: [Procuration] = []
    for _ in 0..<8 { procurations.append(try await h.paulsProcuration()) }
    let trustee = TrusteeClient(transport: h.transport(h.paul))
    let ownerKey = try await trustee.ownerKey(wallet: h.citizen.walletID)
    let wallet = h.citizen.walletID
    let now = h.now
    let outcomes = await withTaskGroup(of: (StatementID, String).self) { group in
      for _ in 0..<16 {
        for procuration in procurations {
          group.addTask {
            do {
              _ = try await trustee.file(
                wallet: wallet, ownerKey: ownerKey, procuration: procuration,
                purpose: "aide-sociale",
                at: "office-social-redange", at: now)
              return (procuration.id, "ok")
            } catch let error as ClientError {
              return (procuration.id, error.code ?? error.description)
            } catch { return (procuration.id, "\(error)") }
          }
        }
      }
      var all: [(StatementID, String)] = []
      for await outcome in group { all.append(outcome) }
      return all
    }
    #expect(outcomes.count == 8 * 16)
    let log = try await h.citizen.log()
    for procuration in procurations {
      let own = outcomes.filter { $0.0 == procuration.id }.map(\.1)
      #expect(own.filter { $0 == "ok" }.count == 1)
      #expect(own.count == 16 && ServerHarness.losersRefused(own), "\(Set(own))")
      let used = log.filter {
        $0.action == .procurationUsed && $0.outcome == .allowed && $0.procuration == procuration.id
      }
      #expect(used.count == 1)
    }
    #expect(log.filter { $0.action == .filingMade && $0.outcome == .allowed }.count == 8)
    #expect(try await h.citizen.filings().count == 8)
  }

  @Test func sixtyFourReadsOfOneOneShotGrant() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .oneShot, days: 5, at: h.now)
    let fns = h.fns
    let wallet = h.citizen.walletID
    let outcomes = await withTaskGroup(of: String.self) { group in
      for _ in 0..<64 {
        group.addTask {
          await refusalCode {
            _ = try await fns.read(wallet: wallet, grant: grant.id, purpose: "allocation-vie-chere")
          } ?? "ok"
        }
      }
      var all: [String] = []
      for await outcome in group { all.append(outcome) }
      return all
    }
    #expect(outcomes.filter { $0 == "ok" }.count == 1)
    #expect(outcomes.filter { $0 == "already-used" }.count == 63, "\(Set(outcomes))")
    let reads = try await h.citizen.log().filter { $0.action == .fieldsRead }
    #expect(reads.filter { $0.outcome == .allowed }.count == 1)
    #expect(reads.filter { $0.outcome == .refused }.count == 63)
  }
}
