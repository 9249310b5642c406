import PSPCrypto
import Testing

@testable import PSPCrypto

/// paseto-standard/test-vectors `v4.json`: every case, public and local.
@Suite("PASETO v4 vectors")
struct PasetoVectorTests {
  struct File: Decodable {
    struct Case: Decodable {
      let name: String
      let expectFail: Bool
      let key: String?
      let nonce: String?
      let publicKey: String?
      let secretKey: String?
      let secretKeySeed: String?
      let token: String
      let payload: String?
      let footer: String
      let implicitAssertion: String
      enum CodingKeys: String, CodingKey {
        case name, key, nonce, token, payload, footer
        case expectFail = "expect-fail"
        case publicKey = "public-key"
        case secretKey = "secret-key"
        case secretKeySeed = "secret-key-seed"
        case implicitAssertion = "implicit-assertion"
      }
    }
    let tests: [Case]
  }

  @Test func everyCase() throws {
    let file = try VectorFiles.shared("paseto/v4.json", as: File.self)
    var publicPassed = 0, localPassed = 0, failRefused = 0
    for test in file.tests {
      let footer = Array(test.footer.utf8)
      let implicit = Array(test.implicitAssertion.utf8)
      if test.expectFail {
        // Whatever key material the case gives, every applicable operation refuses.
        if let pk = test.publicKey {
          #expect(throws: CryptoError.self, "\(test.name)") {
            try PasetoV4Public.verify(
              test.token, with: SigningPublicKey(hex(pk)), footer: footer, implicitAssertion: implicit)
          }
        }
        if let key = test.key {
          #expect(throws: CryptoError.self, "\(test.name)") {
            try PasetoV4Local.decrypt(
              test.token, with: SymmetricKey(copying: hex(key)), footer: footer,
              implicitAssertion: implicit)
          }
        }
        #expect(test.publicKey != nil || test.key != nil, "\(test.name) has no key")
        failRefused += 1
      } else if test.token.hasPrefix("v4.public."), let pk = test.publicKey, let sk = test.secretKey {
        let secretKey = try SigningKey(secretKey: SecureBytes(copying: hex(sk)))
        #expect(secretKey.publicKey.bytes == hex(pk))
        if let seed = test.secretKeySeed {
          #expect(try SigningKey(seed: SecureBytes(copying: hex(seed))).publicKey.bytes == hex(pk))
        }
        // Ed25519 is deterministic: signing gives the published token exactly.
        let token = PasetoV4Public.sign(
          Array(test.payload!.utf8), with: secretKey, footer: footer, implicitAssertion: implicit)
        #expect(token == test.token, "\(test.name)")
        let verified = try PasetoV4Public.verify(
          test.token, with: SigningPublicKey(hex(pk)), footer: footer, implicitAssertion: implicit)
        #expect(verified.message == Array(test.payload!.utf8), "\(test.name)")
        #expect(verified.footer == footer)
        publicPassed += 1
      } else if test.token.hasPrefix("v4.local."), let key = test.key, let nonce = test.nonce {
        let symmetric = try SymmetricKey(copying: hex(key))
        let token = try PasetoV4Local.encrypt(
          Array(test.payload!.utf8), with: symmetric, footer: footer, implicitAssertion: implicit,
          nonce: hex(nonce))
        #expect(token == test.token, "\(test.name)")
        let decrypted = try PasetoV4Local.decrypt(
          test.token, with: symmetric, footer: footer, implicitAssertion: implicit)
        #expect(decrypted.message == Array(test.payload!.utf8), "\(test.name)")
        localPassed += 1
      } else {
        Issue.record("\(test.name): case not understood")
      }
    }
    print("paseto v4.json: public \(publicPassed), local \(localPassed), expect-fail refused \(failRefused)")
    #expect(publicPassed == 3)
    #expect(localPassed == 9)
    #expect(failRefused == 5)
  }
}

/// paseto-standard/test-vectors `PASERK/k4.*.json`.
@Suite("PASERK k4 vectors")
struct PaserkVectorTests {
  struct File: Decodable {
    struct Case: Decodable {
      let name: String
      let expectFail: Bool
      let key: String?
      let paserk: String?
      let publicKey: String?
      let secretKeySeed: String?
      let seed: String?
      let sealingSecretKey: String?
      let sealingPublicKey: String?
      let unsealed: String?
      enum CodingKeys: String, CodingKey {
        case name, key, paserk, seed, unsealed
        case expectFail = "expect-fail"
        case publicKey = "public-key"
        case secretKeySeed = "secret-key-seed"
        case sealingSecretKey = "sealing-secret-key"
        case sealingPublicKey = "sealing-public-key"
      }
    }
    let tests: [Case]
  }

  func load(_ name: String) throws -> [File.Case] {
    try VectorFiles.shared("paseto/\(name).json", as: File.self).tests
  }

  func string(_ secure: SecureBytes) -> String {
    secure.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
  }

  @Test func k4Public() throws {
    var count = 0
    for test in try load("k4.public") {
      if test.expectFail {
        #expect(throws: CryptoError.self, "\(test.name)") { try SigningPublicKey(hex(test.key!)) }
      } else {
        let key = try SigningPublicKey(hex(test.key!))
        #expect(Paserk.encode(key) == test.paserk, "\(test.name)")
        #expect(try Paserk.signingPublicKey(from: test.paserk!) == key)
      }
      count += 1
    }
    #expect(count == 4)
  }

  @Test func k4Secret() throws {
    var count = 0
    for test in try load("k4.secret") {
      if test.expectFail {
        #expect(throws: CryptoError.self, "\(test.name)") {
          try SigningKey(secretKey: SecureBytes(copying: hex(test.key!)))
        }
      } else {
        let key = try SigningKey(secretKey: SecureBytes(copying: hex(test.key!)))
        #expect(key.publicKey.bytes == hex(test.publicKey!))
        let fromSeed = try SigningKey(seed: SecureBytes(copying: hex(test.secretKeySeed!)))
        #expect(fromSeed.publicKey == key.publicKey)
        #expect(string(Paserk.encodeSecret(key)) == test.paserk, "\(test.name)")
        let parsed = try Paserk.signingKey(from: SecureBytes(copying: Array(test.paserk!.utf8)))
        #expect(parsed.publicKey == key.publicKey)
      }
      count += 1
    }
    #expect(count == 5)
  }

  @Test func k4PublicID() throws {
    var count = 0
    for test in try load("k4.pid") {
      if test.expectFail {
        #expect(throws: CryptoError.self, "\(test.name)") { try SigningPublicKey(hex(test.key!)) }
      } else {
        let id = Paserk.identifier(of: try SigningPublicKey(hex(test.key!)))
        #expect(id == test.paserk, "\(test.name)")
        try Paserk.validateIdentifier(id, header: Paserk.publicIDHeader)
      }
      count += 1
    }
    #expect(count == 5)
  }

  @Test func k4SecretID() throws {
    var count = 0
    for test in try load("k4.sid") {
      if test.expectFail {
        #expect(throws: CryptoError.self, "\(test.name)") {
          try SigningKey(secretKey: SecureBytes(copying: hex(test.key!)))
        }
      } else {
        let key = try SigningKey(secretKey: SecureBytes(copying: hex(test.key!)))
        #expect(Paserk.identifier(of: key) == test.paserk, "\(test.name)")
        let fromSeed = try SigningKey(seed: SecureBytes(copying: hex(test.seed!)))
        #expect(Paserk.identifier(of: fromSeed) == test.paserk)
      }
      count += 1
    }
    #expect(count == 4)
  }

  @Test func k4LocalID() throws {
    var count = 0
    for test in try load("k4.lid") {
      if test.expectFail {
        #expect(throws: CryptoError.self, "\(test.name)") { try SymmetricKey(copying: hex(test.key!)) }
      } else {
        let key = try SymmetricKey(copying: hex(test.key!))
        #expect(Paserk.identifier(of: key) == test.paserk, "\(test.name)")
      }
      count += 1
    }
    #expect(count == 4)
  }

  @Test func k4Seal() throws {
    var count = 0
    for test in try load("k4.seal") {
      let recipient = try SigningKey(secretKey: SecureBytes(copying: hex(test.sealingSecretKey!)))
      #expect(recipient.publicKey.bytes == hex(test.sealingPublicKey!))
      if test.expectFail {
        #expect(throws: CryptoError.self, "\(test.name)") {
          try PaserkSeal.unseal(test.paserk!, with: recipient)
        }
      } else {
        let key = try PaserkSeal.unseal(test.paserk!, with: recipient)
        #expect(key.withUnsafeBytes { Array($0) } == hex(test.unsealed!), "\(test.name)")
        // Sealing is randomised: a fresh seal differs but opens to the same key.
        let resealed = try PaserkSeal.seal(key, to: recipient.publicKey)
        #expect(resealed != test.paserk)
        #expect(try PaserkSeal.unseal(resealed, with: recipient).constantTimeEquals(key))
      }
      count += 1
    }
    #expect(count == 4)
  }
}
