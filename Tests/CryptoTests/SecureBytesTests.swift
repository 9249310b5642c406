import PSPCrypto
import Testing

/// Guarded secrets: equality in constant time means the same length and the
/// same bytes; a slice is a copy; random secrets are fresh.
@Suite("Secure bytes")
struct SecureBytesTests {
  struct Refused: Error {}

  func secure(_ bytes: [UInt8]) -> SecureBytes { SecureBytes(copying: bytes) }

  @Test func constantTimeEqualsIsByteEquality() {
    let base: [UInt8] = Array(0..<32)
    #expect(secure(base).constantTimeEquals(secure(base)))
    #expect(secure([]).constantTimeEquals(secure([])))
    // One differing bit anywhere, first byte to last, is a difference.
    for bit in 0..<(base.count * 8) {
      var other = base
      other[bit / 8] ^= 1 << UInt8(bit % 8)
      #expect(!secure(base).constantTimeEquals(secure(other)), "bit \(bit)")
    }
    // A prefix is not equal, nor a longer string that starts the same.
    #expect(!secure(base).constantTimeEquals(secure(Array(base.prefix(31)))))
    #expect(!secure(base).constantTimeEquals(secure(base + [0])))
    #expect(!secure([]).constantTimeEquals(secure([0])))
  }

  @Test func arrayConstantTimeEqualsIsByteEquality() {
    #expect(constantTimeEquals([], []))
    #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
    #expect(!constantTimeEquals([1, 2, 3], [1, 2, 4]))
    #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
    #expect(!constantTimeEquals([], [0]))
  }

  @Test func subrangeIsTheSliceAndACopy() {
    let whole = secure(Array(0..<64))
    let middle = whole.subrange(10..<20)
    #expect(middle.count == 10)
    #expect(middle.withUnsafeBytes { Array($0) } == Array(10..<20))
    #expect(whole.subrange(0..<0).count == 0)
    #expect(whole.subrange(0..<64).constantTimeEquals(whole))
    // Distinct guarded allocations: the slice does not alias the original.
    let aliased = whole.withUnsafeBytes { outer in
      middle.withUnsafeBytes { inner in inner.baseAddress == outer.baseAddress! + 10 }
    }
    #expect(!aliased)
  }

  @Test func randomSecretsDiffer() {
    let secrets = (0..<16).map { _ in SecureBytes(randomCount: 32) }
    let distinct = Set(secrets.map { $0.withUnsafeBytes { Array($0) } })
    #expect(distinct.count == secrets.count)
    #expect(secrets.allSatisfy { $0.count == 32 })
    // Not the untouched zero page either.
    #expect(secrets.allSatisfy { !$0.constantTimeEquals(secure([UInt8](repeating: 0, count: 32))) })
    #expect(randomBytes(24) != randomBytes(24))
  }

  /// An initialiser that throws must give back its guarded memory exactly
  /// once and let the error through (no double free, no crash).
  @Test func throwingInitialiserReleasesTheMemoryOnce() {
    for _ in 0..<3 {
      #expect(throws: Refused.self) {
        _ = try SecureBytes(count: 32) { buffer in
          buffer.initializeMemory(as: UInt8.self, repeating: 0xAA)
          throw Refused()
        }
      }
    }
    // Guarded memory still works afterwards.
    #expect(SecureBytes(randomCount: 16).count == 16)
  }

  @Test func wipeZeroesAnArrayInPlace() {
    var bytes: [UInt8] = Array(1...40)
    wipe(&bytes)
    #expect(bytes == [UInt8](repeating: 0, count: 40))
    var empty: [UInt8] = []
    wipe(&empty)
    #expect(empty.isEmpty)
  }
}
