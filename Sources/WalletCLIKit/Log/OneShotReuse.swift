import PSPConsent
import PSPWallet

/// A one-shot statement of the citizen's — a permission to read once, a
/// procuration to use once — that the verified log shows used more than once.
/// walletd should have refused the second use: the log, which the witnesses
/// confirmed, is the evidence that it did not.
struct OneShotReuse: Equatable {
  enum Kind: Equatable {
    /// A one-shot grant: whom it was given to (key id) and for which aid.
    case grant(grantee: String, purpose: Purpose)
    case procuration
  }

  let id: StatementID
  let kind: Kind

  /// Among the statements `used` more than once, the one-shot ones, by the
  /// claims of the citizen's own grants and procurations (verified by the
  /// caller). A statement not among them is not the citizen's to judge here
  /// and is left out.
  static func find(
    _ used: [StatementID], grants: [GrantClaims], procurations: [ProcurationClaims]
  ) -> [OneShotReuse] {
    used.compactMap { id in
      if let grant = grants.first(where: { $0.jti == id }) {
        guard grant.kind == .oneShot else { return nil }
        return OneShotReuse(id: id, kind: .grant(grantee: grant.sub, purpose: grant.purpose))
      }
      if let procuration = procurations.first(where: { $0.jti == id }), procuration.kind == .oneShot
      {
        return OneShotReuse(id: id, kind: .procuration)
      }
      return nil
    }
  }

  /// The warning shown above the log, in plain words.
  func warning(_ rules: StandardConsentRules) -> LocalizedText {
    let advice = LocalizedText(
      fr: "prévenez l'opérateur de la plateforme et l'autorité de protection des données (CNPD)",
      en: "tell the platform's operator and the data-protection authority (CNPD)",
      de: "informieren Sie den Betreiber der Plattform und die Datenschutzbehörde (CNPD)",
      pt: "avise o operador da plataforma e a autoridade de proteção de dados (CNPD)")
    switch kind {
    case .grant(let grantee, let purpose):
      let name = rules.name(ofKeyID: grantee)
      let aid = Words.aid(purpose, rules.templates)
      return LocalizedText(
        fr:
          "ATTENTION : la permission à usage unique donnée à \(name) pour « \(aid.fr) » (n° \(id)) a servi plus d'une fois. walletd aurait dû refuser la deuxième lecture : \(advice.fr).",
        en:
          "WARNING: the one-time permission given to \(name) for “\(aid.en)” (no. \(id)) was used more than once. walletd should have refused the second reading: \(advice.en).",
        de:
          "ACHTUNG: Die einmalige Erlaubnis für \(name) für „\(aid.text(in: .german))“ (Nr. \(id)) wurde mehr als einmal benutzt. walletd hätte das zweite Lesen ablehnen müssen: \(advice.de).",
        pt:
          "ATENÇÃO: a autorização de uso único dada a \(name) para «\(aid.text(in: .portuguese))» (n.º \(id)) foi usada mais de uma vez. O walletd devia ter recusado a segunda leitura: \(advice.pt)."
      )
    case .procuration:
      return LocalizedText(
        fr:
          "ATTENTION : la procuration à usage unique n° \(id) a servi plus d'une fois. walletd aurait dû refuser la deuxième utilisation : \(advice.fr).",
        en:
          "WARNING: the one-time procuration no. \(id) was used more than once. walletd should have refused the second use: \(advice.en).",
        de:
          "ACHTUNG: Die einmalige Vollmacht Nr. \(id) wurde mehr als einmal benutzt. walletd hätte die zweite Nutzung ablehnen müssen: \(advice.de).",
        pt:
          "ATENÇÃO: a procuração de uso único n.º \(id) foi usada mais de uma vez. O walletd devia ter recusado a segunda utilização: \(advice.pt)."
      )
    }
  }
}
