import PSPConsent
import PSPCrypto
import PSPWallet

// libFuzzer target for the signed statements' claims: grants, procurations,
// status changes, filings, consent receipts, circle key statements, record
// statements, grant manifests and administration certificates; and (kind 7)
// access log entries, unsigned. The first byte chooses the statement type and the signer
// (the owner, or the trustee under the fixture's procuration); the rest are
// the claims, which the target signs with that key before handing the token
// to the verifier, so the fuzzer reaches the claims decoding and every check
// behind the signature. A refusal is fine; a crash, trap or hang is a failure.

private let kinds = 11

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStatements(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let selector = Int(start[0])
  let claims = Array(UnsafeBufferPointer(start: start + 1, count: count - 1))
  let f = FuzzFixture.self
  let signer = selector / kinds % 2 == 0 ? f.owner.signingKey : f.trustee.signingKey
  switch selector % kinds {
  case 0:
    _ = try? GrantVerifier.verify(
      f.sign(claims, type: GrantClaims.type, with: signer), authority: f.authority, state: f.state,
      rules: f.rules)
  case 1:
    _ = try? ProcurationVerifier.verify(
      f.sign(claims, type: ProcurationClaims.type, with: signer), authority: f.authority,
      rules: f.rules)
  case 2:
    _ = try? StatusChangeVerifier.verify(
      f.sign(claims, type: StatusChangeClaims.type, with: signer), target: .grant(f.grant),
      authority: f.authority,
      state: f.state, rules: f.rules)
  case 3:
    _ = try? StatusChangeVerifier.verify(
      f.sign(claims, type: StatusChangeClaims.type, with: signer),
      target: .procuration(f.procurationID),
      authority: f.authority, state: f.state, rules: f.rules)
  case 4:
    _ = try? FilingVerifier.verify(
      f.sign(claims, type: FilingClaims.type, with: signer), authority: f.authority, state: f.state,
      rules: f.rules)
  case 5:
    _ = try? ConsentReceipt.verify(
      f.sign(claims, type: ConsentReceipt.type, with: signer), wallet: f.wallet,
      ownerKey: f.owner.signingKey.publicKey)
  case 6:
    _ = try? CircleKeyStatement.verify(
      [f.sign(claims, type: CircleKeyStatement.type, with: signer)], wallet: f.wallet,
      owner: f.owner.signingKey.publicKey)
  case 8:
    _ = try? RecordStatement.verify(
      [f.record], statements: [f.sign(claims, type: RecordStatementClaims.type, with: signer)],
      authority: f.authority, state: f.state, rules: f.rules)
  case 9:
    _ = try? GrantManifest.verify(
      f.sign(claims, type: GrantManifestClaims.type, with: signer), grant: f.grant, authority: f.authority,
      state: f.state, rules: f.rules)
  case 10:
    // The registrar's key is the trustee's here: the verifier must get past the signature.
    _ = try? AdministrationCertificate.verify(
      f.sign(claims, type: AdministrationCertificateClaims.type, with: signer),
      registrars: [signer.publicKey], at: f.now)
  default:
    // Access log entries, as walletd reads them back from its own log (LogFacts).
    _ = try? AccessLogEntry.decode(canonical: claims)
  }
  return 0
}
