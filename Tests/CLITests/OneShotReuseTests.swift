import PSPConsent
import PSPCrypto
import PSPWallet
import Testing

@testable import WalletCLIKit

/// `wallet-cli log` warns about a one-shot grant or procuration the verified
/// log shows used more than once (walletd should have refused the second
/// use); a durable one used many times, or a statement that is not the
/// citizen's, is no cause for a warning.
@Suite("One-shot statements used twice")
struct OneShotReuseTests {
  let wallet = WalletID()
  let now: Int64 = 1_790_000_000

  func grant(_ kind: GrantKind) -> GrantClaims {
    GrantClaims(
      wallet: wallet, issuer: "k4.pid.maria", grantee: "k4.pid.office", purpose: "aide-sociale",
      fields: ["surname"], kind: kind, issuedAt: now, notBefore: now, expires: now + 86_400)
  }

  func procuration(_ kind: ProcurationKind) -> ProcurationClaims {
    ProcurationClaims(
      wallet: wallet, owner: "k4.pid.maria", trustee: Identity(kind: .trustee).publicIdentity,
      kind: kind, purposes: ["aide-sociale"], administration: nil, circle: nil, actions: [.file],
      issuedAt: now, notBefore: now, expires: now + 86_400)
  }

  @Test func onlyTheOneShotStatementsOfTheCitizen() {
    let (once, durable) = (grant(.oneShot), grant(.durable))
    let (single, personalised) = (procuration(.oneShot), procuration(.personalised))
    let unknown = StatementID()
    let found = OneShotReuse.find(
      [once.jti, durable.jti, single.jti, personalised.jti, unknown], grants: [once, durable],
      procurations: [single, personalised])
    #expect(
      found == [
        OneShotReuse(id: once.jti, kind: .grant(grantee: "k4.pid.office", purpose: "aide-sociale")),
        OneShotReuse(id: single.jti, kind: .procuration),
      ])
    #expect(OneShotReuse.find([], grants: [once], procurations: [single]).isEmpty)
  }

  @Test func theWarningSaysWhatAndWhatToDo() {
    let rules = StandardConsentRules(
      registry: AdministrationRegistry(), circles: { FieldCatalogue.standard[$0]?.circle })
    let id = StatementID()
    let grant = OneShotReuse(
      id: id, kind: .grant(grantee: "k4.pid.office", purpose: "aide-sociale")
    ).warning(rules)
    #expect(grant.fr.hasPrefix("ATTENTION : la permission à usage unique donnée à k4.pid.office"))
    #expect(grant.fr.contains("(n° \(id)) a servi plus d'une fois."))
    #expect(grant.en.hasPrefix("WARNING: the one-time permission given to k4.pid.office"))
    let procuration = OneShotReuse(id: id, kind: .procuration).warning(rules)
    #expect(
      procuration.fr
        == "ATTENTION : la procuration à usage unique n° \(id) a servi plus d'une fois. walletd aurait dû refuser la deuxième utilisation : prévenez l'opérateur de la plateforme et l'autorité de protection des données (CNPD)."
    )
    #expect(
      procuration.en.hasSuffix(
        "tell the platform's operator and the data-protection authority (CNPD)."))
  }
}
