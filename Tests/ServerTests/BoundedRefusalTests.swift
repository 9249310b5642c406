import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

@testable import WalletServer

/// Refusals cannot fill a citizen's log (issue 17, item 9, found by an
/// authenticated fuzzer): a read naming more fields than the catalogue holds is
/// malformed and not logged; a refusal's entry names only what its outcome is
/// about; one caller's refusals in one wallet are bounded per minute; a log
/// page is bounded in bytes, not only in entries.
@Suite("Bounded refusals")
struct BoundedRefusalTests {
  static func readBody(_ wallet: WalletID, grant: StatementID, fields: [FieldID]?) throws -> [UInt8]
  {
    Array(
      try JSONEncoder().encode(
        ReadRequestBody(
          wallet: wallet, grant: grant, purpose: "allocation-vie-chere", fields: fields)))
  }

  @Test func aRefusedReadIsLoggedSmall() async throws {
    // walletd's clock is held in the middle of a minute (after the grants'
    // start), so that the limiter's minute does not end during the test.
    let minute = Int64(Date().timeIntervalSince1970) / 60
    let h = try await ServerHarness.start(clock: { (minute + 1) * 60 + 30 })
    defer { Task { await h.stop() } }
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    let stranger = try await RawClient.open(h.url, identity: h.officeID)
    let before = try await h.citizen.log().count

    // 60 000 field names under someone else's grant: 400, nothing logged.
    let many = (0..<60_000).map { FieldID(rawValue: "f\($0)")! }
    let (status, _) = try await stranger.request(
      "POST", "/v1/reads",
      body: try Self.readBody(h.citizen.walletID, grant: grant.id, fields: many),
      counter: 1)
    #expect(status == 400)
    #expect(try await h.citizen.log().count == before)

    // Someone else's grant: refused and logged, naming no field.
    let (wrong, _) = try await stranger.request(
      "POST", "/v1/reads",
      body: try Self.readBody(
        h.citizen.walletID, grant: grant.id, fields: ["iban", "rent_amount"]),
      counter: 2)
    #expect(wrong == 403)
    let refused = try #require(try await h.citizen.log().last)
    #expect(refused.reason == ConsentRefusal.wrongGrantee.code)
    #expect(refused.fields.isEmpty)

    // The FNS asks for a field its grant does not give: only that one is named.
    let fns = try await RawClient.open(h.url, identity: h.fnsID)
    let (notGranted, _) = try await fns.request(
      "POST", "/v1/reads",
      body: try Self.readBody(
        h.citizen.walletID, grant: grant.id, fields: ["iban", "rent_amount"]),
      counter: 1)
    #expect(notGranted == 403)
    let entry = try #require(try await h.citizen.log().last)
    #expect(entry.fields == ["rent_amount"])
  }

  @Test func oneCallersRefusalsInOneWalletAreBounded() async throws {
    // walletd's clock is held in the middle of a minute (after the grants'
    // start), so that the limiter's minute does not end during the test.
    let minute = Int64(Date().timeIntervalSince1970) / 60
    let h = try await ServerHarness.start(clock: { (minute + 1) * 60 + 30 })
    defer { Task { await h.stop() } }
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    let stranger = try await RawClient.open(h.url, identity: h.officeID)
    // The FNS's session opened now: a handshake is checked against walletd's
    // held clock, which real time leaves behind (by more than the 120 s
    // allowed, once, on a loaded CI machine).
    let fns = h.fns
    _ = try await fns.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    let before = try await h.citizen.log().count
    var statuses: [Int] = []
    let budget = WalletService.refusalsPerMinute
    for counter in 1...UInt64(budget + 5) {
      statuses.append(
        try await stranger.request(
          "POST", "/v1/reads",
          body: try Self.readBody(h.citizen.walletID, grant: grant.id, fields: ["iban"]),
          counter: counter
        ).0)
    }
    #expect(statuses.prefix(budget).allSatisfy { $0 == 403 })
    #expect(statuses.suffix(5).allSatisfy { $0 == 429 })
    #expect(try await h.citizen.log().count == before + budget)
    // The owner and the FNS are not slowed by someone else's refusals.
    _ = try await fns.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
  }

  @Test func aLogPageIsBoundedInBytes() async throws {
    let h = try await ServerHarness.start(fill: false)
    defer { Task { await h.stop() } }
    let wallet = h.citizen.walletID
    let size = try await h.citizen.log().count
    // Three large rows written behind walletd's back, as a fuzzer's entries were.
    let database = try h.database()
    for index in 0..<3 {
      let bytes = [UInt8](repeating: 0x61, count: 200_000)
      try database.query(
        "INSERT INTO log_entries (wallet, idx, entry, leaf) VALUES (?, ?, ?, ?)",
        [
          .blob(wallet.bytes), .integer(Int64(size + index)), .blob(bytes),
          .blob(MerkleTree.leafHash(bytes)),
        ])
    }
    let raw = try await RawClient.open(h.url, identity: h.maria)
    var counter: UInt64 = 0
    func page(_ start: Int) async throws -> LogView {
      counter += 1
      let (status, data) = try await raw.request(
        "GET", "/v1/wallets/\(wallet)/log?start=\(start)", counter: counter)
      try #require(status == 200)
      #expect(data.count < WalletService.logPageBytes * 2)
      return try JSONDecoder().decode(LogView.self, from: data)
    }
    let first = try await page(0)
    #expect(first.entries.count == size + 1)
    #expect(first.size == size + 3)
    let second = try await page(size + 1)
    #expect(second.entries.count == 1)
  }
}

/// Paths and query parameters are exact (issue 17, item 10).
@Suite("Exact paths and query parameters")
struct ExactRequestTests {
  @Test func looseFormsAreRefused() async throws {
    let h = try await ServerHarness.start(fill: false)
    defer { Task { await h.stop() } }
    let wallet = h.citizen.walletID
    let raw = try await RawClient.open(h.url, identity: h.maria)
    var counter: UInt64 = 0
    func status(_ path: String) async throws -> Int {
      counter += 1
      return try await raw.request("GET", path, counter: counter).0
    }
    #expect(try await status("/v1/wallets/\(wallet)") == 200)
    #expect(try await status("/v1/wallets/\(wallet)/") == 404)
    #expect(try await status("/v1//wallets/\(wallet)") == 404)
    #expect(try await status("/v1/wallets/\(wallet)/log?start=1") == 200)
    for query in [
      "start=+1", "start=-1", "start=1&start=2", "start=%31", "start=", "start=1e3", "start=%201",
      "start=01",
    ] {
      let answered = try await status("/v1/wallets/\(wallet)/log?\(query)")
      #expect(answered == 400, "\(query) → \(answered)")
    }
    #expect(try await status("/v1/wallets/\(wallet)/fields?history=iban&history=phone") == 400)
  }
}
