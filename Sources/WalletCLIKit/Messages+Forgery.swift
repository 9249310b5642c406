import PSPConsent
import PSPCrypto
import PSPWallet
import WalletClient

/// What a person is told when walletd returned something its author did not
/// sign: what happened, that nothing was used, and what to do. Field and
/// administration ids only; never a value or a key.
extension Messages {
  static func forged(_ forgery: Forgery, trust: ClientTrust? = nil) -> Message {
    let stop = LocalizedText(
      fr:
        "Ne continuez pas : prévenez l'opérateur de la plateforme et l'autorité de protection des données (CNPD).",
      en: "Do not go on: tell the platform's operator and the data-protection authority (CNPD).",
      de:
        "Machen Sie nicht weiter: Informieren Sie den Betreiber der Plattform und die Datenschutzbehörde (CNPD).",
      pt:
        "Não continue: avise o operador da plataforma e a autoridade de proteção de dados (CNPD).")
    func told(_ fr: String, _ en: String, _ de: String, _ pt: String) -> Message {
      Message(LocalizedText(fr: fr, en: en, de: de, pt: pt), hint: stop)
    }
    switch forgery {
    case .receiptInvalid:
      return told(
        "La plateforme n'a pas prouvé que cet accès est inscrit dans le journal de la personne, confirmé par les témoins. Rien n'a été ouvert.",
        "The platform did not prove that this access is in the person's log, confirmed by the witnesses. Nothing was opened.",
        "Die Plattform hat nicht nachgewiesen, dass dieser Zugriff im Protokoll der Person steht und von den Zeugen bestätigt ist. Es wurde nichts geöffnet.",
        "A plataforma não provou que este acesso está no registo da pessoa, confirmado pelas testemunhas. Nada foi aberto."
      )
    case .logRolledBack(let seen, let served):
      return told(
        "La plateforme montre un état plus ancien du journal (\(served) époques ; vous en aviez déjà vu \(seen)). Rien n'a été ouvert.",
        "The platform shows an older state of the log (\(served) epochs; you already saw \(seen)). Nothing was opened.",
        "Die Plattform zeigt einen älteren Stand des Protokolls (\(served) Epochen; Sie hatten schon \(seen) gesehen). Es wurde nichts geöffnet.",
        "A plataforma mostra um estado mais antigo do registo (\(served) épocas; já tinha visto \(seen)). Nada foi aberto."
      )
    case .checkpointStale(let minutes):
      return Message(
        fr:
          "Les témoins n'ont pas confirmé le journal depuis au moins \(minutes) minutes. Rien n'a été ouvert.",
        en:
          "The witnesses have not confirmed the log for \(minutes) minutes or more. Nothing was opened.",
        de:
          "Die Zeugen haben das Protokoll seit mindestens \(minutes) Minuten nicht bestätigt. Es wurde nichts geöffnet.",
        pt:
          "As testemunhas não confirmam o registo há pelo menos \(minutes) minutos. Nada foi aberto.",
        hintFR: "Réessayez plus tard ; si cela dure, prévenez l'opérateur de la plateforme.",
        hintEN: "Try again later; if it lasts, tell the platform's operator.",
        hintDE:
          "Versuchen Sie es später noch einmal; wenn es so bleibt, informieren Sie den Betreiber der Plattform.",
        hintPT: "Tente de novo mais tarde; se continuar, avise o operador da plataforma.")
    case .secondFilingUnderOneShot(let procuration):
      return told(
        "La plateforme montre une deuxième demande faite avec la procuration à usage unique \(procuration). Elle n'est pas prise en compte.",
        "The platform shows a second request made under the one-time mandate \(procuration). It is not taken into account.",
        "Die Plattform zeigt einen zweiten Antrag mit der einmaligen Vollmacht \(procuration). Er wird nicht berücksichtigt.",
        "A plataforma mostra um segundo pedido feito com a procuração de uso único \(procuration). Não é tido em conta."
      )
    case .recordNotAuthored(let field):
      return told(
        "La plateforme a renvoyé pour « \(field) » des données que la personne n'a pas écrites. Elles n'ont pas été utilisées.",
        "The platform returned data for '\(field)' that the person did not write. It was not used.",
        "Die Plattform hat für „\(field)“ Angaben zurückgegeben, die die Person nicht geschrieben hat. Sie wurden nicht verwendet.",
        "A plataforma devolveu para «\(field)» dados que a pessoa não escreveu. Não foram utilizados."
      )
    case .recordNotGranted(let field):
      return told(
        "La plateforme a renvoyé pour « \(field) » des données que la permission ne donne pas (ou une ancienne version). Elles n'ont pas été ouvertes.",
        "The platform returned data for '\(field)' that the permission does not give (or an older version). It was not opened.",
        "Die Plattform hat für „\(field)“ Angaben zurückgegeben, die die Erlaubnis nicht umfasst (oder eine ältere Fassung). Sie wurden nicht geöffnet.",
        "A plataforma devolveu para «\(field)» dados que a autorização não dá (ou uma versão antiga). Não foram abertos."
      )
    case .grantInvalid:
      return told(
        "La permission renvoyée par la plateforme n'est pas une permission que la personne vous a donnée. Rien n'a été ouvert.",
        "The permission returned by the platform is not one the person gave you. Nothing was opened.",
        "Die Erlaubnis, die die Plattform zurückgegeben hat, ist keine, die die Person Ihnen gegeben hat. Es wurde nichts geöffnet.",
        "A autorização devolvida pela plataforma não é uma que a pessoa lhe deu. Nada foi aberto."
      )
    case .manifestInvalid:
      return told(
        "La liste de ce que la permission donne n'est pas signée par la personne qui l'a donnée. Rien n'a été ouvert.",
        "The list of what the permission gives is not signed by the person who gave it. Nothing was opened.",
        "Die Liste dessen, was die Erlaubnis umfasst, ist nicht von der Person unterschrieben, die sie gegeben hat. Es wurde nichts geöffnet.",
        "A lista do que a autorização dá não está assinada pela pessoa que a deu. Nada foi aberto."
      )
    case .manifestRolledBack(let seen, let served):
      return told(
        "La plateforme a renvoyé une ancienne liste de ce que la permission donne (n° \(served), vous aviez déjà le n° \(seen)). Rien n'a été ouvert.",
        "The platform returned an old list of what the permission gives (no. \(served); you already had no. \(seen)). Nothing was opened.",
        "Die Plattform hat eine alte Liste dessen zurückgegeben, was die Erlaubnis umfasst (Nr. \(served); Sie hatten schon Nr. \(seen)). Es wurde nichts geöffnet.",
        "A plataforma devolveu uma lista antiga do que a autorização dá (n.º \(served); já tinha o n.º \(seen)). Nada foi aberto."
      )
    case .certificateInvalid(let id):
      return told(
        "L'administration « \(id) » n'est pas certifiée par l'autorité d'enregistrement. Rien n'a été envoyé.",
        "The administration '\(id)' is not certified by the registration authority. Nothing was sent.",
        "Die Behörde „\(id)“ ist von der Registrierungsstelle nicht bestätigt. Es wurde nichts gesendet.",
        "A administração «\(id)» não está certificada pela autoridade de registo. Nada foi enviado."
      )
    case .certificateRolledBack(let id):
      return told(
        "La plateforme a renvoyé un ancien certificat de l'administration « \(id) », avec des clés qu'elle n'utilise plus. Rien n'a été envoyé.",
        "The platform returned an old certificate of the administration '\(id)', with keys it no longer uses. Nothing was sent.",
        "Die Plattform hat ein altes Zertifikat der Behörde „\(id)“ zurückgegeben, mit Schlüsseln, die sie nicht mehr verwendet. Es wurde nichts gesendet.",
        "A plataforma devolveu um certificado antigo da administração «\(id)», com chaves que ela já não usa. Nada foi enviado."
      )
    case .administrationKeysChanged(let id):
      var fr =
        "Les clés de l'administration « \(id) » ont changé depuis la dernière fois. Rien ne lui a été envoyé."
      var en =
        "The keys of the administration '\(id)' changed since the last time. Nothing was sent to it."
      var de =
        "Die Schlüssel der Behörde „\(id)“ haben sich seit dem letzten Mal geändert. Ihr wurde nichts gesendet."
      var pt =
        "As chaves da administração «\(id)» mudaram desde a última vez. Nada lhe foi enviado."
      if let (old, new) = trust?.pendingKeyChange(id) {
        let before = Paserk.keyID(old.signingKey)
        let after = new.administration.keyID
        fr += " Avant : \(before). Maintenant : \(after)."
        en += " Before: \(before). Now: \(after)."
        de += " Vorher: \(before). Jetzt: \(after)."
        pt += " Antes: \(before). Agora: \(after)."
      }
      return Message(
        fr: fr, en: en, de: de, pt: pt,
        hintFR:
          "Vérifiez auprès de l'administration (par téléphone ou au guichet) ; si c'est bien elle, confirmez avec : wallet-cli trust accept \(id).",
        hintEN:
          "Check with the administration (by phone or at its desk); if it really is them, confirm with: wallet-cli trust accept \(id).",
        hintDE:
          "Fragen Sie bei der Behörde nach (per Telefon oder am Schalter); wenn sie es wirklich ist, bestätigen Sie mit: wallet-cli trust accept \(id).",
        hintPT:
          "Confirme junto da administração (por telefone ou ao balcão); se for mesmo ela, confirme com: wallet-cli trust accept \(id)."
      )
    case .ownerKeyMismatch:
      return told(
        "Les clés de la personne renvoyées par la plateforme ne sont pas celles de son portefeuille. Rien n'a été utilisé.",
        "The person's keys returned by the platform are not those of their wallet. Nothing was used.",
        "Die Schlüssel der Person, die die Plattform zurückgegeben hat, sind nicht die ihrer Brieftasche. Es wurde nichts verwendet.",
        "As chaves da pessoa devolvidas pela plataforma não são as da sua carteira. Nada foi utilizado."
      )
    case .revocationIgnored(let grant):
      return Message(
        fr: "La plateforme montre comme active la permission \(grant) que vous avez retirée.",
        en: "The platform shows the permission \(grant), which you withdrew, as active.",
        de:
          "Die Plattform zeigt die Erlaubnis \(grant), die Sie zurückgenommen haben, als aktiv an.",
        pt: "A plataforma mostra como ativa a autorização \(grant), que retirou.",
        hintFR:
          "Retirez-la encore (wallet-cli grant revoke \(grant)) et prévenez l'opérateur et la CNPD.",
        hintEN:
          "Withdraw it again (wallet-cli grant revoke \(grant)) and tell the operator and the CNPD.",
        hintDE:
          "Nehmen Sie sie noch einmal zurück (wallet-cli grant revoke \(grant)) und informieren Sie den Betreiber und die CNPD.",
        hintPT:
          "Retire-a de novo (wallet-cli grant revoke \(grant)) e avise o operador e a CNPD."
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
