import PSPCrypto

/// The recovery code shown once when a keystore is made: 120 random bits as 24
/// characters of Crockford's base32 in six groups of four (`7KQM-2XPD-…`).
/// Crockford's alphabet has no I, L, O or U, so a code read aloud or copied by
/// hand is not mistaken; on input, case, spaces and dashes are ignored and
/// I/L are read as 1, O as 0.
public struct RecoveryCode: Sendable {
  static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
  public static let characterCount = 24
  /// The canonical characters (no dashes), UTF-8, in guarded memory.
  let canonical: SecureBytes

  /// A fresh random code.
  public init() {
    let random = SecureBytes(randomCount: 15)  // 120 bits = 24 × 5 bits
    canonical = SecureBytes(count: Self.characterCount) { out in
      random.withUnsafeBytes { bits in
        for index in 0..<Self.characterCount {
          let bitOffset = index * 5
          let byte = bitOffset / 8
          let shift = bitOffset % 8
          let window = (UInt16(bits[byte]) << 8) | UInt16(byte + 1 < bits.count ? bits[byte + 1] : 0)
          let value = Int((window >> (11 - shift)) & 0x1F)
          out[index] = Self.alphabet[value]
        }
      }
    }
  }

  /// Reads a code typed by a person.
  public init(parsing text: SecureBytes) throws(KeystoreError) {
    var normalised = [UInt8]()
    defer { wipe(&normalised) }
    normalised.reserveCapacity(Self.characterCount)
    let ok = text.withUnsafeBytes { raw -> Bool in
      for c in raw {
        switch c {
        case 0x20, 0x2D, 0x09: continue  // space, dash, tab
        default: break
        }
        var upper = (c >= 0x61 && c <= 0x7A) ? c - 0x20 : c
        if upper == 0x49 || upper == 0x4C { upper = 0x31 }  // I, L → 1
        if upper == 0x4F { upper = 0x30 }  // O → 0
        guard Self.alphabet.contains(upper) else { return false }
        normalised.append(upper)
      }
      return true
    }
    guard ok, normalised.count == Self.characterCount else { throw .malformedRecoveryCode }
    canonical = SecureBytes(copying: normalised)
  }

  /// The code as a person reads it, grouped by four. Show once; never log.
  public func withGroupedText<R>(_ body: (String) -> R) -> R {
    canonical.withUnsafeBytes { raw in
      var grouped = [UInt8]()
      for (index, c) in raw.enumerated() {
        if index > 0 && index % 4 == 0 { grouped.append(0x2D) }
        grouped.append(c)
      }
      defer { wipe(&grouped) }
      return body(String(decoding: grouped, as: UTF8.self))
    }
  }
}
