import PSPConsent
import PSPCrypto
import PSPTransparency
import PSPWallet

// libFuzzer target for the witnessed log's parsers of untrusted bytes: what a
// witness reads from anyone (add-epoch and add-checkpoint bodies), what a
// client reads from walletd (receipts and head proofs), and their parts. The
// first byte chooses the parser. Parsed add-epoch requests go on through the
// witness logic, trusting the log key of spec/vectors/psp-log-v1.json (its
// seeds are those vectors), so the moves of the heads map are reached; parsed
// proofs are verified for both of the vectors' wallets. A refusal is fine; a
// crash, trap or hang is a failure.

private let logKey = try! Ed25519NoteVerifier(
  vkey: "psp.lu/walletd+49ac0d39+Ae1JKMYo0cLG6ukDOJBZlWEpWSc6XGP5NjbBRhSshzfR")
private let witnessKeys = [
  try! CosignatureV1Verifier(
    vkey: "witness.example.lu/w1+fc68a11a+BG56HN0psLeP0Tr0xVmP7/TvKpcWbjym8uT7/M2AUFvx"),
  try! CosignatureV1Verifier(
    vkey: "witness.example.lu/w2+fa24681c+BIqHX/8es4RRV3rNWv7kBUVlaN18ieCQhjoFV7x69J8X"),
]
private let core = try! WitnessCore(
  cosigner: CosignatureV1Signer(name: "fuzz.example/witness", key: SigningKey()),
  logs: [(origin: "psp.lu/walletd", key: logKey)], headsLogs: true)
private let policy = try! TlogPolicy(logs: [logKey], witnesses: witnessKeys, quorum: 0)
private let wallets = [
  try! WalletID(bytes: Array(0..<16)), try! WalletID(bytes: Array(16..<32)),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTransparency(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: start + 1, count: count - 1))
  switch start[0] % 9 {
  case 0:
    if let request = try? AddEpochRequest.parse(bytes) {
      _ = core.addEpoch(request, stored: nil, now: 1_790_000_000)
      _ = request.serialized()
    }
  case 1:
    if let proof = try? WalletLogProof.parse(bytes) {
      for wallet in wallets { _ = try? proof.verify(wallet: wallet, policy: policy) }
      _ = proof.serialized()
    }
  case 2: _ = try? HeadsProof.decode(bytes)
  case 3:
    if let update = try? HeadsUpdate.decode(bytes) { _ = try? update.apply(to: HeadsMap.empty) }
  case 4: _ = try? SignedNote.parse(bytes)
  case 5: _ = try? TlogProof.parse(bytes)
  case 6:
    if let request = try? AddCheckpointRequest.parse(bytes) {
      _ = core.addCheckpoint(request, stored: nil, now: 1_790_000_000)
    }
  case 7: _ = try? EpochFrontier.decode(bytes)
  default: _ = try? TlogCheckpoint(text: String(decoding: bytes, as: UTF8.self))
  }
  return 0
}
