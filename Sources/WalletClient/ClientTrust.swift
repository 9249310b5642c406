import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet

/// What a client holds that walletd cannot forge (`spec/api.md` §13): the
/// registration authorities' keys pinned for this installation (like root
/// certificates, set up once), and the client's own memory of what it has
/// seen and signed. Every answer of walletd is checked against these, never
/// against something walletd sent.
public final class ClientTrust: @unchecked Sendable {
  public let registrars: [SigningPublicKey]
  /// The witnesses whose cosignatures make a checkpoint believed (`spec/log.md` §8).
  public let witnesses: WitnessPolicy?
  private let lock = NSLock()
  private var memoryValue: ClientMemory
  private let onChange: (@Sendable (ClientMemory) -> Void)?

  /// - Parameters:
  ///   - registrars: the registrar keys of the installation.
  ///   - memory: what this client remembered from before (a file of the person's).
  ///   - onChange: called with the new memory after every change, to keep it.
  public init(
    registrars: [SigningPublicKey], witnesses: WitnessPolicy? = nil, memory: ClientMemory = ClientMemory(),
    onChange: (@Sendable (ClientMemory) -> Void)? = nil
  ) {
    self.registrars = registrars
    self.witnesses = witnesses
    memoryValue = memory
    self.onChange = onChange
  }

  public var memory: ClientMemory { lock.withLock { memoryValue } }

  /// Changes the memory and keeps it.
  func update<R>(_ body: (inout ClientMemory) throws(ClientError) -> R) throws(ClientError) -> R {
    lock.lock()
    var copy = memoryValue
    let result: R
    do { result = try body(&copy) } catch {
      lock.unlock()
      throw error
    }
    let changed = copy != memoryValue
    memoryValue = copy
    // Kept before the lock is released: two changes are kept in the order
    // they were made, never an older snapshot over a newer one.
    if changed { onChange?(copy) }
    lock.unlock()
    return result
  }

  /// The person saw an administration's old and new keys and confirmed the
  /// new ones (the certificate still verifies: only the remembered keys change).
  public func acceptKeys(of certified: CertifiedAdministration) throws(ClientError) {
    try update { memory in
      memory.administrations[certified.id.rawValue] = .init(certified)
    }
  }

  /// The key change found for administration `id`, if any: the keys remembered
  /// and the certificate that brings new ones.
  public func pendingKeyChange(_ id: String) -> (
    old: ClientMemory.KnownAdministration, new: CertifiedAdministration
  )? {
    pendingLock.withLock { pendingChanges[id] }
  }

  /// Its own lock: a change is noted from inside `update`, which holds `lock`
  /// (an `NSLock` taken twice by one thread never returns).
  private let pendingLock = NSLock()
  private var pendingChanges:
    [String: (ClientMemory.KnownAdministration, CertifiedAdministration)] = [:]

  func notePendingChange(
    _ id: String, old: ClientMemory.KnownAdministration, new: CertifiedAdministration
  ) {
    pendingLock.withLock { pendingChanges[id] = (old, new) }
  }
}

/// A client's memory (kept by the person's program, never by walletd): the
/// keys of each administration it has sealed to, the newest manifest it has
/// seen of each grant, the revocations the citizen signed, and the citizen's
/// key of each wallet it has read. No value and no secret is in it.
public struct ClientMemory: Codable, Sendable, Equatable {
  public struct KnownAdministration: Codable, Sendable, Equatable {
    /// `k4.public` of its signing key and base64url of its X25519 key.
    public let signingKey: String
    public let encryptionKey: String
    /// The `nbf` of the newest certificate seen with these keys: a certificate
    /// with other keys that starts earlier is an old one served again.
    public var notBefore: Int64?

    public init(signingKey: String, encryptionKey: String, notBefore: Int64? = nil) {
      self.signingKey = signingKey
      self.encryptionKey = encryptionKey
      self.notBefore = notBefore
    }

    init(_ certified: CertifiedAdministration) {
      self.init(
        signingKey: certified.administration.signingKeyPaserk,
        encryptionKey: certified.administration.encryptionKeyText, notBefore: certified.notBefore)
    }

    func sameKeys(_ other: KnownAdministration) -> Bool {
      signingKey == other.signingKey && encryptionKey == other.encryptionKey
    }
  }

  public struct ManifestMark: Codable, Sendable, Equatable {
    public let seq: Int
    /// BLAKE2b-256 of the manifest token, base64url.
    public let digest: String
  }

  /// By administration id.
  public var administrations: [String: KnownAdministration] = [:]
  /// By grant id.
  public var manifests: [String: ManifestMark] = [:]
  /// By grant id: the revocation the citizen signed.
  public var revocations: [String: String] = [:]
  /// By wallet id: `k4.public` of the citizen's signing key.
  public var owners: [String: String] = [:]
  /// By log origin: the largest epoch log size seen in a witnessed checkpoint.
  public var epochs: [String: Int] = [:]
  /// By one-shot procuration id: the filing seen under it.
  public var oneShotFilings: [String: String] = [:]
  /// By wallet id: the log entries this client holds receipts of.
  public var receipts: [String: [Int]] = [:]

  public init() {}

  /// A memory kept before a member existed reads with that member empty.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    administrations = try container.decodeIfPresent([String: KnownAdministration].self, forKey: .administrations) ?? [:]
    manifests = try container.decodeIfPresent([String: ManifestMark].self, forKey: .manifests) ?? [:]
    revocations = try container.decodeIfPresent([String: String].self, forKey: .revocations) ?? [:]
    owners = try container.decodeIfPresent([String: String].self, forKey: .owners) ?? [:]
    epochs = try container.decodeIfPresent([String: Int].self, forKey: .epochs) ?? [:]
    oneShotFilings = try container.decodeIfPresent([String: String].self, forKey: .oneShotFilings) ?? [:]
    receipts = try container.decodeIfPresent([String: [Int]].self, forKey: .receipts) ?? [:]
  }
}
