import Foundation
import PSPCrypto
import Testing

@testable import PSPWallet

@Suite("Keystore and recovery code")
struct KeystoreTests {
  let directory = TemporaryDirectory()

  func makeKeystore(_ passphrase: String = "correct horse") throws -> (Identity, Keystore, RecoveryCode, URL) {
    let identity = Identity(kind: .citizen)
    let (keystore, code) = try Keystore.create(
      for: identity, passphrase: secret(passphrase), passphraseParameters: fastArgon2id(),
      recoveryParameters: fastArgon2id())
    let url = directory.url.appendingPathComponent("citizen.keystore")
    try keystore.write(to: url)
    return (identity, keystore, code, url)
  }

  @Test func passphraseAndRecoveryCodeBothUnlockTheSameIdentity() throws {
    let (identity, _, code, url) = try makeKeystore()
    let read = try Keystore.read(from: url)
    let byPassphrase = try read.unlock(passphrase: secret("correct horse"))
    let byCode = try read.unlock(recoveryCode: code)
    #expect(byPassphrase.publicIdentity == identity.publicIdentity)
    #expect(byCode.publicIdentity == identity.publicIdentity)
    // The unlocked keys really are the secret keys: they sign and open.
    let message: [UInt8] = Array("PSP".utf8)
    #expect(identity.signingKey.publicKey.isValidSignature(byCode.signingKey.signature(for: message), for: message))
    let box = try SealedBox.seal(message, to: identity.encryptionKey.publicKey)
    #expect(try SealedBox.open(box, with: byPassphrase.encryptionKey).withUnsafeBytes { Array($0) } == message)
  }

  @Test func fileIsOwnerOnlyAndHoldsNoSecret() throws {
    let (identity, _, _, url) = try makeKeystore()
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let seed = identity.signingKey.seed.withUnsafeBytes { Array($0) }
    #expect(!file(url.path, contains: seed))
    #expect(!file(url.path, contains: Array(Encoding.base64URL(seed).utf8)))
    #expect(!file(url.path, contains: Array("correct horse".utf8)))
  }

  @Test func wrongPassphraseIsAClearErrorAndChangesNothing() throws {
    let (_, _, _, url) = try makeKeystore()
    let before = try Data(contentsOf: url)
    let read = try Keystore.read(from: url)
    #expect(throws: KeystoreError.wrongPassphrase) { try read.unlock(passphrase: secret("Correct horse")) }
    #expect(throws: KeystoreError.wrongPassphrase) { try read.unlock(passphrase: secret("")) }
    #expect(try Data(contentsOf: url) == before)
    #expect(KeystoreError.wrongPassphrase.description.contains("nothing was changed"))
  }

  @Test func wrongRecoveryCodeIsAClearError() throws {
    let (_, keystore, _, _) = try makeKeystore()
    #expect(throws: KeystoreError.wrongRecoveryCode) { try keystore.unlock(recoveryCode: RecoveryCode()) }
    #expect(throws: KeystoreError.malformedRecoveryCode) {
      try RecoveryCode(parsing: secret("1234-5678"))
    }
    #expect(throws: KeystoreError.malformedRecoveryCode) {
      try RecoveryCode(parsing: secret("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU"))
    }
  }

  @Test func recoveryCodeIsGroupedAndForgivingOnInput() throws {
    let (_, keystore, code, _) = try makeKeystore()
    let grouped = code.withGroupedText { $0 }
    let groups = grouped.split(separator: "-")
    #expect(groups.count == 6)
    #expect(groups.allSatisfy { $0.count == 4 })
    #expect(grouped.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ-".contains($0) })
    // Typed in lower case, with spaces and O/I/L for 0/1/1: still the same code.
    let sloppy = grouped.lowercased().replacingOccurrences(of: "-", with: " ")
      .replacingOccurrences(of: "0", with: "o").replacingOccurrences(of: "1", with: "l")
    let parsed = try RecoveryCode(parsing: secret(sloppy))
    #expect(try keystore.unlock(recoveryCode: parsed).publicIdentity.keyID == keystore.keyID)
    // Two codes are not the same.
    #expect(RecoveryCode().withGroupedText { $0 } != grouped)
  }

  @Test func corruptedKeystoresAreRefusedClearly() throws {
    let (_, keystore, _, url) = try makeKeystore()
    let original = try String(contentsOf: url, encoding: .utf8)
    let other = Identity(kind: .citizen).publicIdentity

    // Not JSON, truncated, empty.
    for text in ["", "{", String(original.prefix(original.count / 2)), "[1,2,3]"] {
      try text.write(to: url, atomically: true, encoding: .utf8)
      #expect(throws: KeystoreError.corrupted("not a keystore")) { try Keystore.read(from: url) }
    }
    // Public keys swapped for another identity's: the key id no longer matches.
    let swapped = original.replacingOccurrences(of: keystore.signingKey, with: Paserk.encode(other.signingKey))
    try swapped.write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: KeystoreError.corrupted("key id does not match")) { try Keystore.read(from: url) }
    // Key id and key swapped together: the AD binds the keys, so it does not open.
    let both = swapped.replacingOccurrences(of: keystore.keyID, with: other.keyID)
    try both.write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: KeystoreError.wrongPassphrase) {
      try Keystore.read(from: url).unlock(passphrase: secret("correct horse"))
    }
    // Hostile Argon2id parameters are refused before any work.
    let greedy = original.replacingOccurrences(of: "\"parallelism\" : 1", with: "\"parallelism\" : 64")
    #expect(greedy != original)
    try greedy.write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: KeystoreError.corrupted("not a keystore")) { try Keystore.read(from: url) }
    // Missing file.
    #expect(throws: KeystoreError.self) { try Keystore.read(from: directory.url.appendingPathComponent("none")) }
  }

  @Test func writingNeverOverwritesUnlessAsked() throws {
    let (identity, keystore, _, url) = try makeKeystore()
    #expect(throws: KeystoreError.alreadyExists(url.path)) { try keystore.write(to: url) }
    let renewed = try keystore.replacingPassphrase(
      identity: identity, with: secret("new words"), parameters: fastArgon2id())
    try renewed.write(to: url, replacing: true)
    let read = try Keystore.read(from: url)
    #expect(throws: KeystoreError.wrongPassphrase) { try read.unlock(passphrase: secret("correct horse")) }
    #expect(try read.unlock(passphrase: secret("new words")).publicIdentity == identity.publicIdentity)
  }
}
