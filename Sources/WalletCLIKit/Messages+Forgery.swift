import PSPConsent
import PSPCrypto
import WalletClient

/// What a person is told when walletd returned something its author did not
/// sign: what happened, that nothing was used, and what to do. Field and
/// administration ids only; never a value or a key.
extension Messages {
  static func forged(_ forgery: Forgery, trust: ClientTrust? = nil) -> Message {
    let stop = (
      fr:
        "Ne continuez pas : prévenez l'opérateur de la plateforme et l'autorité de protection des données (CNPD).",
      en: "Do not go on: tell the platform's operator and the data-protection authority (CNPD)."
    )
    switch forgery {
    case .receiptInvalid:
      return Message(
        fr:
          "La plateforme n'a pas prouvé que cet accès est inscrit dans le journal de la personne, confirmé par les témoins. Rien n'a été ouvert.",
        en:
          "The platform did not prove that this access is in the person's log, confirmed by the witnesses. Nothing was opened.",
        hintFR: stop.fr, hintEN: stop.en)
    case .logRolledBack(let seen, let served):
      return Message(
        fr:
          "La plateforme montre un état plus ancien du journal (\(served) époques ; vous en aviez déjà vu \(seen)). Rien n'a été ouvert.",
        en:
          "The platform shows an older state of the log (\(served) epochs; you already saw \(seen)). Nothing was opened.",
        hintFR: stop.fr, hintEN: stop.en)
    case .checkpointStale(let minutes):
      return Message(
        fr:
          "Les témoins n'ont pas confirmé le journal depuis au moins \(minutes) minutes. Rien n'a été ouvert.",
        en: "The witnesses have not confirmed the log for \(minutes) minutes or more. Nothing was opened.",
        hintFR: "Réessayez plus tard ; si cela dure, prévenez l'opérateur de la plateforme.",
        hintEN: "Try again later; if it lasts, tell the platform's operator.")
    case .secondFilingUnderOneShot(let procuration):
      return Message(
        fr:
          "La plateforme montre une deuxième demande faite avec la procuration à usage unique \(procuration). Elle n'est pas prise en compte.",
        en:
          "The platform shows a second request made under the one-time mandate \(procuration). It is not taken into account.",
        hintFR: stop.fr, hintEN: stop.en)
    case .recordNotAuthored(let field):
      return Message(
        fr:
          "La plateforme a renvoyé pour « \(field) » des données que la personne n'a pas écrites. Elles n'ont pas été utilisées.",
        en:
          "The platform returned data for '\(field)' that the person did not write. It was not used.",
        hintFR: stop.fr, hintEN: stop.en)
    case .recordNotGranted(let field):
      return Message(
        fr:
          "La plateforme a renvoyé pour « \(field) » des données que la permission ne donne pas (ou une ancienne version). Elles n'ont pas été ouvertes.",
        en:
          "The platform returned data for '\(field)' that the permission does not give (or an older version). It was not opened.",
        hintFR: stop.fr, hintEN: stop.en)
    case .grantInvalid:
      return Message(
        fr:
          "La permission renvoyée par la plateforme n'est pas une permission que la personne vous a donnée. Rien n'a été ouvert.",
        en: "The permission returned by the platform is not one the person gave you. Nothing was opened.",
        hintFR: stop.fr, hintEN: stop.en)
    case .manifestInvalid:
      return Message(
        fr:
          "La liste de ce que la permission donne n'est pas signée par la personne qui l'a donnée. Rien n'a été ouvert.",
        en:
          "The list of what the permission gives is not signed by the person who gave it. Nothing was opened.",
        hintFR: stop.fr, hintEN: stop.en)
    case .manifestRolledBack(let seen, let served):
      return Message(
        fr:
          "La plateforme a renvoyé une ancienne liste de ce que la permission donne (n° \(served), vous aviez déjà le n° \(seen)). Rien n'a été ouvert.",
        en:
          "The platform returned an old list of what the permission gives (no. \(served); you already had no. \(seen)). Nothing was opened.",
        hintFR: stop.fr, hintEN: stop.en)
    case .certificateInvalid(let id):
      return Message(
        fr:
          "L'administration « \(id) » n'est pas certifiée par l'autorité d'enregistrement. Rien n'a été envoyé.",
        en:
          "The administration '\(id)' is not certified by the registration authority. Nothing was sent.",
        hintFR: stop.fr, hintEN: stop.en)
    case .certificateRolledBack(let id):
      return Message(
        fr:
          "La plateforme a renvoyé un ancien certificat de l'administration « \(id) », avec des clés qu'elle n'utilise plus. Rien n'a été envoyé.",
        en:
          "The platform returned an old certificate of the administration '\(id)', with keys it no longer uses. Nothing was sent.",
        hintFR: stop.fr, hintEN: stop.en)
    case .administrationKeysChanged(let id):
      var fr =
        "Les clés de l'administration « \(id) » ont changé depuis la dernière fois. Rien ne lui a été envoyé."
      var en =
        "The keys of the administration '\(id)' changed since the last time. Nothing was sent to it."
      if let (old, new) = trust?.pendingKeyChange(id) {
        let before = Paserk.keyID(old.signingKey)
        let after = new.administration.keyID
        fr += " Avant : \(before). Maintenant : \(after)."
        en += " Before: \(before). Now: \(after)."
      }
      return Message(
        fr: fr, en: en,
        hintFR:
          "Vérifiez auprès de l'administration (par téléphone ou au guichet) ; si c'est bien elle, confirmez avec : wallet-cli trust accept \(id).",
        hintEN:
          "Check with the administration (by phone or at its desk); if it really is them, confirm with: wallet-cli trust accept \(id)."
      )
    case .ownerKeyMismatch:
      return Message(
        fr:
          "Les clés de la personne renvoyées par la plateforme ne sont pas celles de son portefeuille. Rien n'a été utilisé.",
        en:
          "The person's keys returned by the platform are not those of their wallet. Nothing was used.",
        hintFR: stop.fr, hintEN: stop.en)
    case .revocationIgnored(let grant):
      return Message(
        fr: "La plateforme montre comme active la permission \(grant) que vous avez retirée.",
        en: "The platform shows the permission \(grant), which you withdrew, as active.",
        hintFR:
          "Retirez-la encore (wallet-cli grant revoke \(grant)) et prévenez l'opérateur et la CNPD.",
        hintEN:
          "Withdraw it again (wallet-cli grant revoke \(grant)) and tell the operator and the CNPD."
      )
    }
  }
}

extension Paserk {
  /// The key id of a `k4.public` text, or the text itself if it does not parse.
  fileprivate static func keyID(_ text: String) -> String {
    (try? Paserk.signingPublicKey(from: text)).map { Paserk.identifier(of: $0) } ?? text
  }
}
