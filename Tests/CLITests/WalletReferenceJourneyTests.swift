import Foundation
import PSPCrypto
import PSPWallet
import Testing

@testable import WalletCLIKit

/// Maria gives Paul a procuration and reads him the reference it prints; Paul
/// types it in lower case with spaces and lists and files with it. A mistyped
/// reference is refused before anything is sent, and a wallet whose owner key
/// is not the reference's is refused before anything else is asked.
@Suite("Wallet reference journey")
struct WalletReferenceJourneyTests {
  @Test func paulUsesTheReferenceMariaGaveHim() async throws {
    try await Platform.run(
      [("operator", "operateur"), ("administration", "office"), ("citizen", "maria"), ("trustee", "paul")],
      journey)
  }

  func journey(_ cli: CLIHarness, _ platform: Platform, _ home: TemporaryFolder) async throws {
    try await platform.register(
      "office", id: "office-social-redange", title: "Office social de Redange",
      kind: "office-social", purposes: "aide-sociale")
    try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
    let csv = home.file("maria.csv")
    try Data(TrusteeJourneyTests.goodCSV.utf8).write(to: URL(fileURLWithPath: csv))
    try await cli.ok(["field", "import", csv, "--as", "maria"])

    let given = try await cli.ok([
      "procuration", "create", "--as", "maria", "--to", "paul", "--once", "--purpose",
      "aide-sociale", "--at", "office-social-redange", "--yes",
    ])
    #expect(given.contains("Donnez à la personne de confiance cette référence"))
    let lines = given.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let printed = try #require(lines.first { $0.hasPrefix("PSP-") })
    let reference = try WalletReference(printed)
    // The wallet number is printed too, for those who still type the long forms.
    #expect(lines.contains(reference.wallet.description))
    let typed = printed.lowercased().replacingOccurrences(of: "-", with: " ")

    // Mistyped (two neighbours swapped): refused before anything is sent, so
    // even with no walletd to reach the answer is about the reference.
    var swapped = Array(typed)
    let at = try #require(
      swapped.indices.dropLast().first {
        swapped[$0] != swapped[$0 + 1] && swapped[$0] != " " && swapped[$0 + 1] != " " && $0 > 4
      })
    swapped.swapAt(at, at + 1)
    var offline = cli
    offline.environment["PSP_SERVER"] = "http://127.0.0.1:1"
    for arguments in [
      ["procuration", "list", "--as", "paul", "--wallet", String(swapped)],
      [
        "filing", "create", "--as", "paul", "--on-behalf-of", String(swapped), "--purpose",
        "aide-sociale", "--at", "office-social-redange", "--yes",
      ],
    ] {
      let refused = await offline.run(arguments)
      #expect(refused.code == 2, "\(refused.err)")
      #expect(refused.err.contains(Messages.reference(.mistyped).text.fr), "\(refused.err)")
      #expect(refused.err.contains("hint: Recopiez-la"), "\(refused.err)")
      #expect(!refused.err.contains("127.0.0.1"))
    }
    let english = await offline.run([
      "procuration", "list", "--as", "paul", "--wallet", String(typed.dropLast()), "--lang", "en",
    ])
    #expect(english.code == 2)
    #expect(english.err.contains("instead of 54: it is incomplete or mistyped."), "\(english.err)")

    // A reference with Maria's wallet but another key: what walletd returns is
    // not the reference's owner, so nothing else is asked or done.
    let forged = WalletReference(wallet: reference.wallet, owner: SigningKey().publicKey)
    let mismatch = await cli.run([
      "procuration", "list", "--as", "paul", "--wallet", forged.description,
    ])
    #expect(mismatch.code == 1)
    #expect(mismatch.err == Messages.referenceMismatch.rendered(in: .french) + "\n")

    // The reference as Paul typed it: lower case, spaces.
    let listed = try await cli.ok(["procuration", "list", "--as", "paul", "--wallet", typed])
    #expect(listed.contains("unique"), "\(listed)")
    // The long forms keep working.
    let long = try await cli.ok([
      "procuration", "list", "--as", "paul", "--wallet", reference.wallet.description,
    ])
    #expect(long == listed)
    let filed = await cli.run([
      "filing", "create", "--as", "paul", "--on-behalf-of", typed, "--purpose", "aide-sociale",
      "--at", "office-social-redange", "--yes",
    ])
    #expect(filed.code == 0, "\(filed.err)")
    #expect(filed.out.contains("Demande envoyée."))
    // The reference did the check: no reminder to compare key ids by hand.
    #expect(!filed.err.contains("vérifiez que c'est l'identifiant"))

  }
}
