import Foundation
import PSPConsent
import PSPWallet
import Testing
import WalletAPI
import WalletClient

@testable import WalletCLIKit

/// The messages people read most, as golden text in the four languages, and the
/// written rule (`Message`) checked on every message of the catalogue.
@Suite("Messages")
struct MessageTests {
  static let main: [(String, Message)] = [
    ("wrong-passphrase", Messages.wrongPassphrase),
    ("no-passphrase", Messages.noPassphrase),
    ("unreachable", Messages.unreachable("http://127.0.0.1:1")),
    ("no-such-identity", Messages.noSuchIdentity("maria")),
    ("choose-identity", Messages.chooseIdentity),
    ("wallet-already-open", Messages.walletAlreadyOpen("maria")),
    ("consent-not-given", Messages.consentNotGiven),
    ("not-confirmed", Messages.notConfirmed),
    ("unknown-field", Messages.unknownField("ibna")),
    (
      "invalid-iban",
      Messages.invalidValue(.ibanCheckDigits, field: FieldCatalogue.standard["iban"]!)
    ),
    (
      "refused-revoked",
      Messages.from(ClientError.refused(problem("revoked", 403, "The permission was withdrawn.")))
    ),
    (
      "refused-forbidden",
      Messages.from(
        ClientError.refused(
          problem("forbidden", 403, "only the operator registers administrations")))
    ),
    ("log-not-intact", Messages.logNotIntact("the log shrank")),
    ("no-witnesses", Messages.noWitnesses),
    (
      "usage",
      Messages.usage(
        ParserWords.usage("Missing expected argument '<name>'"),
        helpCommand: "wallet-cli field set --help")
    ),
    ("demo-failed", Messages.demoFailed),
  ]

  static func problem(_ code: String, _ status: Int, _ detail: String) -> Problem {
    Problem(type: "urn:psp:problem:\(code)", title: code, status: status, detail: detail)
  }

  @Test(arguments: main.map(\.0))
  func golden(_ name: String) throws {
    let message = try #require(Self.main.first { $0.0 == name }?.1)
    let text = Language.allCases.map { "\($0.rawValue):\n" + message.rendered(in: $0) + "\n" }
      .joined()
    try Golden.check(text, "message-\(name).txt")
  }

  /// Every message a command can print, with sample arguments.
  static var all: [Message] {
    let iban = FieldCatalogue.standard["iban"]!
    var messages: [Message] = [
      Messages.wrongPassphrase, Messages.noPassphrase, Messages.passphraseFileUnreadable,
      Messages.passphraseTooShort(8), Messages.passphrasesDiffer, Messages.wrongRecoveryCode,
      Messages.malformedRecoveryCode, Messages.noRecoveryCode, Messages.noSuchIdentity("paul"),
      Messages.noIdentityYet,
      Messages.chooseIdentity, Messages.identityExists("paul"), Messages.identityFileExists,
      Messages.keystoreDamaged, Messages.keystoreUnwritable,
      Messages.wrongRole("paul", is: .trustee, needs: [.citizen]), Messages.noWallet("maria"),
      Messages.walletAlreadyOpen("maria"), Messages.consentNotGiven, Messages.notConfirmed,
      Messages.stateDamaged,
      Messages.fileUnwritable, Messages.unknownField("x"), Messages.fieldEmpty(iban),
      Messages.importRefused(2),
      Messages.importUnreadable, Messages.documentUnreadable,
      Messages.unreachable("http://127.0.0.1:1"),
      Messages.badAnswer, Messages.failed("the wallet holds no iban"), Messages.unexpected,
      Messages.unknownAdministration("fns"),
      Messages.administrationNotForAid("FNS", aid: Words.aid("allocation-vie-chere")),
      Messages.unknownPurpose("x"), Messages.noFieldForAid, Messages.grantNotFound,
      Messages.procurationNotFound,
      Messages.filingNotFound, Messages.noUsableProcuration, Messages.walletNeeded,
      Messages.ownerMismatch, Messages.walletUnreadable, Messages.referenceMismatch,
      Messages.reference(.notAReference), Messages.reference(.wrongLength(53)),
      Messages.reference(.notInAlphabet), Messages.reference(.mistyped),
      Messages.trusteeUnreadable, Messages.publicKeysUnreadable, Messages.citizenKeyUnknown,
      Messages.logNotIntact("the log shrank"), Messages.logNotIntact("something new"),
      Messages.noWitnesses, Messages.witnessSettingsMalformed,
      Messages.logNotVerified("no witnesses are set up here"),
      Messages.logNotVerified("the witnesses have not confirmed the log recently"),
      Messages.logNotVerified("the checkpoint is not cosigned by the witnesses"),
      Messages.logNotVerified("the log is older than one already checked here"),
      Messages.from(ClientError.local("no witnesses are set up: the log cannot be checked")),
      Messages.demoFailed,
      Messages.usage(ParserWords.usage("Unknown option '--x'"), helpCommand: nil),
      Messages.trusteeNotAllowed(.grant), Messages.trusteeNotAllowed(.update),
      Messages.trusteeNotTheirGrant, Messages.trusteeUpdateNeedsRead,
      Messages.grantOutlivesProcuration("1er janvier 2027"), Messages.bundleIsTheCitizens,
      Messages.bundleNeedsOutput, Messages.importUnknownFile, Messages.bundleNotYours,
      Messages.trusteeNoProcuration, Messages.trusteeCannotRead, Messages.onBehalfOfNeeded,
    ]
    let errors: [FieldValidationError] = [
      .empty, .ibanCheckDigits, .dateFormat, .communeUnknown, .tooLong(maximum: 80),
    ]
    messages += errors.map { Messages.invalidValue($0, field: iban) }
    let codes = [
      "bad-signature", "wrong-grantee", "field-not-granted", "outside-template",
      "validity-too-long", "revoked", "paused",
      "expired", "already-used", "procuration-used", "procuration-too-narrow", "not-allowed",
      "unauthenticated",
      "forbidden", "not-found", "bad-request", "conflict", "too-many-requests", "unavailable",
      "something-new",
    ]
    messages += codes.map { Messages.from(ClientError.refused(problem($0, 403, "short text"))) }
    messages += [KeystoreError.wrongPassphrase, .corrupted("x"), .io("read")].map {
      Messages.from($0)
    }
    return messages
  }

  @Test(arguments: Language.allCases)
  func everyMessageFollowsTheRule(_ language: Language) {
    for message in Self.all {
      let lines = message.rendered(in: language).split(
        separator: "\n", omittingEmptySubsequences: false)
      // Every message says what to do next: a `hint:` line.
      #expect(lines.count == 2, "no hint: \(lines)")
      guard let first = lines.first else { continue }
      #expect(first.hasPrefix(Message.prefix), "\(first)")
      let sentence = first.dropFirst(Message.prefix.count)
      // Sentence case; the daemon's name keeps its own lower case.
      #expect(sentence.first?.isUppercase == true || sentence.hasPrefix("walletd"), "\(first)")
      #expect(first.hasSuffix("."), "\(first)")
      if lines.count == 2 {
        #expect(lines[1].hasPrefix(Message.hintPrefix), "\(lines[1])")
        #expect(lines[1].hasSuffix("."), "\(lines[1])")
      }
    }
  }

  /// A value typed by the person never appears in the message about it.
  @Test func invalidValueDoesNotRepeatTheInput() throws {
    let input = "LU28 0019 4006 4475 0001"
    let iban = try #require(FieldCatalogue.standard["iban"])
    let error = try #require(throws: FieldValidationError.self) { try iban.validate(input) }
    for language in Language.allCases {
      let text = Messages.invalidValue(error, field: iban).rendered(in: language)
      #expect(!text.contains("4475"))
      #expect(!text.contains(input))
    }
  }
}
