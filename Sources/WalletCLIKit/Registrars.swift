import Foundation
import PSPCrypto
import PSPWallet

/// The registration authorities an installation trusts: pinned once in the
/// home's `state.json` (`wallet-cli trust registrar`), or given in
/// `PSP_REGISTRAR_KEY` (comma-separated `k4.public` keys). A client uses an
/// administration only if one of these certified it.
enum Registrars {
  static func pinned(_ state: HomeState, _ environment: [String: String]) throws(Message)
    -> [SigningPublicKey]
  {
    var texts = state.registrars ?? []
    if let given = environment["PSP_REGISTRAR_KEY"], !given.isEmpty {
      texts += given.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    }
    var keys: [SigningPublicKey] = []
    for text in texts {
      guard let key = try? Paserk.signingPublicKey(from: text) else {
        throw Messages.registrarKeyMalformed
      }
      if !keys.contains(key) { keys.append(key) }
    }
    return keys
  }
}

extension Messages {
  static let noRegistrar = Message(
    fr:
      "Aucune autorité d'enregistrement n'est configurée ici : impossible de vérifier les administrations.",
    en: "No registration authority is set up here: the administrations cannot be checked.",
    de:
      "Hier ist keine Registrierungsstelle eingerichtet: Die Behörden können nicht geprüft werden.",
    pt:
      "Nenhuma autoridade de registo está configurada aqui: as administrações não podem ser verificadas.",
    hintFR:
      "Une fois par installation : wallet-cli trust registrar FICHIER (la clé publique de l'autorité, reçue d'elle).",
    hintEN:
      "Once per installation: wallet-cli trust registrar FILE (the authority's public key, received from it).",
    hintDE:
      "Einmal pro Installation: wallet-cli trust registrar DATEI (der öffentliche Schlüssel der Stelle, von ihr erhalten).",
    hintPT:
      "Uma vez por instalação: wallet-cli trust registrar FICHEIRO (a chave pública da autoridade, recebida dela)."
  )

  static let registrarKeyMalformed = Message(
    fr: "La clé d'une autorité d'enregistrement n'est pas valable. Rien n'a été fait.",
    en: "A registration authority's key is not valid. Nothing was done.",
    de: "Der Schlüssel einer Registrierungsstelle ist nicht gültig. Es wurde nichts getan.",
    pt: "A chave de uma autoridade de registo não é válida. Nada foi feito.",
    hintFR:
      "Une clé commence par k4.public. ; vérifiez PSP_REGISTRAR_KEY ou refaites wallet-cli trust registrar.",
    hintEN:
      "A key starts with k4.public.; check PSP_REGISTRAR_KEY or run wallet-cli trust registrar again.",
    hintDE:
      "Ein Schlüssel beginnt mit k4.public.; prüfen Sie PSP_REGISTRAR_KEY oder starten Sie wallet-cli trust registrar noch einmal.",
    hintPT:
      "Uma chave começa por k4.public.; verifique PSP_REGISTRAR_KEY ou execute de novo wallet-cli trust registrar."
  )
}
