import PSPCrypto
import Testing

/// `crypto_kdf_derive_from_key` under the PSP's contexts: each (context, subkey
/// id) names one key, and a key made for one job is never the key of another.
@Suite("Key derivation")
struct KeyDerivationTests {
  let master = SymmetricKey()

  func bytes(_ key: SymmetricKey) -> [UInt8] { key.withUnsafeBytes { Array($0) } }

  /// libsodium reads exactly `crypto_kdf_CONTEXTBYTES` (8) bytes of context: a
  /// longer constant would be cut, a shorter one read past its end.
  @Test func everyContextIsExactlyEightASCIIBytes() {
    for context in DomainSeparation.KDFContext.allCases {
      let utf8 = Array(context.rawValue.utf8)
      #expect(utf8.count == 8, "\(context)")
      #expect(utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "\(context)")
    }
  }

  @Test func contextsArePairwiseDistinct() {
    let values = DomainSeparation.KDFContext.allCases.map(\.rawValue)
    #expect(Set(values).count == values.count)
    #expect(values.count >= 2)
  }

  @Test func sameInputsGiveTheSameKey() throws {
    for context in DomainSeparation.KDFContext.allCases {
      let first = try KeyDerivation.deriveKey(from: master, context: context, subkeyID: 3)
      let again = try KeyDerivation.deriveKey(from: master, context: context, subkeyID: 3)
      #expect(first.constantTimeEquals(again), "\(context)")
    }
  }

  /// Every (context, id) pair over all contexts and a few ids, including 0 and
  /// the largest id, gives a distinct key, and none equals the master key.
  @Test func distinctContextsAndSubkeyIDsGiveDistinctKeys() throws {
    var seen = Set<[UInt8]>()
    var count = 0
    for context in DomainSeparation.KDFContext.allCases {
      for id: UInt64 in [0, 1, 2, 1 << 32, UInt64.max] {
        let key = try KeyDerivation.deriveKey(from: master, context: context, subkeyID: id)
        #expect(!key.constantTimeEquals(master))
        seen.insert(bytes(key))
        count += 1
      }
    }
    #expect(seen.count == count)
  }

  /// spec/crypto.md, test vectors §B: master 00…1f, subkey id 1, each context.
  @Test func specVectors() throws {
    let master = try SymmetricKey(copying: Array(0...31))
    let expected: [DomainSeparation.KDFContext: String] = [
      .keystore: "312e3d5a9b0adf5c18dc75b97155bdd7ac707d2782987439388d0ac80acd2f1b",
      .recovery: "6e28ac44d4c404214c7e07e20c27cfdf085973c3aee7fd330ae31f96c808c4eb",
      .sessions: "a198f89c7a61c7957b13cd45e8c2508d75ef71656fb1f85ab12c3b03dfc450a2",
    ]
    #expect(Set(expected.keys) == Set(DomainSeparation.KDFContext.allCases))
    for (context, hex) in expected {
      let key = try KeyDerivation.deriveKey(from: master, context: context, subkeyID: 1)
      #expect(Encoding.hex(bytes(key)) == hex, "\(context)")
    }
  }

  @Test func anotherMasterKeyGivesAnotherSubkey() throws {
    let mine = try KeyDerivation.deriveKey(from: master, context: .keystore)
    let theirs = try KeyDerivation.deriveKey(from: SymmetricKey(), context: .keystore)
    #expect(!mine.constantTimeEquals(theirs))
  }

  /// A data key sealed under one derived key does not open under a sibling.
  @Test func siblingKeysDoNotOpenEachOthersBoxes() throws {
    let keystore = try KeyDerivation.deriveKey(from: master, context: .keystore)
    let recovery = try KeyDerivation.deriveKey(from: master, context: .recovery)
    let box = try XChaCha20Poly1305.seal(Array("identity".utf8), using: keystore)
    #expect(throws: CryptoError.authenticationFailed) {
      try XChaCha20Poly1305.open(box, using: recovery)
    }
  }
}
