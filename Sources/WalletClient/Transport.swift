import Foundation
import PSPCrypto
import PSPWallet
import WalletAPI

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Speaks HTTP to walletd for one identity: opens a session with a signed
/// handshake, then authenticates every request with the session key (keyed
/// BLAKE2b over method, path, counter and body). A session that expired or
/// vanished (walletd restarted) is opened again once, transparently.
public final class Transport: @unchecked Sendable {
  public let baseURL: String
  public let identity: Identity
  /// The keys and memory this client checks walletd's answers against.
  public let trust: ClientTrust
  private let urlSession: URLSession
  private let lock = NSLock()
  private var session: (id: String, key: SymmetricKey)?
  private var counter: UInt64 = 0
  public private(set) var daemonKey: SigningPublicKey?

  public init(baseURL: String, identity: Identity, trust: ClientTrust, timeout: TimeInterval = 30) {
    self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    self.identity = identity
    self.trust = trust
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.httpMaximumConnectionsPerHost = 64
    urlSession = URLSession(configuration: configuration)
  }

  /// An authenticated request; the answer decoded as `Out`.
  public func send<Out: Decodable>(
    _ method: String, _ path: String, body: (some Encodable)? = nil as Empty?, as: Out.Type
  ) async throws(ClientError) -> Out {
    let bytes = try encode(body)
    do {
      return try await attempt(method, path, bytes, as: Out.self)
    } catch let error where error.code == "unauthenticated" {
      // The session may have expired or walletd restarted: one new handshake, once.
      forgetSession()
      return try await attempt(method, path, bytes, as: Out.self)
    }
  }

  /// An unauthenticated GET (health, purposes, administrations).
  public func get<Out: Decodable>(_ path: String, as: Out.Type) async throws(ClientError) -> Out {
    try decode(try await perform("GET", path, [], headers: [:]), as: Out.self)
  }

  private func attempt<Out: Decodable>(
    _ method: String, _ path: String, _ bytes: [UInt8], as: Out.Type
  )
    async throws(ClientError) -> Out
  {
    let (id, key) = try await currentSession()
    let count = nextCounter()
    let mac = RequestAuthentication.mac(
      key: key, method: method, path: path, counter: count, body: bytes)
    let headers = [
      RequestAuthentication.sessionHeader: id, RequestAuthentication.counterHeader: String(count),
      RequestAuthentication.macHeader: Encoding.base64URL(mac),
    ]
    return try decode(try await perform(method, path, bytes, headers: headers), as: Out.self)
  }

  private func currentSession() async throws(ClientError) -> (String, SymmetricKey) {
    if let current = lock.withLock({ session }) { return current }
    let claims = SessionRequestClaims(
      key: identity.signingKey.publicKey, encryptionKey: identity.encryptionKey.publicKey,
      at: Int64(Date().timeIntervalSince1970))
    let token: String
    do {
      token = try SignedStatement.sign(
        claims, type: SessionRequestClaims.type, with: identity.signingKey)
    } catch {
      throw .local("the session request could not be signed")
    }
    let response = try decode(
      try await perform(
        "POST", "/v1/sessions", try encode(SessionRequest(token: token)), headers: [:]),
      as: SessionResponse.self)
    let key: SymmetricKey
    do {
      key = try SymmetricKey(SealedBox.open(response.sealedKey.bytes, with: identity.encryptionKey))
    } catch {
      throw .badAnswer("the session key does not open with this identity")
    }
    let daemon = try? Paserk.signingPublicKey(from: response.daemonKey)
    lock.withLock {
      session = (response.session, key)
      counter = 0
      daemonKey = daemon
    }
    return (response.session, key)
  }

  /// The daemon's key, from a session handshake.
  public func fetchDaemonKey() async throws(ClientError) -> SigningPublicKey {
    _ = try await currentSession()
    guard let key = lock.withLock({ daemonKey }) else { throw .badAnswer("no daemon key") }
    return key
  }

  private func forgetSession() { lock.withLock { session = nil } }

  private func nextCounter() -> UInt64 {
    lock.withLock {
      counter += 1
      return counter
    }
  }

  private func perform(_ method: String, _ path: String, _ body: [UInt8], headers: [String: String])
    async throws(ClientError) -> (Int, Data)
  {
    guard let url = URL(string: baseURL + path) else { throw .local("malformed server address") }
    var request = URLRequest(url: url)
    request.httpMethod = method
    if !body.isEmpty || method == "POST" {
      request.httpBody = Data(body)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    do {
      let (data, response) = try await urlSession.data(for: request)
      guard let http = response as? HTTPURLResponse else { throw ClientError.badAnswer("not HTTP") }
      return (http.statusCode, data)
    } catch let error as ClientError {
      throw error
    } catch {
      throw .unreachable(baseURL)
    }
  }

  private func decode<Out: Decodable>(_ answer: (Int, Data), as: Out.Type) throws(ClientError)
    -> Out
  {
    let (status, data) = answer
    guard (200..<300).contains(status) else {
      if let problem = try? JSONDecoder().decode(Problem.self, from: data) {
        throw .refused(problem)
      }
      throw .badAnswer("HTTP \(status)")
    }
    do { return try JSONDecoder().decode(Out.self, from: data) } catch {
      throw .badAnswer("unexpected JSON")
    }
  }

  private func encode(_ body: (some Encodable)?) throws(ClientError) -> [UInt8] {
    guard let body else { return [] }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do { return Array(try encoder.encode(body)) } catch {
      throw .local("the request could not be encoded")
    }
  }
}

/// No body.
public struct Empty: Codable, Sendable {}

/// The `{"ok":true}` answer of operations that only succeed or fail.
public struct Done: Codable, Sendable {
  public let ok: Bool
}
