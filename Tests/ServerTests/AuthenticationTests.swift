import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletAPI
import WalletClient

/// Every request is authenticated by the caller's own key; replays refused.
@Suite("walletd authentication")
struct AuthenticationTests {
  @Test func replayedAndForgedRequestsAreRefused() async throws {
    let h = try await ServerHarness.start(fill: false)
    defer { Task { await h.stop() } }
    let raw = try await RawClient.open(h.url, identity: h.maria)
    let path = "/v1/wallets/\(h.citizen.walletID)/grants"
    #expect(try await raw.request("GET", path, counter: 1).0 == 200)
    // The very same request again: a replay.
    let (status, data) = try await raw.request("GET", path, counter: 1)
    #expect(status == 401)
    #expect(RawClient.problem(data)?.detail.contains("replay") == true)
    // Out of order within the window is fine; far below it is not.
    #expect(try await raw.request("GET", path, counter: 5000).0 == 200)
    #expect(try await raw.request("GET", path, counter: 4000).0 == 200)
    #expect(try await raw.request("GET", path, counter: 2000).0 == 401)
    // A MAC for another path, another method, another body, or by another key.
    #expect(
      try await raw.request(
        "GET", path, counter: 5001,
        mac: RequestAuthentication.mac(
          key: raw.key, method: "GET", path: "/v1/grants", counter: 5001, body: [])
      ).0 == 401)
    #expect(
      try await raw.request(
        "GET", path, counter: 5002,
        mac: RequestAuthentication.mac(
          key: raw.key, method: "POST", path: path, counter: 5002, body: [])
      ).0 == 401)
    #expect(
      try await raw.request(
        "GET", path, counter: 5003,
        mac: RequestAuthentication.mac(
          key: SymmetricKey(), method: "GET", path: path, counter: 5003, body: [])
      ).0 == 401)
    // An unknown session, missing headers.
    let stranger = RawClient(
      url: h.url, identity: h.maria, session: "AAAAAAAAAAAAAAAAAAAAAA", key: raw.key)
    #expect(try await stranger.request("GET", path, counter: 1).0 == 401)
    #expect(try await RawClient.send(h.url, "GET", path, body: [], headers: [:]).0 == 401)
  }

  @Test func handshakesAreSignedFreshAndUsedOnce() async throws {
    let h = try await ServerHarness.start(fill: false)
    defer { Task { await h.stop() } }
    func handshake(_ claims: SessionRequestClaims, signer: SigningKey) async throws -> (Int, Data) {
      let token = try SignedStatement.sign(claims, type: SessionRequestClaims.type, with: signer)
      return try await RawClient.send(
        h.url, "POST", "/v1/sessions",
        body: Array(try JSONEncoder().encode(SessionRequest(token: token))), headers: [:])
    }
    let now = Int64(Date().timeIntervalSince1970)
    let fresh = SessionRequestClaims(
      key: h.maria.signingKey.publicKey, encryptionKey: h.maria.encryptionKey.publicKey, at: now)
    #expect(try await handshake(fresh, signer: h.maria.signingKey).0 == 200)
    // Replayed handshake (same nonce): refused.
    #expect(try await handshake(fresh, signer: h.maria.signingKey).0 == 401)
    // Too old, from the future, signed by a key other than the one it names.
    let old = SessionRequestClaims(
      key: h.maria.signingKey.publicKey, encryptionKey: h.maria.encryptionKey.publicKey,
      at: now - 600)
    #expect(try await handshake(old, signer: h.maria.signingKey).0 == 401)
    let future = SessionRequestClaims(
      key: h.maria.signingKey.publicKey, encryptionKey: h.maria.encryptionKey.publicKey,
      at: now + 600)
    #expect(try await handshake(future, signer: h.maria.signingKey).0 == 401)
    let other = SessionRequestClaims(
      key: h.maria.signingKey.publicKey, encryptionKey: h.maria.encryptionKey.publicKey, at: now)
    #expect(try await handshake(other, signer: SigningKey()).0 == 401)
  }

  /// Brute force on authentication is throttled; the legitimate client, whose
  /// requests verify, keeps working from the same address.
  @Test func bruteForceIsThrottledAndTheLegitimateClientIsNot() async throws {
    // Failures are counted per wall-clock minute: walletd's clock is held in
    // the middle of one, so a slow run cannot cross into the next and reset
    // the count halfway (it did once, under load).
    let minute = Int64(Date().timeIntervalSince1970) / 60
    let h = try await ServerHarness.start(fill: false, clock: { minute * 60 + 30 })
    defer { Task { await h.stop() } }
    let raw = try await RawClient.open(h.url, identity: h.maria)
    let path = "/v1/wallets/\(h.citizen.walletID)/grants"
    var statuses: [Int] = []
    for counter in 1...40 as ClosedRange<UInt64> {
      statuses.append(
        try await raw.request("GET", path, counter: counter, mac: [UInt8](repeating: 0, count: 32))
          .0)
    }
    #expect(statuses.prefix(29).allSatisfy { $0 == 401 })
    #expect(statuses.suffix(5).allSatisfy { $0 == 429 })
    #expect(try await raw.request("GET", path, counter: 100).0 == 200)
    _ = try await h.citizen.grants()
  }
}

/// Hostile input gets a clear 4xx, never a 5xx, and changes nothing.
@Suite("walletd hostile input")
struct HostileInputTests {
  @Test func oversizedDeepMalformedAndUnknownBodies() async throws {
    let h = try await ServerHarness.start(fill: false)
    defer { Task { await h.stop() } }
    let raw = try await RawClient.open(h.url, identity: h.maria)
    let path = "/v1/wallets/\(h.citizen.walletID)/grants"
    var counter: UInt64 = 0
    func post(_ body: [UInt8], to target: String? = nil) async throws -> (Int, String?) {
      counter += 1
      let (status, data) = try await raw.request(
        "POST", target ?? path, body: body, counter: counter)
      return (status, RawClient.problem(data)?.code)
    }
    #expect(try await post([UInt8](repeating: 0x20, count: 2 << 20)).0 == 413)
    #expect(
      try await post(
        Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8))
        == (400, "bad-request"))
    #expect(try await post(Array("{\"token\": 12, \"keys\": []}".utf8)) == (400, "bad-request"))
    #expect(
      try await post(Array("{\"token\": \"x\", \"keys\": [], \"admin\": true}".utf8)) == (
        400, "bad-request"
      ))
    #expect(try await post(Array("not json".utf8)) == (400, "bad-request"))
    #expect(try await post([]) == (400, "bad-request"))
    #expect(
      try await post(
        Array("{\"records\":[],\"grantKeys\":[]}".utf8), to: "/v1/wallets/not-a-wallet/fields"
      ).0 == 400)
    #expect(try await post(Array("{}".utf8), to: "/v1/wallets/\(WalletID())/fields").0 == 400)
    let grants = try await h.citizen.grants()
    #expect(grants.isEmpty)
  }

  /// A body must be sent as JSON and say so; the check comes before the body
  /// is read, and a refused body changes nothing.
  @Test func wrongContentTypesAreRefused() async throws {
    let h = try await ServerHarness.start(fill: false)
    defer { Task { await h.stop() } }
    let raw = try await RawClient.open(h.url, identity: h.maria)
    let path = "/v1/wallets/\(h.citizen.walletID)/grants"
    var counter: UInt64 = 0
    let body = Array("{\"token\": \"x\", \"keys\": []}".utf8)
    func post(_ contentType: String) async throws -> (Int, String?) {
      counter += 1
      let (status, data) = try await raw.request(
        "POST", path, body: body, counter: counter, headers: ["Content-Type": contentType])
      return (status, RawClient.problem(data)?.code)
    }
    for refused in [
      "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
      "application/jsonp", "application/json-patch+json", "json", "",
    ] {
      #expect(try await post(refused) == (415, "unsupported-media-type"), "\(refused)")
    }
    // JSON in any case, with parameters: read as JSON (and refused as a bad token, 400 or 403, not 415).
    for accepted in ["application/json", "Application/JSON", "application/json; charset=utf-8"] {
      #expect(try await post(accepted).0 != 415, "\(accepted)")
    }
    #expect(try await h.citizen.grants().isEmpty)
  }
}
