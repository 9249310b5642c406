import PSPCrypto
import PSPWallet
import Testing

@testable import PSPConsent

@Suite("Verified-grant cache: bounded, least recently used out first, exact token only")
struct VerifiedGrantCacheTests {
  let f: ConsentFixture
  init() throws { f = try ConsentFixture() }

  /// A grant from Maria to the FNS, signed and verified as walletd does.
  func verifiedGrant(days: Int64 = 30) throws -> Grant {
    let claims = GrantClaims(
      wallet: f.owner.walletID, issuer: f.maria.publicIdentity.keyID,
      grantee: f.fns.publicIdentity.keyID,
      purpose: "allocation-vie-chere", fields: ["surname", "iban"], kind: .durable, issuedAt: f.now,
      notBefore: f.now, expires: f.now + days * ConsentFixture.day)
    let token = try SignedStatement.sign(claims, type: GrantClaims.type, with: f.maria.signingKey)
    return try GrantVerifier.verify(
      token, authority: f.authority, state: ConsentState(), rules: f.rules)
  }

  @Test func aKeptGrantComesBackWholeForItsOwnToken() throws {
    let cache = VerifiedGrantCache(capacity: 4)
    let grant = try verifiedGrant()
    #expect(cache.grant(grant.id, token: grant.token) == nil)
    cache.insert(grant, generation: cache.generation)
    #expect(cache.grant(grant.id, token: grant.token) == grant)
    #expect(cache.count == 1)
  }

  @Test func anotherTokenUnderTheSameIdMisses() throws {
    let cache = VerifiedGrantCache(capacity: 4)
    let grant = try verifiedGrant()
    cache.insert(grant, generation: cache.generation)
    // The same claims signed by another key (Ed25519 is deterministic: the
    // same key would give the same token) and the token with one character
    // changed: neither is the token that verified.
    let resigned = try SignedStatement.sign(
      grant.claims, type: GrantClaims.type, with: f.paul.signingKey)
    #expect(resigned != grant.token)
    #expect(cache.grant(grant.id, token: resigned) == nil)
    var tampered = Array(grant.token.utf8)
    tampered[tampered.count - 2] ^= 1
    #expect(cache.grant(grant.id, token: String(decoding: tampered, as: UTF8.self)) == nil)
    #expect(cache.grant(grant.id, token: String(grant.token.dropLast())) == nil)
    #expect(cache.grant(grant.id, token: "") == nil)
  }

  @Test func whenFullTheLeastRecentlyUsedGoes() throws {
    let cache = VerifiedGrantCache(capacity: 3)
    let grants = try (0..<5).map { _ in try verifiedGrant() }
    for grant in grants[0..<3] { cache.insert(grant, generation: cache.generation) }
    // Using the oldest makes the second the least recently used.
    #expect(cache.grant(grants[0].id, token: grants[0].token) != nil)
    cache.insert(grants[3], generation: cache.generation)
    #expect(cache.count == 3)
    #expect(cache.grant(grants[1].id, token: grants[1].token) == nil)
    for index in [0, 2, 3] {
      #expect(cache.grant(grants[index].id, token: grants[index].token) != nil)
    }
    // Now 0 is the least recently used (2, then 3 were used after it).
    cache.insert(grants[4], generation: cache.generation)
    #expect(cache.grant(grants[0].id, token: grants[0].token) == nil)
    for index in [2, 3, 4] {
      #expect(cache.grant(grants[index].id, token: grants[index].token) != nil)
    }
    #expect(cache.count == 3)
  }

  @Test func insertingAGrantAgainKeepsOneEntry() throws {
    let cache = VerifiedGrantCache(capacity: 2)
    let first = try verifiedGrant()
    let second = try verifiedGrant()
    cache.insert(first, generation: cache.generation)
    cache.insert(second, generation: cache.generation)
    cache.insert(first, generation: cache.generation)
    #expect(cache.count == 2)
    // `first` is now the most recently used: a third grant pushes out `second`.
    cache.insert(try verifiedGrant(), generation: cache.generation)
    #expect(cache.grant(first.id, token: first.token) != nil)
    #expect(cache.grant(second.id, token: second.token) == nil)
  }

  @Test func emptyingForgetsAllAndRefusesAGrantVerifiedBefore() throws {
    let cache = VerifiedGrantCache(capacity: 4)
    let grant = try verifiedGrant()
    cache.insert(grant, generation: cache.generation)
    // A read verifies under the old registry while the registry changes.
    let before = cache.generation
    cache.removeAll()
    #expect(cache.count == 0)
    #expect(cache.grant(grant.id, token: grant.token) == nil)
    cache.insert(grant, generation: before)
    #expect(cache.grant(grant.id, token: grant.token) == nil)
    cache.insert(grant, generation: cache.generation)
    #expect(cache.grant(grant.id, token: grant.token) == grant)
  }

  @Test func capacityZeroKeepsNothing() throws {
    let cache = VerifiedGrantCache(capacity: 0)
    let grant = try verifiedGrant()
    cache.insert(grant, generation: cache.generation)
    #expect(cache.count == 0)
    #expect(cache.grant(grant.id, token: grant.token) == nil)
  }

  /// Random inserts and lookups against a plain model of an LRU list.
  @Test func agreesWithAModelOverRandomUse() throws {
    let capacity = 8
    let cache = VerifiedGrantCache(capacity: capacity)
    let grants = try (0..<20).map { _ in try verifiedGrant() }
    var model: [StatementID] = []  // least recently used first
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let grant = grants[Int.random(in: 0..<grants.count, using: &generator)]
      if Bool.random(using: &generator) {
        cache.insert(grant, generation: cache.generation)
        model.removeAll { $0 == grant.id }
        model.append(grant.id)
        if model.count > capacity { model.removeFirst() }
      } else {
        let hit = cache.grant(grant.id, token: grant.token) != nil
        #expect(hit == model.contains(grant.id))
        if hit {
          model.removeAll { $0 == grant.id }
          model.append(grant.id)
        }
      }
      #expect(cache.count == model.count)
    }
  }
}
