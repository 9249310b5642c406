import PSPCrypto

// JSON forms of the stored records: byte strings as unpadded base64url (not
// arrays of numbers), so an export or an API body stays about 4/3 of the data.

extension KeyedEncodingContainer {
  mutating func encodeBytes(_ bytes: [UInt8], forKey key: Key) throws {
    try encode(Encoding.base64URL(bytes), forKey: key)
  }
}

extension KeyedDecodingContainer {
  func decodeBytes(forKey key: Key) throws -> [UInt8] {
    guard let bytes = try? Encoding.fromBase64URL(decode(String.self, forKey: key)) else {
      throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "base64url")
    }
    return bytes
  }
}

extension FieldRecord {
  enum CodingKeys: String, CodingKey {
    case wallet, field, version, circle, circleEpoch, ciphertext, commitment, wrappedDataKey, createdAt
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      wallet: try c.decode(WalletID.self, forKey: .wallet), field: try c.decode(FieldID.self, forKey: .field),
      version: try c.decode(UInt64.self, forKey: .version), circle: try c.decode(Circle.self, forKey: .circle),
      circleEpoch: try c.decode(UInt32.self, forKey: .circleEpoch),
      ciphertext: try c.decodeBytes(forKey: .ciphertext), commitment: try c.decodeBytes(forKey: .commitment),
      wrappedDataKey: try c.decodeBytes(forKey: .wrappedDataKey),
      createdAt: try c.decode(Int64.self, forKey: .createdAt))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(wallet, forKey: .wallet)
    try c.encode(field, forKey: .field)
    try c.encode(version, forKey: .version)
    try c.encode(circle, forKey: .circle)
    try c.encode(circleEpoch, forKey: .circleEpoch)
    try c.encodeBytes(ciphertext, forKey: .ciphertext)
    try c.encodeBytes(commitment, forKey: .commitment)
    try c.encodeBytes(wrappedDataKey, forKey: .wrappedDataKey)
    try c.encode(createdAt, forKey: .createdAt)
  }
}

extension CircleKeyEnvelope {
  enum CodingKeys: String, CodingKey {
    case wallet, circle, epoch, recipient, sealedKey
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      wallet: try c.decode(WalletID.self, forKey: .wallet), circle: try c.decode(Circle.self, forKey: .circle),
      epoch: try c.decode(UInt32.self, forKey: .epoch), recipient: try c.decodeBytes(forKey: .recipient),
      sealedKey: try c.decodeBytes(forKey: .sealedKey))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(wallet, forKey: .wallet)
    try c.encode(circle, forKey: .circle)
    try c.encode(epoch, forKey: .epoch)
    try c.encodeBytes(recipient, forKey: .recipient)
    try c.encodeBytes(sealedKey, forKey: .sealedKey)
  }
}

extension WalletRecord {
  enum CodingKeys: String, CodingKey {
    case id, ownerSigningKey, ownerEncryptionKey, consentReceipt, createdAt, closedAt, closure
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(WalletID.self, forKey: .id), ownerSigningKey: try c.decode(String.self, forKey: .ownerSigningKey),
      ownerEncryptionKey: try c.decodeBytes(forKey: .ownerEncryptionKey),
      consentReceipt: try c.decode(String.self, forKey: .consentReceipt),
      createdAt: try c.decode(Int64.self, forKey: .createdAt),
      closedAt: try c.decodeIfPresent(Int64.self, forKey: .closedAt),
      closure: try c.decodeIfPresent(String.self, forKey: .closure))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(ownerSigningKey, forKey: .ownerSigningKey)
    try c.encodeBytes(ownerEncryptionKey, forKey: .ownerEncryptionKey)
    try c.encode(consentReceipt, forKey: .consentReceipt)
    try c.encode(createdAt, forKey: .createdAt)
    try c.encodeIfPresent(closedAt, forKey: .closedAt)
    try c.encodeIfPresent(closure, forKey: .closure)
  }
}
