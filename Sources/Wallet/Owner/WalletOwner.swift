import PSPCrypto

/// The citizen's own view of their wallet, on their device: everything here
/// runs on the client, with the owner's keys; the store sees only ciphertext.
public struct WalletOwner: Sendable {
  public let walletID: WalletID
  public let identity: Identity
  public let store: any WalletStore
  public private(set) var keyring: CircleKeyring

  /// Opens a new wallet: only with an explicit acceptance of the consent terms.
  /// Makes the five circle keys (epoch 1), seals them to the owner, signs the
  /// consent receipt and stores the wallet.
  public static func open(
    identity: Identity, acceptance: ConsentAcceptance?, store: any WalletStore,
    walletID: WalletID = WalletID()
  ) throws(WalletError) -> WalletOwner {
    guard let acceptance, acceptance.terms == ConsentTerms.current else { throw .consentNotGiven }
    guard identity.kind == .citizen else { throw .malformed("identity kind (a wallet belongs to a citizen)") }
    var keyring = CircleKeyring()
    for circle in Circle.allCases { keyring.insert(SymmetricKey(), circle: circle, epoch: 1) }
    let owner = identity.publicIdentity
    let envelopes = try keyring.envelopes(
      wallet: walletID, circles: Circle.allCases, to: owner.encryptionKey)
    let receipt = try ConsentReceipt(wallet: walletID, owner: owner, acceptance: acceptance)
      .signed(with: identity.signingKey)
    let statement = try CircleKeyStatement.sign(
      keyring: keyring, wallet: walletID, epoch: 1, by: identity.signingKey, at: acceptance.acceptedAt)
    try store.create(
      WalletRecord(
        id: walletID, ownerSigningKey: Paserk.encode(owner.signingKey),
        ownerEncryptionKey: owner.encryptionKey.bytes, consentReceipt: receipt,
        createdAt: acceptance.acceptedAt),
      envelopes: envelopes, keyStatements: [statement])
    return WalletOwner(walletID: walletID, identity: identity, store: store, keyring: keyring)
  }

  /// Reopens an existing wallet with the owner's identity: checks that the
  /// wallet is this identity's and that its consent receipt verifies, then opens
  /// the circle keys.
  public init(walletID: WalletID, identity: Identity, store: any WalletStore) throws(WalletError) {
    let record = try store.wallet(walletID)
    guard record.closedAt == nil else { throw .walletClosed }
    let owner = identity.publicIdentity
    guard record.ownerSigningKey == Paserk.encode(owner.signingKey),
      record.ownerEncryptionKey == owner.encryptionKey.bytes
    else { throw .keyDoesNotOpen("wallet (another owner)") }
    _ = try ConsentReceipt.verify(record.consentReceipt, wallet: walletID, ownerKey: owner.signingKey)
    let envelopes = try store.envelopes(wallet: walletID, recipient: owner.encryptionKey.bytes)
    let commitments = try CircleKeyStatement.verify(
      store.keyStatements(wallet: walletID), wallet: walletID, owner: owner.signingKey)
    self.init(
      walletID: walletID, identity: identity, store: store,
      keyring: try CircleKeyring(
        envelopes: envelopes, recipient: identity.encryptionKey, commitments: commitments))
  }

  init(walletID: WalletID, identity: Identity, store: any WalletStore, keyring: CircleKeyring) {
    self.walletID = walletID
    self.identity = identity
    self.store = store
    self.keyring = keyring
  }

  /// The verified consent receipt.
  public func consentReceipt() throws(WalletError) -> ConsentReceipt {
    let record = try store.wallet(walletID)
    return try ConsentReceipt.verify(
      record.consentReceipt, wallet: walletID, ownerKey: identity.signingKey.publicKey)
  }

  /// Writes a new version of a field (the value's canonical bytes). Returns the
  /// stored record and its data key (to seal to durable grants, then drop).
  @discardableResult
  public func set(_ field: FieldID, circle: Circle, plaintext: [UInt8], at now: Int64)
    throws(WalletError) -> (record: FieldRecord, dataKey: SymmetricKey)
  {
    guard let (epoch, circleKey) = keyring.current(circle) else { throw .keyDoesNotOpen("circle key") }
    let latest = try store.history(wallet: walletID, field: field).last
    if let latest, latest.circle != circle { throw .malformed("circle of \(field)") }
    let sealed = try FieldSealer.seal(
      plaintext, wallet: walletID, field: field, version: (latest?.version ?? 0) + 1, circle: circle,
      circleKey: circleKey, circleEpoch: epoch, createdAt: now)
    try store.append(sealed.record)
    return sealed
  }

  /// The latest value of a field.
  public func read(_ field: FieldID) throws(WalletError) -> (record: FieldRecord, plaintext: [UInt8]) {
    guard let record = try store.history(wallet: walletID, field: field).last else {
      throw .unknownField(field)
    }
    return (record, try open(record))
  }

  /// The latest value of every field.
  public func readAll() throws(WalletError) -> [(record: FieldRecord, plaintext: [UInt8])] {
    try store.latestRecords(wallet: walletID).map { (record) throws(WalletError) in (record, try open(record)) }
  }

  /// Every version of a field, oldest first.
  public func history(_ field: FieldID) throws(WalletError) -> [(record: FieldRecord, plaintext: [UInt8])] {
    try store.history(wallet: walletID, field: field).map { (record) throws(WalletError) in
      (record, try open(record))
    }
  }

  public func open(_ record: FieldRecord) throws(WalletError) -> [UInt8] {
    guard record.wallet == walletID, let key = keyring.key(record.circle, epoch: record.circleEpoch) else {
      throw .recordDoesNotOpen(field: record.field, version: record.version)
    }
    return try FieldSealer.open(record, circleKey: key)
  }
}
