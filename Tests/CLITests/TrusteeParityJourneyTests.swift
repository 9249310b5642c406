import Foundation
import PSPWallet
import Testing

@testable import WalletCLIKit

/// Paul, Maria's personne de confiance, over real HTTP with wallet-cli under a
/// personalised procuration for the aide sociale that allows every action:
/// he reads, changes a field and reads its history, gives a permission, lists,
/// pauses, resumes and withdraws it, files, follows the request to its
/// decision and reads its reasons, exports, checks the log and the wallet's
/// status. What the procuration does not allow is refused, plainly, and what
/// reached walletd is written in Maria's log.
@Suite("Trustee parity journey")
struct TrusteeParityJourneyTests {
  struct Given: Decodable {
    let procuration: String
    let reference: String
  }

  struct Created: Decodable { let grant: String }
  struct Filed: Decodable { let filing: String }

  @Test func everyActionUnderAPersonalisedProcuration() async throws {
    try await Platform.run([
      ("operator", "operateur"), ("administration", "office"), ("administration", "fns"),
      ("citizen", "maria"), ("trustee", "paul"),
    ]) { cli, platform, home in
      try await platform.register(
        "office", id: "office-social-redange", title: "Office social de Redange",
        kind: "office-social", purposes: "aide-sociale")
      try await platform.register(
        "fns", id: "fns", title: "Fonds national de solidarité", kind: "fns",
        purposes: "allocation-vie-chere")
      try await journey(cli, home)
    }
  }

  func journey(_ cli: CLIHarness, _ home: TemporaryFolder) async throws {
    try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
    let csv = home.file("maria.csv")
    try Data(TrusteeJourneyTests.goodCSV.utf8).write(to: URL(fileURLWithPath: csv))
    try await cli.ok(["field", "import", csv, "--as", "maria"])
    let given = try await cli.json(
      [
        "procuration", "create", "--as", "maria", "--to", "paul", "--purposes", "aide-sociale",
        "--actions", "read,update,file,grant", "--days", "30", "--yes", "--json",
      ], as: Given.self)
    let paul = ["--as", "paul", "--on-behalf-of", given.reference]

    // Change a field, see it as Maria sees it, and its history.
    try await cli.ok(
      ["field", "set", "address", "3, place de l'Église, L-8510 Redange"] + paul)
    let hers = try await cli.ok(["field", "get", "address", "--as", "maria"])
    #expect(hers.contains("3, place de l'Église, L-8510 Redange"), "\(hers)")
    let history = try await cli.ok(["field", "history", "address"] + paul)
    #expect(history.contains("Version 2"), "\(history)")
    #expect(history.contains("Version 1"))

    // Outside the aid's fields: walletd refuses, and Maria's log says so.
    let outside = await cli.run(["field", "set", "employer", "Cactus"] + paul)
    #expect(outside.code == 1)
    #expect(outside.err.contains("procuration-too-narrow"), "\(outside.err)")

    // A permission he gives, lists, pauses, resumes and withdraws.
    let grant = try await cli.json(
      ["grant", "create", "--to", "office-social-redange", "--purpose", "aide-sociale", "--yes"]
        + paul + ["--json"], as: Created.self)
    let listed = try await cli.ok(["grant", "list"] + paul)
    #expect(listed.contains(grant.grant), "\(listed)")
    for action in ["pause", "resume"] {
      try await cli.ok(["grant", action, grant.grant] + paul)
    }
    try await cli.ok(["grant", "revoke", grant.grant, "--yes"] + paul)
    let states = try await cli.ok(["grant", "list", "--as", "maria"])
    #expect(states.contains("\(grant.grant) — Office social de Redange"), "\(states)")
    #expect(states.contains("retirée"), "\(states)")
    // An aid the procuration does not name: refused before anything is sent.
    let otherAid = await cli.run(
      ["grant", "create", "--to", "fns", "--purpose", "allocation-vie-chere", "--yes"] + paul)
    #expect(otherAid.code == 1)
    // Maria's own permission is hers to change.
    let marias = try await cli.json(
      [
        "grant", "create", "--as", "maria", "--to", "office-social-redange", "--purpose",
        "aide-sociale", "--yes", "--json",
      ], as: Created.self)
    let notHis = await cli.run(["grant", "pause", marias.grant] + paul)
    #expect(notHis.code == 1)
    #expect(notHis.err == Messages.trusteeNotTheirGrant.rendered(in: .french) + "\n")

    // He files, the office decides, and he reads the reasons sealed to him too.
    let filed = try await cli.json(
      [
        "filing", "create", "--purpose", "aide-sociale", "--at", "office-social-redange", "--yes",
      ] + paul + ["--json"], as: Filed.self)
    struct Incoming: Decodable {
      let grant: String
      let filing: String?
      let wallet: String
    }
    let incoming = try await cli.json(["admin", "grants", "--as", "office"], as: [Incoming].self)
    let forRequest = try #require(incoming.first { $0.filing == filed.filing })
    try await cli.ok([
      "admin", "read", "--as", "office", "--wallet", forRequest.wallet, "--grant",
      forRequest.grant, "--purpose", "aide-sociale",
    ])
    let today = Timestamp.rfc3339(Int64(Date().timeIntervalSince1970)).prefix(10)
    try await cli.ok([
      "admin", "acknowledge", "--as", "office", "--wallet", forRequest.wallet, "--filing",
      filed.filing, "--number", "OSR-2026-0077", "--registered-on", String(today), "--service",
      "Accueil social", "--phone", "+352 2000 0000",
    ])
    try await cli.ok([
      "admin", "decide", "--as", "office", "--wallet", forRequest.wallet, "--filing",
      filed.filing, "--outcome", "granted", "--motivation", "Facture de novembre prise en charge.",
      "--recourse", "Vous pouvez contester par écrit.",
    ])
    let followed = try await cli.ok(["filing", "list"] + paul)
    #expect(followed.contains(filed.filing), "\(followed)")
    #expect(followed.contains("aide accordée"), "\(followed)")
    let reasons = try await cli.ok(["filing", "show", filed.filing] + paul)
    #expect(reasons.contains("Facture de novembre prise en charge."), "\(reasons)")
    #expect(!reasons.contains("ILLISIBLES"))

    // His export holds what he may read; the status says what he may do.
    let export = home.file("maria-par-paul.json")
    try await cli.ok(["wallet", "export", "--output", export] + paul)
    let exported = try String(contentsOfFile: export, encoding: .utf8)
    #expect(exported.contains("3, place de l'Église, L-8510 Redange"))
    let status = try await cli.ok(["wallet", "status"] + paul)
    #expect(status.contains(given.reference), "\(status)")
    #expect(status.contains("Demandes d'aide : 1."), "\(status)")
    let log = try await cli.ok(["log"] + paul)
    #expect(log.hasPrefix("Le journal de ce portefeuille est intact ("), "\(log)")

    // A procuration without `update` or `grant`: told plainly, nothing sent.
    try await cli.ok(["procuration", "revoke", given.procuration, "--as", "maria", "--yes"])
    _ = try await cli.json(
      [
        "procuration", "create", "--as", "maria", "--to", "paul", "--purposes", "aide-sociale",
        "--actions", "read", "--days", "30", "--yes", "--json",
      ], as: Given.self)
    let noUpdate = await cli.run(
      ["field", "set", "address", "Rue du Moulin, L-8510 Redange"] + paul)
    #expect(noUpdate.code == 1)
    #expect(noUpdate.err == Messages.trusteeNotAllowed(.update).rendered(in: .french) + "\n")
    let noGrant = await cli.run(
      ["grant", "create", "--to", "office-social-redange", "--purpose", "aide-sociale", "--yes"]
        + paul)
    #expect(noGrant.code == 1)
    #expect(noGrant.err == Messages.trusteeNotAllowed(.grant).rendered(in: .french) + "\n")

    // Maria's log tells every act of his, and the refusals that reached walletd.
    struct Entry: Decodable {
      let action: String
      let role: String
      let outcome: String
    }
    struct Told: Decodable { let entry: Entry }
    struct Shown: Decodable { let entries: [Told] }
    let entries = try await cli.json(["log", "--as", "maria", "--json"], as: Shown.self).entries
    let his = entries.map(\.entry).filter { $0.role == "trustee" }
    for action in [
      "fields-read", "field-updated", "grant-issued", "grant-paused", "grant-resumed",
      "grant-revoked", "filing-made",
    ] {
      #expect(his.contains { $0.action == action && $0.outcome == "allowed" }, "\(action)")
    }
    #expect(his.contains { $0.action == "field-updated" && $0.outcome == "refused" })

    // After Maria closes her wallet, Paul still reads its log and follows the request.
    try await cli.ok(["wallet", "close", "--as", "maria", "--yes"])
    let after = try await cli.ok(["log"] + paul)
    #expect(after.hasPrefix("Le journal de ce portefeuille est intact ("), "\(after)")
    let stillFollowed = try await cli.ok(["filing", "show", filed.filing] + paul)
    #expect(stillFollowed.contains("Facture de novembre prise en charge."), "\(stillFollowed)")
  }
}
