import Foundation
import PSPWallet
import Testing

@testable import WalletCLIKit

@Suite("Identities and passphrases")
struct IdentityTests {
  @Test func createShowsPublicKeysAndTheRecoveryCodeOnce() async throws {
    let folder = TemporaryFolder()
    let cli = CLIHarness(home: folder.path)
    let out = try await cli.ok(["identity", "create", "--kind", "citizen", "--name", "maria"])
    let keystore = try Keystore.read(from: URL(fileURLWithPath: folder.file("maria.keystore")))
    #expect(out.contains(keystore.signingKey))
    #expect(out.contains(keystore.keyID))
    #expect(out.contains(keystore.encryptionKey))
    let code = try #require(out.split(separator: "\n").first { $0.hasPrefix("Code de secours : ") })
      .dropFirst("Code de secours : ".count)
    #expect(code.count == 29)  // 24 characters in six groups of four
    #expect(out.contains("Il ne sera plus jamais affiché."))
    // The keystore opens with the passphrase and with the recovery code.
    let identity = try keystore.unlock(
      passphrase: .init(copying: Array("correct horse battery".utf8)))
    #expect(identity.kind == .citizen)
    let recovered = try keystore.unlock(
      recoveryCode: RecoveryCode(parsing: .init(copying: Array(code.utf8))))
    #expect(recovered.publicIdentity == identity.publicIdentity)
    // Shown again: public keys, never the code.
    let shown = try await cli.ok(["identity", "show", "--as", "maria"])
    #expect(shown.contains(keystore.keyID))
    #expect(!shown.contains(String(code)))
    #expect(
      (try FileManager.default.attributesOfItem(atPath: folder.file("maria.keystore"))[
        .posixPermissions] as? Int) == 0o600)
  }

  @Test func aSecondIdentityWithTheSameNameIsRefused() async throws {
    let folder = TemporaryFolder()
    let cli = CLIHarness(home: folder.path)
    try await cli.ok(["identity", "create", "--kind", "citizen", "--name", "maria"])
    let before = try Data(contentsOf: URL(fileURLWithPath: folder.file("maria.keystore")))
    let again = await cli.run(["identity", "create", "--kind", "trustee", "--name", "maria"])
    #expect(again.code == 1)
    #expect(again.err == Messages.identityExists("maria").rendered(in: .french) + "\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("maria.keystore"))) == before)
  }

  @Test func aShortPassphraseIsRefused() async throws {
    let folder = TemporaryFolder()
    let result = await CLIHarness(home: folder.path, passphrase: "short").run(
      ["identity", "create", "--kind", "citizen", "--name", "maria"])
    #expect(result.code == 1)
    #expect(result.err == Messages.passphraseTooShort(8).rendered(in: .french) + "\n")
    #expect(!FileManager.default.fileExists(atPath: folder.file("maria.keystore")))
  }

  /// The wrong passphrase: a clear message, exit 1, and nothing changed — not
  /// the keystore, not the state (walletd is never even asked).
  @Test func aWrongPassphraseChangesNothing() async throws {
    let folder = TemporaryFolder()
    try await CLIHarness(home: folder.path).ok([
      "identity", "create", "--kind", "citizen", "--name", "maria",
    ])
    let keystore = URL(fileURLWithPath: folder.file("maria.keystore"))
    let before = try Data(contentsOf: keystore)
    let wrong = CLIHarness(
      home: folder.path, passphrase: "not the right one", language: "en_GB.UTF-8")
    let result = await wrong.run(["wallet", "open", "--accept", "--server", "http://127.0.0.1:1"])
    #expect(result.code == 1)
    #expect(result.err == Messages.wrongPassphrase.rendered(in: .english) + "\n")
    #expect(try Data(contentsOf: keystore) == before)
    #expect(!FileManager.default.fileExists(atPath: folder.file("state.json")))
  }

  @Test func noPassphraseAndNoTerminal() async throws {
    let folder = TemporaryFolder()
    try await CLIHarness(home: folder.path).ok([
      "identity", "create", "--kind", "citizen", "--name", "maria",
    ])
    let result = await CLIHarness(home: folder.path, passphrase: nil).run([
      "wallet", "open", "--accept",
    ])
    #expect(result.code == 1)
    #expect(result.err == Messages.noPassphrase.rendered(in: .french) + "\n")
  }

  @Test func thePassphraseFileIsReadToItsFirstLineEnd() async throws {
    let folder = TemporaryFolder()
    try Data("from a file\nsecond line\n".utf8).write(to: URL(fileURLWithPath: folder.file("pass")))
    try await CLIHarness(home: folder.path, passphrase: nil).ok(
      [
        "identity", "create", "--kind", "trustee", "--name", "paul", "--passphrase-file",
        folder.file("pass"),
      ])
    let keystore = try Keystore.read(from: URL(fileURLWithPath: folder.file("paul.keystore")))
    _ = try keystore.unlock(passphrase: .init(copying: Array("from a file".utf8)))
  }

  @Test func recoverReplacesThePassphrase() async throws {
    let folder = TemporaryFolder()
    let out = try await CLIHarness(home: folder.path).ok([
      "identity", "create", "--kind", "citizen", "--name", "maria",
    ])
    let code = try #require(out.split(separator: "\n").first { $0.hasPrefix("Code de secours : ") })
      .dropFirst("Code de secours : ".count)
    var cli = CLIHarness(home: folder.path, passphrase: "a brand new passphrase")
    cli.environment["PSP_RECOVERY_CODE"] = code.lowercased()
    try await cli.ok(["identity", "recover"])
    let keystore = try Keystore.read(from: URL(fileURLWithPath: folder.file("maria.keystore")))
    _ = try keystore.unlock(passphrase: .init(copying: Array("a brand new passphrase".utf8)))
    #expect(throws: KeystoreError.wrongPassphrase) {
      try keystore.unlock(passphrase: .init(copying: Array("correct horse battery".utf8)))
    }
  }

  @Test func severalIdentitiesNeedAs() async throws {
    let folder = TemporaryFolder()
    let cli = CLIHarness(home: folder.path)
    try await cli.ok(["identity", "create", "--kind", "citizen", "--name", "maria"])
    try await cli.ok(["identity", "create", "--kind", "trustee", "--name", "paul"])
    let result = await cli.run(["identity", "show"])
    #expect(result.code == 1)
    #expect(result.err == Messages.chooseIdentity.rendered(in: .french) + "\n")
    let wrongRole = await cli.run(["wallet", "open", "--as", "paul", "--accept"])
    #expect(wrongRole.code == 1)
    #expect(
      wrongRole.err == Messages.wrongRole("paul", is: .trustee, needs: [.citizen]).rendered(
        in: .french) + "\n")
  }
}
