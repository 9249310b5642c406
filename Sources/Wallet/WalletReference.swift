import PSPCrypto

/// What a citizen gives their personne de confiance, as one code to read aloud
/// or copy by hand (spec/reference.md): the wallet id, and the first 16 bytes
/// of the owner's key id, so that the trustee's client can check the owner key
/// walletd returns instead of trusting it.
///
///     PSP-0G40-R40M-30E2-09GJ-...-4D
///
/// Crockford's base32 after the prefix `PSP`, grouped by four; case, spaces
/// and dashes are ignored, I and L are read as 1, O as 0. The last two
/// characters are a check (mod 1021 over every character, prefix included),
/// which catches every single wrong character and every swap of two
/// neighbours before anything is sent.
public struct WalletReference: Hashable, Sendable, CustomStringConvertible {
  public static let prefix = "PSP"
  /// Bytes of the owner's key id kept: 128 bits, so walletd would need a
  /// second preimage of BLAKE2b-264 on 128 bits (2^128 work) to pass another
  /// key off as the owner's.
  public static let ownerDigestCount = 16
  /// 32 bytes of payload are 52 characters (4 zero bits of padding), then 2 check characters.
  public static let characterCount = 54
  /// The largest prime below 32²: two base32 characters hold any remainder.
  static let modulus = 1021
  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

  /// Why a typed reference is refused.
  public enum Problem: Error, Equatable, Sendable {
    /// It does not begin with `PSP`.
    case notAReference
    /// It has more or fewer than 54 characters after `PSP` (the count it has).
    case wrongLength(Int)
    /// A character outside Crockford's alphabet (a U, punctuation, an accent).
    case notInAlphabet
    /// The check does not match: a character was mistyped or two were swapped.
    case mistyped
  }

  public let wallet: WalletID
  /// The first 16 bytes of the owner's key id: the BLAKE2b-264 digest that a
  /// `k4.pid.` identifier writes in base64url (crypto.md, PASERK).
  public let ownerDigest: [UInt8]

  public init(wallet: WalletID, owner: SigningPublicKey) {
    self.wallet = wallet
    ownerDigest = Self.digest(of: owner)
  }

  /// From a `k4.pid.` key id, as `procuration create` prints it.
  public init(wallet: WalletID, ownerKeyID: String) throws(CryptoError) {
    try Paserk.validateIdentifier(ownerKeyID, header: Paserk.publicIDHeader)
    let digest = try Encoding.fromBase64URL(ownerKeyID.dropFirst(Paserk.publicIDHeader.count))
    self.wallet = wallet
    ownerDigest = Array(digest.prefix(Self.ownerDigestCount))
  }

  /// Reads a reference typed by a person.
  public init(_ text: String) throws(Problem) {
    var values: [Int] = []
    for byte in text.utf8 {
      switch byte {
      case 0x20, 0x09, 0x2D: continue  // space, tab, dash
      default: break
      }
      var upper = (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
      if upper == 0x49 || upper == 0x4C { upper = 0x31 }  // I, L → 1
      if upper == 0x4F { upper = 0x30 }  // O → 0
      values.append(Self.alphabet.firstIndex(of: upper) ?? -1)
    }
    let prefix = Self.prefix.utf8.map { Self.alphabet.firstIndex(of: $0)! }
    guard values.starts(with: prefix) else { throw .notAReference }
    guard values.count == prefix.count + Self.characterCount else {
      throw .wrongLength(values.count - prefix.count)
    }
    guard !values.contains(-1) else { throw .notInAlphabet }
    let check = values[values.count - 2] * 32 + values[values.count - 1]
    guard check < Self.modulus, Self.remainder(values) == 0 else { throw .mistyped }
    let payload = Self.bytes(values[prefix.count..<(values.count - 2)])
    guard let payload else { throw .mistyped }  // padding bits not zero
    do {
      wallet = try WalletID(bytes: Array(payload[0..<WalletID.byteCount]))
    } catch { throw .mistyped }
    ownerDigest = Array(payload[WalletID.byteCount...])
  }

  /// True when `owner` is the key this reference was made for.
  public func matches(_ owner: SigningPublicKey) -> Bool {
    Self.digest(of: owner) == ownerDigest
  }

  /// The canonical characters, without dashes: `PSP`, 52 of payload, 2 of check.
  public var canonical: String {
    var values = Self.prefix.utf8.map { Self.alphabet.firstIndex(of: $0)! }
    values += Self.characters(wallet.bytes + ownerDigest)
    let check = (Self.modulus - Self.remainder(values + [0, 0])) % Self.modulus
    values += [check / 32, check % 32]
    return String(decoding: values.map { Self.alphabet[$0] }, as: UTF8.self)
  }

  /// `PSP-` then groups of four, as it is printed and read aloud.
  public var description: String {
    let body = Array(canonical.dropFirst(Self.prefix.count))
    let groups = stride(from: 0, to: body.count, by: 4).map {
      String(body[$0..<min($0 + 4, body.count)])
    }
    return ([Self.prefix] + groups).joined(separator: "-")
  }

  // MARK: the encoding

  static func digest(of owner: SigningPublicKey) -> [UInt8] {
    let id = Paserk.identifier(of: owner)
    let digest = try! Encoding.fromBase64URL(id.dropFirst(Paserk.publicIDHeader.count))
    return Array(digest.prefix(ownerDigestCount))
  }

  /// The characters' values read as one number in base 32, modulo 1021.
  static func remainder(_ values: [Int]) -> Int {
    values.reduce(0) { ($0 * 32 + $1) % modulus }
  }

  /// Bytes to 5-bit values, most significant bit first, the last padded with zeros.
  static func characters(_ bytes: [UInt8]) -> [Int] {
    var values: [Int] = []
    var buffer = 0
    var bits = 0
    for byte in bytes {
      buffer = (buffer << 8) | Int(byte)
      bits += 8
      while bits >= 5 {
        bits -= 5
        values.append((buffer >> bits) & 0x1F)
      }
      buffer &= (1 << bits) - 1
    }
    if bits > 0 { values.append((buffer << (5 - bits)) & 0x1F) }
    return values
  }

  /// 5-bit values back to bytes; nil when the padding bits are not zero.
  static func bytes(_ values: ArraySlice<Int>) -> [UInt8]? {
    var bytes: [UInt8] = []
    var buffer = 0
    var bits = 0
    for value in values {
      buffer = (buffer << 5) | value
      bits += 5
      if bits >= 8 {
        bits -= 8
        bytes.append(UInt8((buffer >> bits) & 0xFF))
      }
      buffer &= (1 << bits) - 1
    }
    return buffer == 0 ? bytes : nil
  }
}
