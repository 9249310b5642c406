import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletClient

/// The citizen's operations through the real client (`CitizenClient` over
/// `Transport`, HTTP on loopback) against an in-process walletd: each time
/// covers everything the client does for it — its extra reads (records,
/// grants, registry), sealing and signing, the POST, and walletd's checks and
/// durable group commit.
enum CitizenBenchmark {
  static func run(repetitions: Int) async throws {
    print("## citizen: one citizen's operations, end to end")
    print("")
    let bench = try await BenchDaemon.start()
    let values = try CitizenFields.values()
    var times: [String: [Double]] = [:]
    func timed<R>(_ name: String, _ body: () async throws -> R) async throws -> R {
      let start = monotonicNanoseconds()
      let result = try await body()
      times[name, default: []].append(Double(monotonicNanoseconds() - start) / 1e6)
      return result
    }
    let names = [
      "session handshake (Ed25519 + sealed box)", "open a wallet", "set 20 fields",
      "issue a durable grant (5 fields)", "revoke it, re-keying its 5 fields",
    ]
    for _ in 0..<repetitions {
      let transport = bench.transport(Identity(kind: .citizen))
      let now = Int64(Date().timeIntervalSince1970)
      _ = try await timed(names[0]) { try await transport.fetchDaemonKey() }
      let citizen = try await timed(names[1]) {
        try await CitizenClient.openWallet(
          transport,
          acceptance: ConsentAcceptance(terms: .current, language: .french, acceptedAt: now))
      }
      try await timed(names[2]) { try await citizen.set(values, at: now) }
      let grant = try await timed(names[3]) {
        try await citizen.grant(
          to: BenchDaemon.administrationID, purpose: BenchDaemon.purpose, kind: .durable, days: 365,
          at: now)
      }
      guard grant.fields.count == 5 else {
        throw BenchError.setup("the grant holds \(grant.fields.count) fields, not 5")
      }
      try await timed(names[4]) { try await citizen.change(grant, .revoke, at: now) }
    }
    await bench.stop()
    print("\(repetitions) citizens, one after another; milliseconds per operation.")
    print("")
    var table = MarkdownTable("operation", "median ms", "p90 ms", "min ms", "max ms")
    for name in names {
      let samples = Samples(times[name] ?? [])
      table.add(
        name, format(samples.median, 2), format(samples.percentile(90), 2),
        format(samples.percentile(0), 2),
        format(samples.percentile(100), 2))
    }
    table.print()
    try passwordHashing()
  }

  /// Argon2id as the keystore uses it: shown apart, since it is paid when a
  /// citizen unlocks their keys, not on each operation.
  static func passwordHashing() throws {
    let passphrase = SecureBytes(copying: Array("cheval correct agrafe batterie".utf8))
    var table = MarkdownTable(
      "Argon2id (PasswordHash.deriveKey)", "passes", "memory", "median ms", "min ms", "max ms")
    for (name, parameters) in [
      ("interactive", Argon2idParameters.interactive()), ("moderate", .moderate()),
    ] {
      var values: [Double] = []
      for _ in 0..<3 {
        let start = monotonicNanoseconds()
        blackHole(try PasswordHash.deriveKey(passphrase: passphrase, parameters: parameters))
        values.append(Double(monotonicNanoseconds() - start) / 1e6)
      }
      let samples = Samples(values)
      table.add(
        name, "\(parameters.iterations)", "\(parameters.memoryBytes >> 20) MiB",
        format(samples.median, 0),
        format(samples.percentile(0), 0), format(samples.percentile(100), 0))
    }
    print("Argon2id, 3 runs each:")
    print("")
    table.print()
  }
}
