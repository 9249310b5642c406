import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import Testing
import WalletClient

@testable import WalletServer

/// Two walletd sharing a store may renew one administration at the same
/// moment, each judging against the certificates it last read. The
/// database decides: a certificate is never written over one stored that
/// starts later.
@Suite("Registrations: the newest certificate stays")
struct RegistrationOrderTests {
  /// The row of `fns` is renewed behind this walletd's back (as another
  /// walletd on the same store would; on SQLite, nothing re-reads it): a
  /// renewal that starts later than the one walletd knows, but earlier than
  /// the one stored, is refused, and the stored one stays.
  @Test func anOlderRenewalDoesNotReplaceANewerOneStored() async throws {
    let h = try await ServerHarness.start()
    defer { Task { await h.stop() } }
    let newest = try Self.certificate(
      Identity(kind: .administration), at: h.now - 10, by: h.registrar)
    let older = try Self.certificate(
      Identity(kind: .administration), at: h.now - 30, by: h.registrar)
    try h.database().query(
      "UPDATE administrations SET certificate = ? WHERE id = 'fns'", [.text(newest)])

    let operatorClient = OperatorClient(transport: h.transport(h.operatorIdentity))
    await #expect {
      try await operatorClient.register(certificate: older)
    } throws: { ($0 as? ClientError)?.code == "conflict" }
    let stored = try h.database().query("SELECT certificate FROM administrations WHERE id = 'fns'")
    #expect(stored.first?[0].text == newest)
  }

  /// The registrar's certificate of `fns` with these keys, starting at `at`.
  static func certificate(_ identity: Identity, at: Int64, by registrar: Identity) throws
    -> String
  {
    let administration = try Administration(
      id: AdministrationID(rawValue: "fns")!, name: "FNS", kind: .fns,
      signingKey: identity.signingKey.publicKey, encryptionKey: identity.encryptionKey.publicKey,
      purposes: ["allocation-vie-chere", "revis"],
      contact: AdministrationContact(service: "AVC", phone: "+352 2000 0000"))
    return try AdministrationCertificate.issue(administration, by: registrar, at: at, days: 30)
  }
}
