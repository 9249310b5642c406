import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
@testable import WalletClient

@testable import WalletCLIKit

/// The messages of a platform that cannot lie: golden text in both languages
/// (like `MessageTests`), and the written rule checked on each of them.
@Suite("Trust messages")
struct TrustMessageTests {
  /// A key change as a person sees it: the remembered keys and the new
  /// certificate come from fixed seeds, so the key ids are stable.
  static func keyChange() throws -> Message {
    func identity(_ seed: UInt8) throws -> Identity {
      try Identity(
        kind: .administration,
        signingKey: SigningKey(seed: SecureBytes(copying: [UInt8](repeating: seed, count: 32))),
        encryptionKey: AgreementKey(
          secret: SecureBytes(copying: [UInt8](repeating: seed &+ 100, count: 32))))
    }
    let old = try identity(1).publicIdentity
    let new = try identity(2).publicIdentity
    let registrar = Identity(kind: .registrar)
    let administration = try Administration(
      id: AdministrationID(rawValue: "fns")!, name: "Fonds national de solidarité", kind: .fns,
      signingKey: new.signingKey, encryptionKey: new.encryptionKey,
      purposes: [Purpose(rawValue: "allocation-vie-chere")!],
      contact: AdministrationContact(service: "Service AVC", phone: "+352 2000 0000"))
    let now = Int64(Date().timeIntervalSince1970)
    let certified = try AdministrationCertificate.verify(
      AdministrationCertificate.issue(administration, by: registrar, at: now, days: 30),
      registrars: [registrar.publicIdentity.signingKey], at: now)
    let trust = ClientTrust(registrars: [registrar.publicIdentity.signingKey])
    trust.notePendingChange(
      "fns",
      old: ClientMemory.KnownAdministration(
        signingKey: Paserk.encode(old.signingKey),
        encryptionKey: Encoding.base64URL(old.encryptionKey.bytes)),
      new: certified)
    return Messages.forged(.administrationKeysChanged("fns"), trust: trust)
  }

  static func golden() throws -> [(String, Message)] {
    [
      ("no-registrar", Messages.from(ClientError.noRegistrar)),
      ("forged-record", Messages.forged(.recordNotAuthored("iban"))),
      ("key-change", try keyChange()),
      ("certificate-invalid", Messages.from(ClientError.forged(.certificateInvalid("fns")))),
    ]
  }

  @Test(arguments: ["no-registrar", "forged-record", "key-change", "certificate-invalid"])
  func golden(_ name: String) throws {
    let message = try #require(try Self.golden().first { $0.0 == name }?.1)
    let text =
      "fr:\n" + message.rendered(in: .french) + "\nen:\n" + message.rendered(in: .english) + "\n"
    try Golden.check(text, "message-\(name).txt")
  }

  /// The key change names both key ids, never a key.
  @Test func keyChangeShowsKeyIDsOnly() throws {
    let text = try Self.keyChange().rendered(in: .english)
    #expect(text.contains("Before: k4.pid."))
    #expect(text.contains("Now: k4.pid."))
    #expect(!text.contains("k4.public."))
  }

  /// Every new message follows the rule of `Message`.
  static func all() throws -> [Message] {
    let forgeries: [Forgery] = [
      .recordNotAuthored("iban"), .recordNotGranted("iban"), .manifestInvalid,
      .manifestRolledBack(seen: 3, served: 2), .certificateInvalid("fns"),
      .administrationKeysChanged("fns"), .ownerKeyMismatch,
      .revocationIgnored(grant: "01HZY3J5K8M2N4P6Q8R0S2T4V6"),
    ]
    return forgeries.map { Messages.forged($0) } + [
      try keyChange(), Messages.noRegistrar, Messages.registrarKeyMalformed,
      Messages.certificateUnreadable, Messages.nothingToAccept("fns"),
      Messages.kindNotForAid(.commune, Purpose(rawValue: "allocation-vie-chere")!),
    ]
  }

  @Test(arguments: [Language.french, .english])
  func everyMessageFollowsTheRule(_ language: Language) throws {
    for message in try Self.all() {
      let lines = message.rendered(in: language).split(
        separator: "\n", omittingEmptySubsequences: false)
      #expect((1...2).contains(lines.count), "\(lines)")
      guard let first = lines.first else { continue }
      #expect(first.hasPrefix(Message.prefix), "\(first)")
      let sentence = first.dropFirst(Message.prefix.count)
      #expect(sentence.first?.isUppercase == true, "\(first)")
      #expect(first.hasSuffix("."), "\(first)")
      if lines.count == 2 {
        #expect(lines[1].hasPrefix(Message.hintPrefix), "\(lines[1])")
        #expect(lines[1].hasSuffix("."), "\(lines[1])")
      }
    }
  }
}
