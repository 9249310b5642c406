import PSPCrypto
import Testing

@Suite("Argon2id")
struct Argon2idTests {
  struct File: Decodable {
    struct Case: Decodable {
      let password, salt, tag: String
      let iterations: UInt64
      let memory_kib: UInt64
      let parallelism: UInt32
    }
    let tests: [Case]
  }

  /// Known answers from an independent implementation (see Fixtures/README.md).
  @Test func oneLaneKnownAnswers() throws {
    let file = try VectorFiles.fixture("argon2id_one_lane.json", as: File.self)
    #expect(file.tests.count == 3)
    for test in file.tests {
      let parameters = try Argon2idParameters(
        iterations: test.iterations, memoryBytes: test.memory_kib * 1024,
        parallelism: test.parallelism, salt: hex(test.salt))
      let key = try PasswordHash.deriveKey(
        passphrase: SecureBytes(copying: hex(test.password)), parameters: parameters)
      #expect(key.withUnsafeBytes { Array($0) } == hex(test.tag))
    }
  }

  /// RFC 9106 §5.3 needs four lanes, a secret and associated data; libsodium
  /// computes none of these, so the wrapper must refuse the parameters rather than
  /// silently compute something else. (The vector's tag is checked by the
  /// vectors' collector with another implementation; see Tests/Vectors/README.md.)
  @Test func rfc9106VectorIsRefusedNotMiscomputed() throws {
    struct RFC: Decodable {
      struct Case: Decodable {
        let iterations: UInt64
        let memory_kib: UInt64
        let parallelism: UInt32
        let salt: String
      }
      let tests: [Case]
    }
    let file = try VectorFiles.shared("rfc/argon2id_rfc9106_5.3.json", as: RFC.self)
    let test = try #require(file.tests.first)
    #expect(test.parallelism == 4)
    #expect(throws: CryptoError.self) {
      try Argon2idParameters(
        iterations: test.iterations, memoryBytes: test.memory_kib * 1024,
        parallelism: test.parallelism, salt: hex(test.salt))
    }
  }

  @Test func parametersOutOfRangeAreRefused() {
    #expect(throws: CryptoError.self) { try Argon2idParameters(iterations: 0, memoryBytes: 1 << 20) }
    #expect(throws: CryptoError.self) { try Argon2idParameters(iterations: 2, memoryBytes: 1024) }
    #expect(throws: CryptoError.self) { try Argon2idParameters(iterations: 2, memoryBytes: 8 << 30) }
    #expect(throws: CryptoError.self) {
      try Argon2idParameters(iterations: 2, memoryBytes: 1 << 20, salt: [1, 2, 3])
    }
  }

  @Test func differentPassphraseOrSaltGivesDifferentKey() throws {
    let parameters = try Argon2idParameters(iterations: 1, memoryBytes: 1 << 16)
    let a = try PasswordHash.deriveKey(passphrase: SecureBytes(copying: Array("un".utf8)), parameters: parameters)
    let b = try PasswordHash.deriveKey(passphrase: SecureBytes(copying: Array("deux".utf8)), parameters: parameters)
    let other = try Argon2idParameters(iterations: 1, memoryBytes: 1 << 16)
    let c = try PasswordHash.deriveKey(passphrase: SecureBytes(copying: Array("un".utf8)), parameters: other)
    let again = try PasswordHash.deriveKey(passphrase: SecureBytes(copying: Array("un".utf8)), parameters: parameters)
    #expect(!a.constantTimeEquals(b))
    #expect(!a.constantTimeEquals(c))
    #expect(a.constantTimeEquals(again))
  }
}
