/// PAE, PASETO's pre-authentication encoding (PASETO spec, "Authentication
/// Padding"): `LE64(n) || LE64(len(p1)) || p1 || … || LE64(len(pn)) || pn`, each
/// LE64 with its most significant bit cleared. It makes the signed or MACed
/// string an injective function of its pieces, so no piece can bleed into another.
public enum PreAuthenticationEncoding {
  public static func encode(_ pieces: [[UInt8]]) -> [UInt8] {
    var out = le64(UInt64(pieces.count))
    for piece in pieces {
      out += le64(UInt64(piece.count))
      out += piece
    }
    return out
  }

  static func le64(_ value: UInt64) -> [UInt8] {
    let cleared = value & 0x7FFF_FFFF_FFFF_FFFF
    return (0..<8).map { UInt8(truncatingIfNeeded: cleared >> (8 * $0)) }
  }
}
