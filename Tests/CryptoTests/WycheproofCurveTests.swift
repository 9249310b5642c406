import PSPCrypto
import Testing

@Suite("Wycheproof Ed25519 and X25519 vectors")
struct WycheproofCurveTests {
  struct EdFile: Decodable {
    struct Group: Decodable {
      struct Key: Decodable { let pk: String }
      let publicKey: Key
      let tests: [Case]
    }
    struct Case: Decodable {
      let tcId: Int
      let comment: String
      let msg: String
      let sig: String
      let result: String
    }
    let numberOfTests: Int
    let testGroups: [Group]
  }

  @Test func ed25519Verify() throws {
    let file = try VectorFiles.shared("wycheproof/ed25519_test.json", as: EdFile.self)
    var accepted = 0
    var refused = 0
    for group in file.testGroups {
      let key = try SigningPublicKey(hex(group.publicKey.pk))
      for test in group.tests {
        let bytes = hex(test.sig)
        // A signature of the wrong length cannot even become a `Signature`.
        let verifies = (try? Signature(bytes)).map { key.isValidSignature($0, for: hex(test.msg)) } ?? false
        #expect(verifies == (test.result == "valid"), "tcId \(test.tcId) \(test.comment)")
        if verifies { accepted += 1 } else { refused += 1 }
      }
    }
    print("ed25519: valid accepted \(accepted), invalid refused \(refused)")
    #expect(accepted == 88)
    #expect(refused == 63)
    #expect(accepted + refused == file.numberOfTests)
  }

  struct XFile: Decodable {
    struct Group: Decodable { let tests: [Case] }
    struct Case: Decodable {
      let tcId: Int
      let comment: String
      let `public`: String
      let `private`: String
      let shared: String
      let result: String
    }
    let numberOfTests: Int
    let testGroups: [Group]
  }

  @Test func x25519() throws {
    let file = try VectorFiles.shared("wycheproof/x25519_test.json", as: XFile.self)
    var matched = 0
    var zeroRefused = 0
    for group in file.testGroups {
      for test in group.tests {
        let key = try AgreementKey(secret: SecureBytes(copying: hex(test.private)))
        let peer = try AgreementPublicKey(hex(test.public))
        let expected = hex(test.shared)
        do {
          let shared = try key.sharedSecret(with: peer)
          #expect(shared.withUnsafeBytes { Array($0) } == expected, "tcId \(test.tcId)")
          matched += 1
        } catch {
          // Refusing is allowed only where the vector's answer is the all-zero
          // point, which our API refuses on purpose (`weakSharedSecret`).
          #expect(error == .weakSharedSecret, "tcId \(test.tcId)")
          #expect(test.result == "acceptable", "tcId \(test.tcId)")
          #expect(expected.allSatisfy { $0 == 0 }, "tcId \(test.tcId) \(test.comment)")
          zeroRefused += 1
        }
      }
    }
    print("x25519: shared secret matched \(matched), all-zero refused \(zeroRefused)")
    #expect(matched == 487)
    #expect(zeroRefused == 31)
    #expect(matched + zeroRefused == file.numberOfTests)
  }
}
