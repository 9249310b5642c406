import PSPCrypto

/// The damage an attacker can do to a sealed or signed value without a key:
/// flip any one bit, cut it short, lengthen it. The attack tests try every case
/// and collect the ones that were not refused, so one `#expect` reports them all.
enum Tampering {
  /// One variant per bit of `bytes`, each with exactly that bit flipped.
  static func bitFlips(of bytes: [UInt8]) -> [(what: String, bytes: [UInt8])] {
    (0..<bytes.count * 8).map { bit in
      var copy = bytes
      copy[bit / 8] ^= 1 << UInt8(bit % 8)
      return ("bit \(bit) flipped", copy)
    }
  }

  /// Every strict prefix of `bytes`, the empty one included.
  static func truncations(of bytes: [UInt8]) -> [(what: String, bytes: [UInt8])] {
    (0..<bytes.count).map { length in ("cut to \(length) bytes", Array(bytes.prefix(length))) }
  }

  /// `bytes` with one byte appended, and with one byte prepended.
  static func extensions(of bytes: [UInt8]) -> [(what: String, bytes: [UInt8])] {
    [("one byte appended", bytes + [0]), ("one byte prepended", [0] + bytes)]
  }

  /// Runs `open` on every variant and returns a line for each one that was not
  /// refused with an error `isExpected` accepts (an accepted variant, or a
  /// refusal for the wrong reason).
  static func unrefused<T>(
    _ variants: [(what: String, bytes: [UInt8])],
    isExpected: (CryptoError) -> Bool,
    open: ([UInt8]) throws(CryptoError) -> T
  ) -> [String] {
    var failures: [String] = []
    for variant in variants {
      do throws(CryptoError) {
        _ = try open(variant.bytes)
        failures.append("\(variant.what): accepted")
      } catch {
        if !isExpected(error) { failures.append("\(variant.what): refused with \(error)") }
      }
    }
    return failures
  }
}

extension CryptoError {
  /// Whether this is an `invalidToken`, whatever its reason.
  var isInvalidToken: Bool {
    if case .invalidToken = self { return true }
    return false
  }

  /// Whether this is an `invalidPaserk`, whatever its reason.
  var isInvalidPaserk: Bool {
    if case .invalidPaserk = self { return true }
    return false
  }

  /// Whether this is an `invalidLength`, whatever its values.
  var isInvalidLength: Bool {
    switch self {
    case .invalidLength, .lengthOutOfRange: return true
    default: return false
    }
  }
}
