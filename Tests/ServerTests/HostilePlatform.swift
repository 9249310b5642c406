import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// The hostile platform of issue 12: a real walletd (the harness's, with Maria's
/// wallet filled), a rewriting proxy in front of it that the clients under test
/// talk through, and what a platform owns to forge with — walletd's own signing
/// key and an X25519 key of its own. Direct clients of the harness (`h.citizen`,
/// `h.fns`) still reach walletd unproxied: they play the honest side of a story.
final class HostilePlatform: @unchecked Sendable {
  let h: ServerHarness
  let proxy: RewritingProxy
  let tally: ForgeryTally
  /// The platform as a signer and a recipient: walletd's signing key, read from
  /// its data directory (the machine's operator can), and its own X25519 key.
  let platform: Identity

  private init(h: ServerHarness, proxy: RewritingProxy, platform: Identity) {
    self.h = h
    self.proxy = proxy
    self.platform = platform
    tally = ForgeryTally(proxy: proxy)
  }

  static func start() async throws -> HostilePlatform {
    let h = try await ServerHarness.start()
    let proxy = try await RewritingProxy.start(upstream: h.url)
    let data = try Data(contentsOf: URL(fileURLWithPath: h.directory.path + "/walletd.key"))
    let paserk = SecureBytes(copying: data.prefix { $0 != 0x0A })
    let platform = Identity(
      kind: .operator, signingKey: try Paserk.signingKey(from: paserk),
      encryptionKey: AgreementKey())
    return HostilePlatform(h: h, proxy: proxy, platform: platform)
  }

  func stop() async {
    await proxy.stop()
    await h.stop()
  }

  var wallet: WalletID { h.citizen.walletID }

  /// Maria's durable grant of the allocation de vie chère to the FNS, made
  /// through walletd directly (the honest side of a story).
  func fnsGrant(days: Int64 = 30) async throws -> Grant {
    try await h.citizen.grant(
      to: "fns", purpose: "allocation-vie-chere", kind: .durable, days: days, at: h.now)
  }

  /// A transport through the proxy for `identity`, with that person's memory
  /// (shared with the harness's direct clients) unless another trust is given.
  func transport(_ identity: Identity, trust: ClientTrust? = nil) -> Transport {
    Transport(baseURL: proxy.url, identity: identity, trust: trust ?? h.trust(identity))
  }

  /// A trust that has seen nothing yet: the registrar pinned, an empty memory.
  func firstContactTrust() -> ClientTrust {
    ClientTrust(registrars: [h.registrar.signingKey.publicKey], witnesses: h.witnessPolicy)
  }

  /// Maria's client through the proxy: her circle keys opened from her
  /// envelopes, her memory the one `h.citizen` writes to.
  func citizen() async throws -> CitizenClient {
    try await CitizenClient.connect(transport(h.maria), wallet: wallet)
  }

  func fns(trust: ClientTrust? = nil) -> AdministrationClient {
    AdministrationClient(transport: transport(h.fnsID, trust: trust))
  }

  /// One number from walletd's database (a `COUNT(*)`), read on the side.
  func count(_ sql: String, _ parameters: [SQLiteDatabase.Value] = []) throws -> Int64 {
    try #require(try h.database().query(sql, parameters).first?[0].integer)
  }

  /// What a client that took a forgery would leave behind: rows of records
  /// and their statements, grants, their keys and manifests, filings and their
  /// responses.
  func storedConsent() throws -> [Int64] {
    try [
      "field_records", "record_statements", "grants", "grant_keys", "grant_manifests", "filings",
      "filing_responses",
    ].map {
      try count("SELECT COUNT(*) FROM \($0)")
    }
  }

  /// A validated value of the catalogue.
  static func value(_ field: FieldID, _ text: String) throws -> FieldValue {
    try #require(FieldCatalogue.standard[field]).validate(text)
  }

  static let mariasIBAN = "LU28 0019 4006 4475 0000"
  /// The account Maria moves to, when a test has her update her IBAN.
  static let mariasNewIBAN = "LU75 0030 0000 1234 5678"
  /// A valid IBAN of the platform's choosing.
  static let platformsIBAN = "LU12 0010 0012 3456 7891"
}

/// Counts the forgeries a test serves and how many a client took. Each call is
/// one forgery really served: through the proxy (its rewrite count must grow
/// during the attempt, or the try does not count as served and the test fails)
/// or by editing the database before the call.
final class ForgeryTally: @unchecked Sendable {
  private let proxy: RewritingProxy
  private let lock = NSLock()
  private var triedCount = 0
  private var acceptedCount = 0

  init(proxy: RewritingProxy) { self.proxy = proxy }

  var tried: Int { lock.withLock { triedCount } }
  var accepted: Int { lock.withLock { acceptedCount } }

  /// A forgery the client must refuse with exactly `expected`: any result
  /// coming back (a value shown, a grant stored) counts as accepted.
  func refuses<T>(
    _ what: String, _ expected: ClientError, throughProxy: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation, _ attempt: () async throws -> T
  ) async {
    let before = proxy.rewritten
    lock.withLock { triedCount += 1 }
    do {
      _ = try await attempt()
      lock.withLock { acceptedCount += 1 }
      Issue.record("accepted: \(what)", sourceLocation: sourceLocation)
    } catch let error as ClientError {
      #expect(error == expected, "\(what)", sourceLocation: sourceLocation)
    } catch {
      Issue.record("\(what): \(error)", sourceLocation: sourceLocation)
    }
    served(what, before: before, throughProxy: throughProxy, sourceLocation: sourceLocation)
  }

  /// A forgery the client must detect without failing: `check` says whether
  /// it did (a warning shown, a note told unreadable, nothing sealed).
  func detects(
    _ what: String, throughProxy: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation, _ check: () async throws -> Bool
  ) async {
    let before = proxy.rewritten
    lock.withLock { triedCount += 1 }
    do {
      if try await !check() {
        lock.withLock { acceptedCount += 1 }
        Issue.record("accepted: \(what)", sourceLocation: sourceLocation)
      }
    } catch {
      Issue.record("\(what): \(error)", sourceLocation: sourceLocation)
    }
    served(what, before: before, throughProxy: throughProxy, sourceLocation: sourceLocation)
  }

  private func served(
    _ what: String, before: Int, throughProxy: Bool, sourceLocation: SourceLocation
  ) {
    guard throughProxy else { return }
    #expect(
      proxy.rewritten > before, "the forgery was never served: \(what)",
      sourceLocation: sourceLocation)
    #expect(
      proxy.rewriteFailures.isEmpty, "\(proxy.rewriteFailures)", sourceLocation: sourceLocation)
  }

  /// Prints the count (the line the issue asks for) and fails if any forgery
  /// was accepted or none was tried.
  func finish(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let (tried, accepted) = lock.withLock { (triedCount, acceptedCount) }
    print("hostile platform: \(tried) forgeries tried, \(accepted) accepted (\(name))")
    #expect(accepted == 0, sourceLocation: sourceLocation)
    #expect(tried > 0, sourceLocation: sourceLocation)
  }
}
