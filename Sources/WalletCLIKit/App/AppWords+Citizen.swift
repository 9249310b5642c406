import PSPWallet

/// The words of the citizen's own pages (opening, documents, the wallet,
/// making an identity, recovery) that the CLI does not say.
extension AppWords {
  static let noWalletYet = LocalizedText(
    fr: "Vous n'avez pas encore de portefeuille.", en: "You have no wallet yet.",
    de: "Sie haben noch keine Brieftasche.", pt: "Ainda não tem carteira.")
  static let openWallet = LocalizedText(
    fr: "Ouvrir mon portefeuille", en: "Open my wallet", de: "Meine Brieftasche öffnen",
    pt: "Abrir a minha carteira")
  static let accept = LocalizedText(
    fr: "J'ai lu ce texte et je l'accepte.", en: "I have read this text and I accept it.",
    de: "Ich habe diesen Text gelesen und nehme ihn an.", pt: "Li este texto e aceito-o.")
  static let walletOpened = LocalizedText(
    fr: "Votre portefeuille est ouvert.", en: "Your wallet is open.",
    de: "Ihre Brieftasche ist geöffnet.", pt: "A sua carteira está aberta.")
  static let consentSheet = LocalizedText(
    fr: "Imprimer le reçu de mon consentement", en: "Print the receipt of my consent",
    de: "Den Beleg meiner Einwilligung drucken", pt: "Imprimir o recibo do meu consentimento")
  static let noDocument = LocalizedText(
    fr: "pas encore donné", en: "not given yet", de: "noch nicht gegeben", pt: "ainda não dado")
  static let download = LocalizedText(
    fr: "Télécharger", en: "Download", de: "Herunterladen", pt: "Descarregar")
  static let addDocument = LocalizedText(
    fr: "Ajouter ou remplacer un document", en: "Add or replace a document",
    de: "Ein Dokument hinzufügen oder ersetzen", pt: "Juntar ou substituir um documento")
  static let file = LocalizedText(fr: "Fichier", en: "File", de: "Datei", pt: "Ficheiro")
  static let documentTypes = LocalizedText(
    fr: "PDF, PNG, JPEG ou texte, 10 Mo au plus.", en: "PDF, PNG, JPEG or text, 10 MB at most.",
    de: "PDF, PNG, JPEG oder Text, höchstens 10 MB.",
    pt: "PDF, PNG, JPEG ou texto, 10 MB no máximo.")
  static let exportTitle = LocalizedText(
    fr: "Une copie à garder", en: "A copy to keep", de: "Eine Kopie zum Aufbewahren",
    pt: "Uma cópia para guardar")
  static let exportText = LocalizedText(
    fr:
      "Une copie chiffrée de toutes vos données. Vous seul pouvez la rouvrir, avec votre identité.",
    en: "An encrypted copy of all your data. Only you can open it again, with your identity.",
    de:
      "Eine verschlüsselte Kopie aller Ihrer Angaben. Nur Sie können sie wieder öffnen, mit Ihrer Identität.",
    pt:
      "Uma cópia cifrada de todos os seus dados. Só o titular a pode reabrir, com a sua identidade."
  )
  static let exportLink = LocalizedText(
    fr: "Télécharger la copie chiffrée", en: "Download the encrypted copy",
    de: "Die verschlüsselte Kopie herunterladen", pt: "Descarregar a cópia cifrada")
  static let importTitle = LocalizedText(
    fr: "Remettre une copie ou un fichier de données", en: "Bring back a copy or a file of fields",
    de: "Eine Kopie oder eine Datei mit Angaben zurückspielen",
    pt: "Repor uma cópia ou um ficheiro de dados")
  static let importText = LocalizedText(
    fr:
      "Votre copie chiffrée, ou un fichier JSON ou CSV de données. Chaque valeur est vérifiée d'abord.",
    en: "Your encrypted copy, or a JSON or CSV file of fields. Every value is checked first.",
    de:
      "Ihre verschlüsselte Kopie oder eine JSON- oder CSV-Datei mit Angaben. Jeder Wert wird zuerst geprüft.",
    pt:
      "A sua cópia cifrada, ou um ficheiro JSON ou CSV de dados. Cada valor é verificado primeiro.")
  static let importButton = LocalizedText(
    fr: "Remettre ces données", en: "Bring these fields back", de: "Diese Angaben zurückspielen",
    pt: "Repor estes dados")
  static let closeTitle = LocalizedText(
    fr: "Fermer mon portefeuille", en: "Close my wallet", de: "Meine Brieftasche schließen",
    pt: "Fechar a minha carteira")
  static let closeForGood = LocalizedText(
    fr: "Je comprends : il sera fermé pour toujours.",
    en: "I understand: it will be closed for good.",
    de: "Ich verstehe: Sie wird für immer geschlossen.",
    pt: "Compreendo: ficará fechada para sempre.")
  static let closeButton = LocalizedText(
    fr: "Fermer pour toujours", en: "Close for good", de: "Für immer schließen",
    pt: "Fechar para sempre")
  static let createTitle = LocalizedText(
    fr: "Créer mon identité", en: "Make my identity", de: "Meine Identität anlegen",
    pt: "Criar a minha identidade")
  static let noIdentityHere = LocalizedText(
    fr: "Il n'y a pas encore d'identité sur cet ordinateur.",
    en: "There is no identity on this computer yet.",
    de: "Auf diesem Computer gibt es noch keine Identität.",
    pt: "Ainda não há identidade neste computador.")
  static let forgotten = LocalizedText(
    fr: "Mot de passe oublié ?", en: "Forgotten passphrase?", de: "Passwort vergessen?",
    pt: "Esqueceu a palavra-passe?")
  static let yourName = LocalizedText(
    fr: "Un nom pour cette identité", en: "A name for this identity",
    de: "Ein Name für diese Identität", pt: "Um nome para esta identidade")
  static let nameHelp = LocalizedText(
    fr: "Lettres minuscules, chiffres et tirets, par exemple : maria.",
    en: "Lower-case letters, digits and hyphens, for example: maria.",
    de: "Kleinbuchstaben, Ziffern und Bindestriche, zum Beispiel: maria.",
    pt: "Letras minúsculas, algarismos e hífenes, por exemplo: maria.")
  static let iAm = LocalizedText(fr: "Je suis", en: "I am", de: "Ich bin", pt: "Sou")
  static let newPassphrase = LocalizedText(
    fr: "Choisissez un mot de passe (8 caractères au moins)",
    en: "Choose a passphrase (8 characters at least)",
    de: "Wählen Sie ein Passwort (mindestens 8 Zeichen)",
    pt: "Escolha uma palavra-passe (8 caracteres no mínimo)")
  static let passphraseAgain = LocalizedText(
    fr: "Tapez-le une seconde fois", en: "Type it a second time",
    de: "Geben Sie es ein zweites Mal ein", pt: "Escreva-a uma segunda vez")
  static let createButton = LocalizedText(
    fr: "Créer", en: "Make it", de: "Anlegen", pt: "Criar")
  static let recoverTitle = LocalizedText(
    fr: "Un nouveau mot de passe avec le code de secours",
    en: "A new passphrase with the recovery code",
    de: "Ein neues Passwort mit dem Wiederherstellungscode",
    pt: "Uma nova palavra-passe com o código de recuperação")
  static let recoveryCode = LocalizedText(
    fr: "Code de secours (sur la feuille imprimée)", en: "Recovery code (on the printed sheet)",
    de: "Wiederherstellungscode (auf dem gedruckten Blatt)",
    pt: "Código de recuperação (na folha impressa)")
  static let recoverButton = LocalizedText(
    fr: "Enregistrer le nouveau mot de passe", en: "Save the new passphrase",
    de: "Das neue Passwort speichern", pt: "Guardar a nova palavra-passe")
}
