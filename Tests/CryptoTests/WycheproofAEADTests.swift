import PSPCrypto
import Testing

/// Wycheproof AEAD files (ChaCha20-Poly1305 and XChaCha20-Poly1305, IETF forms).
struct WycheproofAEADFile: Decodable {
  struct Group: Decodable {
    let ivSize: Int
    let keySize: Int
    let tagSize: Int
    let tests: [Case]
  }
  struct Case: Decodable {
    let tcId: Int
    let comment: String
    let key: String
    let iv: String
    let aad: String
    let msg: String
    let ct: String
    let tag: String
    let result: String
  }
  let numberOfTests: Int
  let testGroups: [Group]
}

/// What one vector file gave: each case is counted exactly once.
struct VectorTally: CustomStringConvertible {
  var valid = 0
  var invalidRefused = 0
  var wrongNonceSizeRefused = 0
  var total: Int { valid + invalidRefused + wrongNonceSizeRefused }
  var description: String {
    "valid \(valid), invalid refused \(invalidRefused), wrong nonce size refused \(wrongNonceSizeRefused)"
  }
}

@Suite("Wycheproof AEAD vectors")
struct WycheproofAEADTests {
  typealias Seal = ([UInt8], SymmetricKey, [UInt8], [UInt8]) throws -> [UInt8]
  typealias Open = ([UInt8], SymmetricKey, [UInt8], [UInt8]) throws -> [UInt8]

  func run(file: String, nonceBytes: Int, seal: Seal, open: Open) throws -> VectorTally {
    let vectors = try VectorFiles.shared(file, as: WycheproofAEADFile.self)
    var tally = VectorTally()
    for group in vectors.testGroups {
      for test in group.tests {
        let key = try SymmetricKey(copying: hex(test.key))
        let nonce = hex(test.iv)
        let aad = hex(test.aad)
        let expected = hex(test.ct) + hex(test.tag)
        if nonce.count != nonceBytes {
          // libsodium's nonce size is fixed: the API refuses any other size.
          #expect(test.result == "invalid", "tcId \(test.tcId)")
          #expect(throws: CryptoError.self, "tcId \(test.tcId)") { try open(expected, key, nonce, aad) }
          #expect(throws: CryptoError.self, "tcId \(test.tcId)") { try seal(hex(test.msg), key, nonce, aad) }
          tally.wrongNonceSizeRefused += 1
          continue
        }
        switch test.result {
        case "valid":
          #expect(try seal(hex(test.msg), key, nonce, aad) == expected, "tcId \(test.tcId)")
          #expect(try open(expected, key, nonce, aad) == hex(test.msg), "tcId \(test.tcId)")
          tally.valid += 1
        case "invalid":
          #expect(throws: CryptoError.authenticationFailed, "tcId \(test.tcId) \(test.comment)") {
            try open(expected, key, nonce, aad)
          }
          tally.invalidRefused += 1
        default:
          Issue.record("tcId \(test.tcId): unexpected result \(test.result)")
        }
      }
    }
    #expect(tally.total == vectors.numberOfTests)
    print("\(file): \(tally)")
    return tally
  }

  @Test func chacha20Poly1305() throws {
    let tally = try run(
      file: "wycheproof/chacha20_poly1305_test.json", nonceBytes: ChaCha20Poly1305.nonceByteCount,
      seal: { m, k, n, a in try ChaCha20Poly1305.seal(m, using: k, nonce: n, authenticating: a) },
      open: { c, k, n, a in try ChaCha20Poly1305.open(c, using: k, nonce: n, authenticating: a) })
    #expect(tally.valid == 256)
    #expect(tally.invalidRefused + tally.wrongNonceSizeRefused == 69)
  }

  @Test func xchacha20Poly1305() throws {
    let tally = try run(
      file: "wycheproof/xchacha20_poly1305_test.json",
      nonceBytes: XChaCha20Poly1305.nonceByteCount,
      seal: { m, k, n, a in
        try XChaCha20Poly1305.seal(m, using: k, nonce: .init(n), authenticating: a).ciphertextAndTag
      },
      open: { c, k, n, a in
        try XChaCha20Poly1305.open(
          .init(nonce: .init(n), ciphertextAndTag: c), using: k, authenticating: a)
      })
    #expect(tally.valid == 246)
    #expect(tally.invalidRefused + tally.wrongNonceSizeRefused == 69)
  }

  /// draft-irtf-cfrg-xchacha-03 Appendix A.3.1.
  @Test func xchachaDraftVector() throws {
    struct Draft: Decodable {
      struct Case: Decodable { let key, nonce, aad, plaintext, ciphertext, tag: String }
      let tests: [Case]
    }
    let file = try VectorFiles.shared(
      "rfc/xchacha20poly1305_draft-irtf-cfrg-xchacha-03_A.3.1.json", as: Draft.self)
    try #require(file.tests.count == 1)
    let vector = file.tests[0]
    let key = try SymmetricKey(copying: hex(vector.key))
    let box = try XChaCha20Poly1305.seal(
      hex(vector.plaintext), using: key, nonce: .init(hex(vector.nonce)),
      authenticating: hex(vector.aad))
    #expect(box.ciphertextAndTag == hex(vector.ciphertext) + hex(vector.tag))
    #expect(try XChaCha20Poly1305.open(box, using: key, authenticating: hex(vector.aad)) == hex(vector.plaintext))
  }
}
