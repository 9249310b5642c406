import PSPCrypto
import Testing

/// A key commitment holds for exactly one (key, context) pair.
@Suite("Key commitment")
struct KeyCommitmentTests {
  let key = SymmetricKey()
  let context = Array("wallet 7 / circle 2 / iban".utf8)

  @Test func verifiesForTheKeyAndContextItWasMadeFor() throws {
    let commitment = try KeyCommitment(key: key, context: context)
    #expect(commitment.bytes.count == 32)
    try commitment.verify(key: key, context: context)
    #expect(try KeyCommitment(key: key, context: context) == commitment)
  }

  @Test func anotherKeyIsRefused() throws {
    let commitment = try KeyCommitment(key: key, context: context)
    #expect(throws: CryptoError.commitmentMismatch) {
      try commitment.verify(key: SymmetricKey(), context: context)
    }
  }

  @Test func anotherContextIsRefused() throws {
    let commitment = try KeyCommitment(key: key, context: context)
    for other in [
      "", "wallet 7 / circle 2 / ibaN", "wallet 7 / circle 2 / iban ",
      "wallet 7 / circle 3 / iban",
    ] {
      #expect(throws: CryptoError.commitmentMismatch, "\(other)") {
        try commitment.verify(key: key, context: Array(other.utf8))
      }
    }
  }

  @Test func everyFlippedBitIsRefused() throws {
    let commitment = try KeyCommitment(key: key, context: context)
    let failures = Tampering.unrefused(
      Tampering.bitFlips(of: commitment.bytes), isExpected: { $0 == .commitmentMismatch }
    ) { (bytes) throws(CryptoError) in try KeyCommitment(bytes).verify(key: key, context: context) }
    #expect(failures.isEmpty, "\(failures.prefix(8))")
  }

  @Test func wrongLengthIsRefused() {
    for length in [0, 16, 31, 33, 64] {
      #expect(
        throws: CryptoError.invalidLength(what: "key commitment", expected: 32, actual: length)
      ) {
        try KeyCommitment([UInt8](repeating: 0, count: length))
      }
    }
  }

  /// The commitment is a keyed hash, not a hash of the key alone: it changes with
  /// the context, and it is not the plain BLAKE2b of label and context.
  @Test func dependsOnKeyAndContextTogether() throws {
    let label = Array(DomainSeparation.keyCommitment.utf8)
    let unkeyed = try BLAKE2b.hash([label, context], outputCount: 32)
    let commitment = try KeyCommitment(key: key, context: context)
    #expect(commitment.bytes != unkeyed)
    #expect(try KeyCommitment(key: key, context: []) != commitment)
    #expect(DomainSeparation.keyCommitment == "PSP-v1/key-commitment")
  }
}
