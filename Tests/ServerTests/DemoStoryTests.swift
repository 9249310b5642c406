import Foundation
import PSPDemo
import PSPWallet
import Testing

/// The README's demo, end to end over real HTTP on loopback against a real
/// SQLite data dir: every step that should pass passes, every refusal the
/// story promises happens with the right code, the log verifies, and no value
/// sits in clear in the data dir.
@Suite("Demo story")
struct DemoStoryTests {
  @Test func theWholeStory() async throws {
    let directory = TestDirectory()
    let logs = LogCapture()
    let transcript = try await DemoStory(language: .french).run(
      dataDir: directory.path, logger: logs.logger())
    let failures = transcript.steps.filter {
      $0.outcome == "error" || $0.detail.contains("NOT REFUSED")
    }
    #expect(failures.isEmpty, "\(failures.map(\.detail))")
    #expect(
      transcript.refusals.map(\.code) == ["field-not-granted", "procuration-used", "revoked"])
    #expect(transcript.refusals.map(\.actor) == ["FNS", "Paul", "FNS"])
    #expect(transcript.logIntact == true)

    // The witnesses are told first; the FNS's reading comes with its receipt;
    // Maria's log is verified against both witnesses.
    #expect(transcript.steps.first?.actor == "Témoins")
    #expect(transcript.steps.first?.detail.contains("cnpd.lu/witness") == true)
    #expect(transcript.steps.first?.detail.contains("eos.lu/witness") == true)
    let fnsSteps = transcript.steps.filter { $0.actor == "FNS" && $0.outcome == "ok" }
    #expect(fnsSteps.map(\.detail).contains { $0.hasPrefix("garde le reçu de sa lecture") })
    let verified = try #require(transcript.steps.last)
    #expect(verified.actor == "Maria")
    #expect(verified.detail.hasPrefix("a vérifié son journal avec les deux témoins : intact ("))

    // The FNS saw exactly the allocation-de-vie-chère fields Maria holds.
    let fnsRead = try #require(transcript.steps.first { $0.actor == "FNS" && $0.fieldsSeen != nil })
    #expect(
      Set(fnsRead.fieldsSeen!.keys) == [
        "surname", "given_names", "matricule", "birth_date", "address", "residence_since",
        "civil_status",
        "household_members", "household_income", "iban", "account_holder",
      ])
    #expect(fnsRead.fieldsSeen?["rent_amount"] == nil)
    #expect(fnsRead.fieldsSeen?["iban"]?.contains("LU28") == true)

    // Plaintext at rest: no value of Maria's in the database, its WAL or the
    // key file, nor in the witnesses' folders, nor in anything walletd logged
    // (every level, trace included).
    let values = [
      "Ferreira", "1985031212307", "LU280019400644750000", "rue de la Gare", "Lucas", "electricit",
    ]
    // walletd may still be closing its database (the WAL is checkpointed and
    // removed when its last connection goes): a file that vanishes mid-scan
    // means its content moved into another, so the whole scan starts again.
    var scanned: [String: Data] = [:]
    for _ in 0..<20 {
      scanned = [:]
      var vanished = false
      guard let files = try? FileManager.default.subpathsOfDirectory(atPath: directory.path) else {
        try await Task.sleep(for: .milliseconds(100))
        continue
      }
      for file in files {
        let url = URL(fileURLWithPath: directory.path).appendingPathComponent(file)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
          isDirectory.boolValue
        {
          continue
        }
        guard let data = try? Data(contentsOf: url) else {
          vanished = true
          break
        }
        scanned[file] = data
      }
      if !vanished { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(scanned.keys.contains("walletd.sqlite"))
    #expect(scanned.keys.contains("witness-cnpd/witness.sqlite"))
    #expect(scanned.keys.contains("witness-eos/witness.sqlite"))
    for (file, data) in scanned {
      for value in values {
        #expect(data.range(of: Data(value.utf8)) == nil, "\(value) in \(file)")
      }
    }
    #expect(logs.count > 0, "walletd logged nothing: the check below would prove nothing")
    for value in values {
      #expect(!logs.text.contains(value), "\(value) in walletd's log")
    }
  }
}
