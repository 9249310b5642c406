import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing

@testable import WalletCLIKit

/// The registration authority certifies an administration (no walletd needed);
/// the operator publishes the certificate, and walletd takes only those signed
/// by a registration authority it was started with.
@Suite("Registrar and operator")
struct RegistrarCommandTests {
  /// A home with the authority "ministere", the operator and the FNS, and the
  /// FNS's public identity file.
  static func home() async throws -> (TemporaryFolder, CLIHarness, keys: String) {
    let home = TemporaryFolder()
    let cli = CLIHarness(home: home.path)
    for (kind, name) in [
      ("registrar", "ministere"), ("operator", "operateur"), ("administration", "fns"),
    ] {
      try await cli.ok(["identity", "create", "--kind", kind, "--name", name])
    }
    let keys = home.file("fns.public.json")
    let shown = try await cli.ok(["identity", "show", "--as", "fns", "--json"])
    try Data(shown.utf8).write(to: URL(fileURLWithPath: keys))
    return (home, cli, keys)
  }

  static func keystore(_ home: TemporaryFolder, _ name: String) throws -> Keystore {
    try Keystore.read(from: URL(fileURLWithPath: home.file("\(name).keystore")))
  }

  static func certify(
    as name: String = "ministere", kind: String = "fns", keys: String,
    purposes: String = "allocation-vie-chere", days: String = "365", out: String
  ) -> [String] {
    [
      "registrar", "certify", "--as", name, "--id", "fns", "--name",
      "Fonds national de solidarité", "--kind", kind, "--keys", keys, "--purposes", purposes,
      "--service", "Service AVC", "--phone", "+352 2000 0000", "--days", days, "--out", out,
    ]
  }

  @Test func certifyWritesACertificateThatVerifies() async throws {
    let (home, cli, keys) = try await Self.home()
    let out = home.file("fns.certificate")
    let result = await cli.run(Self.certify(keys: keys, days: "30", out: out))
    #expect(result.code == 0, "\(result.err)")
    #expect(result.out.isEmpty)
    let fns = try Self.keystore(home, "fns")
    #expect(
      result.err
        == "Certificat signé pour Fonds national de solidarité (fns), 30 jours. Aides : allocation-vie-chere. Identifiant de clé : \(fns.keyID).\n"
    )

    let token = try String(contentsOfFile: out, encoding: .utf8)
    #expect(token.hasSuffix("\n"))
    let registrar = try Paserk.signingPublicKey(from: Self.keystore(home, "ministere").signingKey)
    let now = Int64(Date().timeIntervalSince1970)
    let certified = try AdministrationCertificate.verify(
      token.trimmingCharacters(in: .whitespacesAndNewlines), registrars: [registrar], at: now)
    let administration = certified.administration
    #expect(administration.id.rawValue == "fns")
    #expect(administration.name == "Fonds national de solidarité")
    #expect(administration.kind == .fns)
    #expect(administration.signingKeyPaserk == fns.signingKey)
    #expect(administration.encryptionKeyText == fns.encryptionKey)
    #expect(administration.purposes.map(\.rawValue) == ["allocation-vie-chere"])
    #expect(administration.contact.service == "Service AVC")
    #expect(administration.contact.phone == "+352 2000 0000")
    #expect(certified.registrar == Paserk.identifier(of: registrar))
    #expect(certified.expires - certified.notBefore == 30 * 86_400)

    // Only the authority's key makes it valid: the operator's does not.
    let operatorKey = try Paserk.signingPublicKey(from: Self.keystore(home, "operateur").signingKey)
    #expect(throws: AdministrationCertificate.Refusal.unknownRegistrar) {
      try AdministrationCertificate.verify(
        token.trimmingCharacters(in: .whitespacesAndNewlines), registrars: [operatorKey], at: now)
    }

    // Without --out, the certificate is the result on standard output; --json names the key.
    let printed = try await cli.ok(Array(Self.certify(keys: keys, out: "").dropLast(2)))
    #expect(printed.hasPrefix("v4.public."))
    struct Shown: Decodable {
      let administration: String
      let keyID: String
      let certificate: String
    }
    let shown = try await cli.json(
      Array(Self.certify(keys: keys, out: "").dropLast(2)), as: Shown.self)
    #expect(shown.administration == "fns")
    #expect(shown.keyID == fns.keyID)
    #expect(
      try AdministrationCertificate.verify(shown.certificate, registrars: [registrar], at: now)
        .administration == administration)
  }

  @Test func certifyWithTheKeysGivenAsText() async throws {
    let (home, cli, _) = try await Self.home()
    let fns = try Self.keystore(home, "fns")
    let out = home.file("fns.certificate")
    try await cli.ok([
      "registrar", "certify", "--as", "ministere", "--id", "fns", "--name", "FNS", "--kind", "fns",
      // `=`: a base64url key may start with '-', which would read as an option.
      "--signing-key=\(fns.signingKey)", "--encryption-key=\(fns.encryptionKey)", "--purposes",
      "allocation-vie-chere", "--service", "Service AVC", "--email", "avc@fns.lu", "--out", out,
    ])
    let registrar = try Paserk.signingPublicKey(from: Self.keystore(home, "ministere").signingKey)
    let certified = try AdministrationCertificate.verify(
      String(contentsOfFile: out, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
      registrars: [registrar], at: Int64(Date().timeIntervalSince1970))
    #expect(certified.administration.keyID == fns.keyID)
    #expect(certified.administration.contact.email == "avc@fns.lu")
  }

  /// A wrong kind, aid, keys file or duration, or an identity that is not a
  /// registration authority: a clear message, and no certificate written.
  @Test func certifyRefusals() async throws {
    let (home, cli, keys) = try await Self.home()
    let out = home.file("fns.certificate")
    let garbage = home.file("garbage.json")
    try Data("{\"signingKey\": \"k4.public.nope\", \"encryptionKey\": \"x\"}".utf8).write(
      to: URL(fileURLWithPath: garbage))

    // Wrong usage: exit 2, and the hint names the help to read.
    for arguments in [
      Self.certify(kind: "ministere", keys: keys, out: out),
      Self.certify(keys: keys, purposes: "allocation-vie-douce", out: out),
      Self.certify(keys: keys, days: "0", out: out),
      Self.certify(keys: keys, days: "731", out: out),
    ] {
      let result = await cli.run(arguments)
      #expect(result.code == 2, "\(arguments): \(result.err)")
      #expect(result.err.hasPrefix(Message.prefix), "\(result.err)")
      #expect(result.err.contains("hint: "), "\(result.err)")
      #expect(!FileManager.default.fileExists(atPath: out))
    }
    let unknownAid = await cli.run(Self.certify(keys: keys, purposes: "nope", out: out))
    #expect(unknownAid.err.contains(Messages.unknownPurpose("nope").text.fr))

    // A kind that does not process the aid: refused, with the kinds that do.
    let kind = await cli.run(Self.certify(kind: "commune", keys: keys, out: out))
    #expect(kind.code == 1)
    #expect(
      kind.err
        == Messages.kindNotForAid(.commune, Purpose(rawValue: "allocation-vie-chere")!).rendered(
          in: .french) + "\n")
    #expect(kind.err.contains("fns"))
    #expect(!FileManager.default.fileExists(atPath: out))

    // A keys file that is missing or holds no keys.
    for file in [home.file("missing.json"), garbage] {
      let result = await cli.run(Self.certify(keys: file, out: out))
      #expect(result.code == 1)
      #expect(result.err == Messages.publicKeysUnreadable.rendered(in: .french) + "\n")
      #expect(!FileManager.default.fileExists(atPath: out))
    }

    // The operator is not the registration authority.
    let role = await cli.run(Self.certify(as: "operateur", keys: keys, out: out))
    #expect(role.code == 1)
    #expect(
      role.err
        == Messages.wrongRole("operateur", is: .operator, needs: [.registrar]).rendered(in: .french)
        + "\n")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// A certificate the operator signed itself is refused by walletd (it was
  /// not started with the operator's key as a registration authority); a
  /// missing file is said plainly. The real certificate is then published.
  @Test func operatorRegisterTakesOnlyTheAuthoritysCertificate() async throws {
    let (home, setup, keys) = try await Self.home()
    // Platform makes its own "ministere": this home's stays apart under another name.
    try FileManager.default.moveItem(
      atPath: home.file("ministere.keystore"), toPath: home.file("autre-ministere.keystore"))
    let platform = try await Platform(setup, operatorName: "operateur")
    do {
      try await operatorRegister(platform.cli, home, keys)
    } catch {
      await platform.stop()
      throw error
    }
    await platform.stop()
  }

  func operatorRegister(_ cli: CLIHarness, _ home: TemporaryFolder, _ keys: String) async throws {
    let passphrase = SecureBytes(copying: Array("correct horse battery".utf8))
    let operatorIdentity = try Self.keystore(home, "operateur").unlock(passphrase: passphrase)
    let fns = try Self.keystore(home, "fns")
    let administration = try Administration(
      id: AdministrationID(rawValue: "fns")!, name: "Fonds national de solidarité", kind: .fns,
      signingKey: fns.signingKey, encryptionKey: fns.encryptionKey,
      purposes: [Purpose(rawValue: "allocation-vie-chere")!],
      contact: AdministrationContact(service: "Service AVC", phone: "+352 2000 0000"))
    let forged = try AdministrationCertificate.issue(
      administration, by: operatorIdentity, at: Int64(Date().timeIntervalSince1970), days: 30)
    let forgedFile = home.file("forged.certificate")
    try Data(forged.utf8).write(to: URL(fileURLWithPath: forgedFile))

    let refused = await cli.run([
      "operator", "register", "--as", "operateur", "--certificate", forgedFile,
    ])
    #expect(refused.code == 1)
    #expect(refused.out.isEmpty)
    #expect(refused.err.hasPrefix("wallet-cli: Refusé (bad-request) : "), "\(refused.err)")
    // walletd's own short text is English: shown to an English reader only.
    #expect(!refused.err.contains("not signed by a registration authority"), "\(refused.err)")
    let told = await cli.run([
      "operator", "register", "--as", "operateur", "--certificate", forgedFile, "--lang", "en",
    ])
    #expect(told.err.contains("not signed by a registration authority"), "\(told.err)")
    #expect(!refused.err.contains(forged))

    // An authority that is not the one walletd was started with: refused the same way.
    let other = home.file("other.certificate")
    try await cli.ok(Self.certify(as: "autre-ministere", keys: keys, out: other))
    let unknown = await cli.run([
      "operator", "register", "--as", "operateur", "--certificate", other, "--lang", "en",
    ])
    #expect(unknown.code == 1)
    #expect(unknown.err.contains("not signed by a registration authority"), "\(unknown.err)")

    let missing = await cli.run([
      "operator", "register", "--as", "operateur", "--certificate", home.file("nope.certificate"),
    ])
    #expect(missing.code == 1)
    #expect(missing.err == Messages.certificateUnreadable.rendered(in: .french) + "\n")

    // Only the operator publishes.
    let good = home.file("fns.certificate")
    try await cli.ok(Self.certify(as: Platform.registrarName, keys: keys, out: good))
    let notOperator = await cli.run([
      "operator", "register", "--as", "fns", "--certificate", good,
    ])
    #expect(notOperator.code == 1)
    #expect(
      notOperator.err
        == Messages.wrongRole("fns", is: .administration, needs: [.operator]).rendered(in: .french)
        + "\n")

    // Nothing was published by the refusals: the real certificate goes in under the same id.
    let registered = try await cli.ok([
      "operator", "register", "--as", "operateur", "--certificate", good,
    ])
    #expect(registered == "Administration inscrite : fns.\n")
  }
}
