import Foundation
import PSPConsent
import PSPWallet
import Testing

@testable import WalletCLIKit

/// The smaller points a user found: the list of registered administrations,
/// a question before an irreversible act, and the state of each grant an
/// administration received.
@Suite("Small points")
struct SmallPointsTests {
  @Test func revokeAsksAndAdminSeesStates() async throws {
    try await Platform.run(
      [("operator", "operateur"), ("administration", "office"), ("citizen", "maria"), ("trustee", "paul")],
      journey)
  }

  /// The household typed as plain text means the same as the JSON list.
  @Test func householdAsText() throws {
    let definition = try #require(FieldCatalogue.standard["household_members"])
    let typed = try definition.validate(
      "Ferreira, Ana, enfant, 12/05/2015; Silva, João, conjoint, 03/02/1980")
    let listed = try definition.validate(
      householdMembers: [
        HouseholdMemberInput(
          givenNames: "Ana", surname: "Ferreira", relation: "enfant", birthDate: "12/05/2015"),
        HouseholdMemberInput(
          givenNames: "João", surname: "Silva", relation: "conjoint", birthDate: "03/02/1980"),
      ], context: .current())
    #expect(typed == listed)
    // One per line, with the optional matricule left empty and an income.
    let lines = try definition.validate(
      "Ferreira, Ana, enfant, 12/05/2015, , 100\nSilva, João, conjoint, 03/02/1980")
    if case .householdMembers(let members) = lines {
      #expect(members.count == 2)
      #expect(members[0].monthlyNetIncomeCents == 10_000)
    } else {
      Issue.record("not a household")
    }
    #expect(throws: FieldValidationError.listFormat) {
      try definition.validate("Ferreira Ana 2015")
    }
  }

  struct Created: Decodable {
    let grant: String
  }

  struct Incoming: Decodable {
    let grant: String
    let state: String?
  }

  func journey(_ cli: CLIHarness, _ platform: Platform, _ home: TemporaryFolder) async throws {
    try await platform.register(
      "office", id: "office-social-redange", title: "Office social de Redange",
      kind: "office-social", purposes: "aide-sociale")

    // Anyone finds who is registered, for which aid, and how to reach them.
    struct Registered: Decodable {
      struct Contact: Decodable {
        let service: String
        let phone: String?
      }
      let id: String
      let name: String
      let kind: String
      let purposes: [String]
      let contact: Contact
    }
    let listed = try await cli.json(["administrations"], as: [Registered].self)
    #expect(listed.map(\.id) == ["office-social-redange"])
    #expect(listed.first?.name == "Office social de Redange")
    #expect(listed.first?.kind == "office-social")
    #expect(listed.first?.purposes == ["aide-sociale"])
    #expect(listed.first?.contact.service == "Accueil")
    #expect(listed.first?.contact.phone == "+352 2000 0000")
    let listing = try await cli.ok(["administrations"])
    #expect(
      listing.hasPrefix(
        "Office social de Redange (office-social-redange)\n  type : office-social\n  aide : "))
    #expect(listing.contains(" (aide-sociale)\n    base légale : "))
    #expect(listing.hasSuffix("  contact : Accueil, +352 2000 0000\n"))

    try await cli.ok(["wallet", "open", "--as", "maria", "--accept"])
    try await cli.ok(["field", "set", "surname", "Ferreira", "--as", "maria"])
    // The household, typed plainly; a wrong form shows an example.
    let wrong = await cli.run(["field", "set", "household_members", "Ana 2015", "--as", "maria"])
    #expect(wrong.code == 1)
    #expect(wrong.err.contains("\nhint: Une personne à la fois, séparées par « ; » : "))
    #expect(wrong.err.contains("Exemple : \"Ferreira, Ana, enfant, 12/05/2015; "))
    try await cli.ok([
      "field", "set", "household_members", "Ferreira, Ana, enfant, 12/05/2015", "--as", "maria",
    ])
    let create = [
      "grant", "create", "--as", "maria", "--to", "office-social-redange", "--purpose",
      "aide-sociale", "--yes",
    ]
    let kept = try await cli.json(create, as: Created.self)
    let withdrawn = try await cli.json(create, as: Created.self)
    let revoke = ["grant", "revoke", withdrawn.grant, "--as", "maria"]

    // Nobody to answer (no terminal, no --yes): refused, nothing changed.
    let alone = await cli.run(revoke)
    #expect(alone.code == 1)
    #expect(alone.err.hasPrefix("Retirer pour toujours la permission de « "))
    #expect(alone.err.hasSuffix(Messages.confirmationNeedsYes.rendered(in: .french) + "\n"))
    // "non": refused, nothing changed.
    let declined = await cli.run(revoke, input: ["non"])
    #expect(declined.code == 1)
    #expect(declined.err.hasSuffix(Messages.notConfirmed.rendered(in: .french) + "\n"))
    var states = try await cli.json(["admin", "grants", "--as", "office"], as: [Incoming].self)
    #expect(states.allSatisfy { $0.state == "active" })
    // "oui": withdrawn.
    let done = try await cli.ok(revoke, input: ["oui"])
    #expect(done.hasPrefix("Permission retirée."))

    // The administration sees which grant stands and which was withdrawn.
    states = try await cli.json(["admin", "grants", "--as", "office"], as: [Incoming].self)
    #expect(states.first { $0.grant == withdrawn.grant }?.state == "revoked")
    #expect(states.first { $0.grant == kept.grant }?.state == "active")
    let text = try await cli.ok(["admin", "grants", "--as", "office"])
    #expect(text.contains("Permission \(withdrawn.grant)\n  état : retirée\n"))
    #expect(text.contains("Permission \(kept.grant)\n  état : en cours\n"))
    var english = cli
    english.environment["LANG"] = "en_GB.UTF-8"
    #expect(
      try await english.ok(["admin", "grants", "--as", "office"]).contains(
        "Grant \(withdrawn.grant)\n  state: withdrawn\n"))
    // --yes: no question.
    let scripted = try await cli.ok(["grant", "revoke", kept.grant, "--as", "maria", "--yes"])
    #expect(scripted.hasPrefix("Permission retirée."))

    // The same for a procuration.
    let paulPublic = try await cli.ok(["identity", "show", "--as", "paul", "--json"])
    try Data(paulPublic.utf8).write(to: URL(fileURLWithPath: home.file("paul.public.json")))
    struct Given: Decodable { let procuration: String }
    let given = try await cli.json(
      [
        "procuration", "create", "--as", "maria", "--to", home.file("paul.public.json"), "--once",
        "--purpose", "aide-sociale", "--at", "office-social-redange", "--yes",
      ], as: Given.self)
    let withdraw = ["procuration", "revoke", given.procuration, "--as", "maria"]
    let nobody = await cli.run(withdraw)
    #expect(nobody.code == 1)
    #expect(nobody.err.hasPrefix("Retirer pour toujours cette procuration ?"))
    #expect(nobody.err.hasSuffix(Messages.confirmationNeedsYes.rendered(in: .french) + "\n"))
    let no = await cli.run(withdraw, input: ["non"])
    #expect(no.err.hasSuffix(Messages.notConfirmed.rendered(in: .french) + "\n"))
    let englishNo = await english.run(withdraw)
    #expect(englishNo.err.hasPrefix("Withdraw this procuration for good?"))
    #expect(englishNo.err.hasSuffix(Messages.confirmationNeedsYes.rendered(in: .english) + "\n"))
    #expect(try await cli.ok(withdraw, input: ["oui"]).hasPrefix("Procuration retirée."))
    let again = await cli.run(withdraw + ["--yes"])
    #expect(again.code == 1)

    // The filing's preview names what the aid asks for but is not filled in.
    let filed = try await cli.ok([
      "filing", "create", "--as", "maria", "--purpose", "aide-sociale", "--at",
      "office-social-redange", "--yes",
    ])
    let missing = GrantPreview.labels(["given_names"], .french)[0]
    #expect(
      filed.contains(
        "L'aide demande aussi ces données, qui ne sont pas remplies (elles ne seront pas montrées) :\n"
      ))
    #expect(filed.contains("  - \(missing)\n"))

    // A registration date before the day of the request is refused.
    struct Received: Decodable {
      let wallet: String
      let grant: String
      let filing: String?
    }
    let received = try await cli.json(["admin", "grants", "--as", "office"], as: [Received].self)
    let request = try #require(received.first { $0.filing != nil })
    let filingID = try #require(request.filing)
    try await cli.ok([
      "admin", "read", "--as", "office", "--wallet", request.wallet, "--grant", request.grant,
      "--purpose", "aide-sociale",
    ])
    let acknowledge = [
      "admin", "acknowledge", "--as", "office", "--wallet", request.wallet, "--filing", filingID,
      "--number", "OSR-1", "--service", "Accueil", "--phone", "+352 2000 0000", "--registered-on",
    ]
    let early = await cli.run(acknowledge + ["2020-01-02"])
    #expect(early.code == 1)
    let today = CalendarDate.today()
    let filedOn = try CivilDate(year: today.year, month: today.month, day: today.day)
    #expect(early.err == Messages.registeredBeforeFiling(filedOn).rendered(in: .french) + "\n")
    #expect(early.err.hasPrefix("wallet-cli: La demande a été faite le "))
    try await cli.ok(acknowledge + [filedOn.iso])

    // The citizen sees who to contact, from the acknowledgement.
    let list = try await cli.ok(["filing", "list", "--as", "maria"])
    #expect(list.contains("    contact : Accueil, +352 2000 0000\n"))
    let show = try await cli.ok(["filing", "show", filingID, "--as", "maria"])
    #expect(show.contains("  Contact : Accueil, +352 2000 0000\n"))
  }
}
