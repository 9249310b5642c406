import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

@testable import WalletServer

/// walletd's verified-grant cache over real HTTP: a small cache changes how
/// often signatures are checked, never what a read answers or refuses.
@Suite("Verified-grant cache in walletd")
struct GrantCacheTests {
  @Test func aCacheOfOneServesTwoGrantsReadInTurn() async throws {
    let h = try await ServerHarness.start { $0.grantCacheSize = 1 }
    defer { Task { await h.stop() } }
    let first = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    let second = try await h.citizen.grant(
      to: "fns", purpose: "revis", kind: .durable, days: 30, at: h.now)
    for _ in 0..<3 {
      for (grant, purpose) in [(first, "allocation-vie-chere"), (second, "revis")]
        as [(Grant, Purpose)]
      {
        let read = try await h.fns.read(
          wallet: h.citizen.walletID, grant: grant.id, purpose: purpose)
        #expect(Set(read.values.map(\.field)) == Set(grant.fields))
        #expect(h.daemon.service.verifiedGrants.count == 1)
      }
    }
    #expect(h.daemon.service.verifiedGrants.capacity == 1)
  }

  /// A durable grant to the FNS, read once: verified and in walletd's cache.
  func grantReadOnce(_ h: ServerHarness) async throws -> Grant {
    let grant = try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: 30, at: h.now)
    _ = try await h.fns.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    return grant
  }

  @Test func aCachedGrantRevokedIsRefusedAtOnce() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let grant = try await grantReadOnce(h)
    #expect(h.daemon.service.verifiedGrants.grant(grant.id, token: grant.token) != nil)
    try await h.citizen.change(grant, .revoke, at: h.now)
    await #expect(throws: ClientError.self) {
      _ = try await h.fns.read(
        wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    }
  }

  @Test func registeringAnAdministrationEmptiesTheCache() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let grant = try await grantReadOnce(h)
    #expect(h.daemon.service.verifiedGrants.count == 1)
    let other = Identity(kind: .administration)
    try await OperatorClient(transport: h.transport(h.operatorIdentity)).register(
      certificate: h.certificate(
        other, id: "office-social-wiltz", kind: .officeSocial, purposes: ["aide-sociale"]))
    #expect(h.daemon.service.verifiedGrants.count == 0)
    // The next read verifies the grant again and keeps it again.
    _ = try await h.fns.read(
      wallet: h.citizen.walletID, grant: grant.id, purpose: "allocation-vie-chere")
    #expect(h.daemon.service.verifiedGrants.grant(grant.id, token: grant.token) != nil)
    // Reading the store again (as a walletd sharing it does each second) finds
    // that registration already published: the cache is not emptied twice.
    await h.daemon.service.readRegistry()
    #expect(h.daemon.service.verifiedGrants.grant(grant.id, token: grant.token) != nil)
  }
}

@Suite("walletd settings")
struct DaemonConfigurationTests {
  func file(_ json: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "walletd-\(UUID().uuidString).json"
    ).path
    try Data(json.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  let required = """
    "dataDir": "/tmp/x", "listen": "127.0.0.1:0", "workingWeek": "monday-to-friday", "authFailuresPerMinute": 5
    """

  @Test func theGrantCacheSizeIsOptionalInTheFile() throws {
    let without = try DaemonConfiguration.load(file: try file("{\(required)}"))
    #expect(without.grantCacheSize == nil)
    #expect(try without.grantCacheCapacity() == DaemonConfiguration.defaultGrantCacheSize)
    let with = try DaemonConfiguration.load(
      file: try file("{\(required), \"grantCacheSize\": 500}"))
    #expect(try with.grantCacheCapacity() == 500)
    #expect(with.workingWeek == "monday-to-friday" && with.authFailuresPerMinute == 5)
  }

  @Test func wrongFilesAreRefused() throws {
    for json in [
      "{\(required), \"grantCacheSize\": \"big\"}", "{\(required), \"grantCacheSze\": 5}",
      "{\(required)",
      "[]", "",
    ] {
      #expect(throws: (any Error).self, "\(json)") {
        try DaemonConfiguration.load(file: try file(json))
      }
    }
  }

  @Test func theReceiptTimeoutIsOptionalAndBounded() throws {
    let without = try DaemonConfiguration.load(file: try file("{\(required)}"))
    #expect(try without.witnessing().receiptTimeout == .seconds(15))
    var with = try DaemonConfiguration.load(
      file: try file("{\(required), \"receiptTimeoutSeconds\": 90}"))
    #expect(try with.witnessing().receiptTimeout == .seconds(90))
    with.apply(environment: ["PSP_RECEIPT_TIMEOUT_S": "3"])
    #expect(try with.witnessing().receiptTimeout == .seconds(3))
    for bad in ["0", "601", "-5", "soon", ""] {
      with.apply(environment: ["PSP_RECEIPT_TIMEOUT_S": bad])
      #expect(throws: APIError.self, "\(bad)") { try with.witnessing() }
    }
    #expect(throws: (any Error).self) {
      try DaemonConfiguration.load(
        file: try file("{\(required), \"receiptTimeoutSeconds\": \"long\"}"))
    }
  }

  @Test func theEnvironmentOverridesTheFileAndBadNumbersStopTheStart() async throws {
    var settings = try DaemonConfiguration.load(
      file: try file("{\(required), \"grantCacheSize\": 500}"))
    settings.apply(environment: ["PSP_GRANT_CACHE_SIZE": "20", "PSP_LISTEN": "127.0.0.1:9"])
    #expect(try settings.grantCacheCapacity() == 20)
    #expect(settings.listen == "127.0.0.1:9")
    for bad in ["-1", "many", "", "1e3"] {
      settings.apply(environment: ["PSP_GRANT_CACHE_SIZE": bad])
      #expect(throws: APIError.self, "\(bad)") { try settings.grantCacheCapacity() }
    }
    // walletd refuses to start with it, with a message naming the setting.
    let directory = TestDirectory()
    settings.dataDir = directory.path
    settings.listen = "127.0.0.1:0"
    settings.grantCacheSize = -5
    do {
      let daemon = try await WalletDaemon.start(settings)
      await daemon.stop()
      Issue.record("walletd started with a negative grant cache size")
    } catch {
      #expect("\(error)".contains("grantCacheSize"))
    }
  }
}
