import PSPCrypto
import Testing

/// PAE, PASETO spec "Common Implementation Details", §"PAE Definition": the
/// spec's worked examples, and the injectivity the signatures and MACs rely on.
@Suite("Pre-authentication encoding")
struct PreAuthenticationEncodingTests {
  func pae(_ pieces: [String]) -> String {
    Encoding.hex(PreAuthenticationEncoding.encode(pieces.map { Array($0.utf8) }))
  }

  @Test func specExamples() {
    #expect(pae([]) == "0000000000000000")
    #expect(pae([""]) == "0100000000000000" + "0000000000000000")
    #expect(pae(["test"]) == "0100000000000000" + "0400000000000000" + "74657374")
  }

  /// Lengths are 64-bit little-endian: a 300-byte piece is 2c01000000000000.
  @Test func lengthsAreLittleEndian64() {
    let encoded = PreAuthenticationEncoding.encode([[UInt8](repeating: 0x61, count: 300), []])
    #expect(
      Encoding.hex(encoded.prefix(24)) == "0200000000000000" + "2c01000000000000"
        + "6161616161616161")
    #expect(Encoding.hex(encoded.suffix(8)) == "0000000000000000")
    #expect(encoded.count == 8 + 8 + 300 + 8)
  }

  /// Moving bytes between pieces, or splitting a piece in two, changes the
  /// encoding: no two different lists of pieces share one.
  @Test func differentPieceListsNeverCollide() {
    let lists: [[String]] = [
      [], [""], ["", ""], ["a"], ["a", ""], ["", "a"], ["ab"], ["a", "b"], ["ab", ""], ["", "ab"],
      ["v4.public.", "m", "f", ""], ["v4.public.", "m", "", "f"], ["v4.public.", "mf", "", ""],
      ["v4.public.m", "", "f", ""],
    ]
    let encodings = lists.map(pae)
    #expect(Set(encodings).count == lists.count)
  }
}
