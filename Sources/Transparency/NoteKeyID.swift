import PSPCrypto

/// Key names and key IDs of signed notes (c2sp.org/signed-note).
public enum NoteKeyID {
  /// "key ID = SHA-256(key name || 0x0A || signature type || public key)[:4]",
  /// read as a big-endian uint32.
  public static func compute(name: String, type: UInt8, publicKey: [UInt8]) -> UInt32 {
    let digest = SHA256.hash(Array(name.utf8), [0x0A, type], publicKey)
    return digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
  }

  /// The key ID as vkeys write it: 8 lowercase hex digits (zero-padded, big endian).
  public static func hex(_ keyID: UInt32) -> String {
    Encoding.hex(bigEndianBytes(keyID))
  }

  static func bigEndianBytes(_ keyID: UInt32) -> [UInt8] {
    [UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xFF), UInt8(keyID >> 8 & 0xFF), UInt8(keyID & 0xFF)]
  }

  static func read(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
  }

  /// "Key names MUST be non-empty and MUST NOT contain any Unicode spaces or
  /// plus (U+002B) characters." Control characters are refused too: a note may
  /// hold none but the newline, and a name never spans lines.
  public static func isValidName(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy { scalar in
        scalar != "+" && !scalar.properties.isWhitespace && scalar.value >= 0x20
      }
  }
}
