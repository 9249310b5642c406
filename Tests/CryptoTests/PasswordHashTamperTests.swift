import Foundation
import PSPCrypto
import Testing

/// Argon2id as the keystore uses it: the key from a wrong passphrase does not
/// open what the right one sealed, and stored parameters cannot be edited into
/// something the construction does not compute. Small costs (1 pass, 64 KiB)
/// keep the suite fast; the cost does not change what is being checked.
@Suite("Argon2id under attack")
struct PasswordHashTamperTests {
  let parameters = try! Argon2idParameters(iterations: 1, memoryBytes: 64 << 10)

  func key(_ passphrase: String, _ parameters: Argon2idParameters? = nil) throws -> SymmetricKey {
    try PasswordHash.deriveSymmetricKey(
      passphrase: SecureBytes(copying: Array(passphrase.utf8)),
      parameters: parameters ?? self.parameters)
  }

  @Test func wrongPassphraseDoesNotOpenTheKeystore() throws {
    let right = "correct horse battery staple"
    let box = try XChaCha20Poly1305.seal(Array("identity".utf8), using: key(right))
    #expect(try XChaCha20Poly1305.open(box, using: key(right)) == Array("identity".utf8))
    let near = [
      "", "correct horse battery stapl", "correct horse battery staple ",
      "Correct horse battery staple", "correct horse battery staple\0",
      "correct  horse battery staple",
    ]
    for wrong in near {
      let wrongKey = try key(wrong)
      #expect(!wrongKey.constantTimeEquals(try key(right)), "\(wrong.debugDescription)")
      #expect(throws: CryptoError.authenticationFailed, "\(wrong.debugDescription)") {
        try XChaCha20Poly1305.open(box, using: wrongKey)
      }
    }
  }

  /// Every stored parameter is an input: changing the salt or the cost changes the key.
  @Test func everyParameterChangesTheKey() throws {
    let base = try key("pass")
    let otherSalt = try Argon2idParameters(
      iterations: 1, memoryBytes: 64 << 10, salt: parameters.salt.map { $0 ^ 1 })
    let moreIterations = try Argon2idParameters(
      iterations: 2, memoryBytes: 64 << 10, salt: parameters.salt)
    let moreMemory = try Argon2idParameters(
      iterations: 1, memoryBytes: 128 << 10, salt: parameters.salt)
    for other in [otherSalt, moreIterations, moreMemory] {
      #expect(!base.constantTimeEquals(try key("pass", other)))
    }
    #expect(base.constantTimeEquals(try key("pass", parameters)))
  }

  /// Parameters read from a file are validated when decoded and again before
  /// use: an edited file cannot ask for another algorithm, lanes, a short salt
  /// or unbounded memory.
  @Test func editedStoredParametersAreRefused() throws {
    let stored = try JSONEncoder().encode(parameters)
    var object = try #require(try JSONSerialization.jsonObject(with: stored) as? [String: Any])
    #expect(object["salt"] is String, "the salt is stored as base64url")
    let edits: [(String, Any)] = [
      ("algorithm", "argon2i13"), ("parallelism", 4), ("salt", "AQID"), ("salt", [1, 2, 3]),
      ("iterations", 0), ("memoryBytes", 1024), ("memoryBytes", UInt64(64) << 30),
    ]
    for (field, value) in edits {
      let original = object[field]
      object[field] = value
      let data = try JSONSerialization.data(withJSONObject: object)
      #expect(throws: (any Error).self, "\(field)") {
        let edited = try JSONDecoder().decode(Argon2idParameters.self, from: data)
        _ = try PasswordHash.deriveKey(passphrase: SecureBytes(copying: [1]), parameters: edited)
      }
      object[field] = original
    }
    // The untouched form still decodes to the same parameters.
    #expect(try JSONDecoder().decode(Argon2idParameters.self, from: stored) == parameters)
  }

  @Test func tooShortOutputIsRefused() {
    #expect(throws: CryptoError.self) {
      try PasswordHash.deriveKey(
        passphrase: SecureBytes(copying: [1]), parameters: parameters, outputCount: 15)
    }
  }
}
