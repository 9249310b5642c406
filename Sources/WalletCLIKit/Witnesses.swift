import Foundation
import WalletClient

/// The witnesses of walletd's log an installation believes (`spec/log.md` §8):
/// set once in the home's `state.json` (`wallet-cli trust witnesses`), or
/// given whole in `PSP_WITNESS_POLICY` (the JSON of a `WitnessPolicy`), which
/// then stands in for the one set here. Without them, nothing walletd proves
/// about a log can be checked, so reads, filings and `log` stop.
enum Witnesses {
  static let environmentKey = "PSP_WITNESS_POLICY"

  static func policy(_ state: HomeState, _ environment: [String: String]) throws(Message)
    -> WitnessPolicy?
  {
    if let given = environment[environmentKey], !given.isEmpty {
      guard let decoded = try? JSONDecoder().decode(WitnessPolicy.self, from: Data(given.utf8))
      else { throw Messages.witnessSettingsMalformed }
      return try checked(decoded)
    }
    return try state.witnesses.map { (kept) throws(Message) in try checked(kept) }
  }

  /// Decoding skips `WitnessPolicy`'s checks: they run here. A quorum of 0
  /// ("believe the log alone") is refused: it would make the witnesses pointless.
  static func checked(_ policy: WitnessPolicy) throws(Message) -> WitnessPolicy {
    guard policy.quorum >= 1 else { throw Messages.witnessSettingsMalformed }
    do {
      return try WitnessPolicy(
        log: policy.log, witnesses: policy.witnesses, quorum: policy.quorum,
        maximumAge: policy.maximumAge)
    } catch { throw Messages.witnessSettingsMalformed }
  }

  /// How a key is shown to be compared with what its holder published: its
  /// name and key id (`cnpd.lu/witness+1a2b3c4d`), without the key itself.
  static func shortName(_ vkey: String) -> String {
    vkey.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false).prefix(2)
      .joined(separator: "+")
  }

  /// Whether a library text (`ClientError.local`) says no witnesses are set up.
  static func isMissing(_ detail: String) -> Bool { detail.hasPrefix("no witnesses are set up") }
}

extension Messages {
  static let noWitnesses = Message(
    fr:
      "Aucun témoin du journal n'est configuré ici : impossible de vérifier ce que walletd prouve sur le journal.",
    en:
      "No witnesses of the log are set up here: what walletd proves about the log cannot be checked.",
    de:
      "Hier sind keine Zeugen des Protokolls eingerichtet: Was walletd über das Protokoll nachweist, kann nicht geprüft werden.",
    pt:
      "Nenhuma testemunha do registo está configurada aqui: o que walletd prova sobre o registo não pode ser verificado.",
    hintFR:
      "Une fois par installation : wallet-cli trust witnesses --log CLÉ --quorum N CLÉ… (les clés publiées par l'opérateur et par les témoins).",
    hintEN:
      "Once per installation: wallet-cli trust witnesses --log KEY --quorum N KEY… (the keys published by the operator and by the witnesses).",
    hintDE:
      "Einmal pro Installation: wallet-cli trust witnesses --log SCHLÜSSEL --quorum N SCHLÜSSEL… (die Schlüssel, die der Betreiber und die Zeugen veröffentlicht haben).",
    hintPT:
      "Uma vez por instalação: wallet-cli trust witnesses --log CHAVE --quorum N CHAVE… (as chaves publicadas pelo operador e pelas testemunhas)."
  )

  static let witnessSettingsMalformed = Message(
    fr: "Les réglages des témoins ne sont pas valables. Rien n'a été fait.",
    en: "The witness settings are not valid. Nothing was done.",
    de: "Die Einstellungen der Zeugen sind nicht gültig. Es wurde nichts getan.",
    pt: "As definições das testemunhas não são válidas. Nada foi feito.",
    hintFR:
      "Il faut la clé du journal de walletd, des clés de témoins différentes, et qu'il en faille plus de la moitié ; vérifiez PSP_WITNESS_POLICY ou refaites wallet-cli trust witnesses.",
    hintEN:
      "It takes walletd's log key, distinct witness keys, and more than half of them required; check PSP_WITNESS_POLICY or run wallet-cli trust witnesses again.",
    hintDE:
      "Nötig sind der Protokollschlüssel von walletd, verschiedene Schlüssel der Zeugen, und mehr als die Hälfte davon muss verlangt sein; prüfen Sie PSP_WITNESS_POLICY oder starten Sie wallet-cli trust witnesses noch einmal.",
    hintPT:
      "É precisa a chave do registo de walletd, chaves de testemunhas diferentes, e que seja exigida mais de metade delas; verifique PSP_WITNESS_POLICY ou execute de novo wallet-cli trust witnesses."
  )
}
