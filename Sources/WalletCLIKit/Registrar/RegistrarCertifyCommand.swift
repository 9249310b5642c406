import ArgumentParser
import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient

struct RegistrarCertifyCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "certify",
      abstract: helpText(
        fr:
          "Certifier une administration pour les aides qu'elle traite (écrit son certificat).",
        en: "Certify an administration for the aids it processes (writes its certificate).",
        de:
          "Eine Behörde für die Hilfen zertifizieren, die sie bearbeitet (schreibt ihr Zertifikat).",
        pt:
          "Certificar uma administração para os apoios que trata (escreve o seu certificado)."),
      discussion: helpText(
        fr: """
          L'autorité d'enregistrement (pas l'opérateur) signe un certificat avec
          l'identifiant, le nom, le type, les aides, les clés et le contact de
          l'administration. L'opérateur le publie ensuite avec
          'wallet-cli operator register --certificate FILE' ; chaque client le vérifie
          avec la clé de l'autorité avant de sceller quoi que ce soit pour
          l'administration. Aucun walletd n'est nécessaire.

          Les clés publiques de l'administration viennent de son 'wallet-cli identity
          show --json' (--keys FILE), ou sont données par --signing-key et
          --encryption-key.

          Types : \(AdministrationKind.allCases.map(\.rawValue).joined(separator: ", ")).

          Exemple :
            wallet-cli registrar certify --as ministere --id fns \\
                --name "Fonds national de solidarité" --kind fns \\
                --keys fns.public.json --purposes allocation-vie-chere \\
                --service "Service AVC" --phone "+352 2000 0000" \\
                --out fns.certificate
          """,
        en: """
          The registration authority (not the operator) signs a certificate of the
          administration's id, name, kind, aids, keys and contact. The operator then
          publishes it with 'wallet-cli operator register --certificate FILE'; every
          client checks it against the authority's key before sealing anything to
          the administration. No walletd is needed.

          The administration's public keys come from its 'wallet-cli identity show
          --json' (--keys FILE), or are given as --signing-key and --encryption-key.

          Kinds: \(AdministrationKind.allCases.map(\.rawValue).joined(separator: ", ")).

          Example:
            wallet-cli registrar certify --as ministere --id fns \\
                --name "Fonds national de solidarité" --kind fns \\
                --keys fns.public.json --purposes allocation-vie-chere \\
                --service "Service AVC" --phone "+352 2000 0000" \\
                --out fns.certificate
          """,
        de: """
          Die Registrierungsstelle (nicht der Betreiber) unterschreibt ein Zertifikat
          mit Kennung, Name, Art, Hilfen, Schlüsseln und Kontakt der Behörde. Der
          Betreiber veröffentlicht es dann mit
          'wallet-cli operator register --certificate FILE'; jeder Client prüft es mit
          dem Schlüssel der Stelle, bevor er etwas für die Behörde versiegelt. Kein
          walletd ist nötig.

          Die öffentlichen Schlüssel der Behörde kommen aus ihrem 'wallet-cli identity
          show --json' (--keys FILE), oder werden mit --signing-key und
          --encryption-key angegeben.

          Arten: \(AdministrationKind.allCases.map(\.rawValue).joined(separator: ", ")).

          Beispiel:
            wallet-cli registrar certify --as ministere --id fns \\
                --name "Fonds national de solidarité" --kind fns \\
                --keys fns.public.json --purposes allocation-vie-chere \\
                --service "Service AVC" --phone "+352 2000 0000" \\
                --out fns.certificate
          """,
        pt: """
          A autoridade de registo (não o operador) assina um certificado com o
          identificador, o nome, o tipo, os apoios, as chaves e o contacto da
          administração. O operador publica-o depois com
          'wallet-cli operator register --certificate FILE'; cada cliente verifica-o
          com a chave da autoridade antes de selar o que quer que seja para a
          administração. Não é preciso nenhum walletd.

          As chaves públicas da administração vêm do seu 'wallet-cli identity show
          --json' (--keys FILE), ou são dadas com --signing-key e --encryption-key.

          Tipos: \(AdministrationKind.allCases.map(\.rawValue).joined(separator: ", ")).

          Exemplo:
            wallet-cli registrar certify --as ministere --id fns \\
                --name "Fonds national de solidarité" --kind fns \\
                --keys fns.public.json --purposes allocation-vie-chere \\
                --service "Service AVC" --phone "+352 2000 0000" \\
                --out fns.certificate
          """))
  }

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "L'identifiant de l'administration (en minuscules, par ex. fns).",
        en: "The administration's id (lower case, e.g. fns).",
        de: "Die Kennung der Behörde (kleingeschrieben, z. B. fns).",
        pt: "O identificador da administração (em minúsculas, p. ex. fns)."),
      valueName: "id"))
  var id: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Son nom, tel que les titulaires le liront.",
        en: "Its name, as citizens will read it.",
        de: "Ihr Name, so wie Inhaber und Inhaberinnen ihn lesen werden.",
        pt: "O seu nome, tal como os titulares o vão ler."),
      valueName: "name"))
  var name: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Son type (par ex. fns, office-social, commune).",
        en: "Its kind (e.g. fns, office-social, commune).",
        de: "Ihre Art (z. B. fns, office-social, commune).",
        pt: "O seu tipo (p. ex. fns, office-social, commune)."),
      valueName: "kind"))
  var kind: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Son fichier d'identité publique (venant de son 'identity show --json').",
        en: "Its public identity file (from its 'identity show --json').",
        de: "Ihre öffentliche Identitätsdatei (aus ihrem 'identity show --json').",
        pt: "O seu ficheiro de identidade pública (do seu 'identity show --json')."),
      valueName: "file"))
  var keys: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "Sa clé publique de signature (k4.public…).",
        en: "Its public signing key (k4.public…).",
        de: "Ihr öffentlicher Signaturschlüssel (k4.public…).",
        pt: "A sua chave pública de assinatura (k4.public…)."),
      valueName: "key"))
  var signingKey: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "Sa clé publique de chiffrement (base64url).",
        en: "Its public encryption key (base64url).",
        de: "Ihr öffentlicher Verschlüsselungsschlüssel (base64url).",
        pt: "A sua chave pública de cifra (base64url)."),
      valueName: "key"))
  var encryptionKey: String?

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Les aides qu'elle traite, séparées par des virgules.",
        en: "The aids it processes, comma-separated.",
        de: "Die Hilfen, die sie bearbeitet, durch Kommas getrennt.",
        pt: "Os apoios que trata, separados por vírgulas."),
      valueName: "a,b"))
  var purposes: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Le service que les titulaires peuvent contacter.",
        en: "The service citizens can contact.",
        de: "Der Dienst, den Inhaber und Inhaberinnen kontaktieren können.",
        pt: "O serviço que os titulares podem contactar."),
      valueName: "service"))
  var service: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Le numéro de téléphone du service.",
        en: "The service's phone number.",
        de: "Die Telefonnummer des Dienstes.",
        pt: "O número de telefone do serviço."),
      valueName: "phone"))
  var phone: String?

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "L'adresse e-mail du service.",
        en: "The service's e-mail address.",
        de: "Die E-Mail-Adresse des Dienstes.",
        pt: "O endereço de e-mail do serviço."),
      valueName: "email"))
  var email: String?

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Combien de temps le certificat est valable, en jours (de 1 à 730).",
        en: "How long the certificate is valid, in days (1 to 730).",
        de: "Wie lange das Zertifikat gültig ist, in Tagen (1 bis 730).",
        pt: "Durante quanto tempo o certificado é válido, em dias (de 1 a 730)."),
      valueName: "days"))
  var days: Int64 = 365

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Écrire le certificat dans ce fichier (sinon : l'afficher).",
        en: "Write the certificate to this file (default: print it).",
        de: "Das Zertifikat in diese Datei schreiben (sonst: es anzeigen).",
        pt: "Escrever o certificado neste ficheiro (senão: mostrá-lo)."),
      valueName: "file"))
  var out: String?

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard (1...730).contains(days) else {
      throw usageError(
        Message(
          fr: "--days : de 1 à 730.",
          en: "--days: 1 to 730",
          de: "--days: 1 bis 730.",
          pt: "--days: de 1 a 730.",
          hintFR: "Donnez la durée de validité en jours, par exemple --days 365.",
          hintEN: "Give the validity in days, for example --days 365.",
          hintDE: "Geben Sie die Gültigkeit in Tagen an, zum Beispiel --days 365.",
          hintPT: "Indique a validade em dias, por exemplo --days 365."),
        output)
    }
    guard AdministrationID(rawValue: id) != nil else {
      throw usageError(
        Message(
          fr: "--id : des lettres minuscules, des chiffres et '-'.",
          en: "--id: lower-case letters, digits and '-'",
          de: "--id: Kleinbuchstaben, Ziffern und '-'.",
          pt: "--id: letras minúsculas, algarismos e '-'.",
          hintFR: "Par exemple --id fns ou --id office-social-esch.",
          hintEN: "For example --id fns or --id office-social-esch.",
          hintDE: "Zum Beispiel --id fns oder --id office-social-esch.",
          hintPT: "Por exemplo --id fns ou --id office-social-esch."),
        output)
    }
    guard AdministrationKind(rawValue: kind) != nil else {
      let kinds = AdministrationKind.allCases.map(\.rawValue).joined(separator: ", ")
      throw usageError(
        Message(
          fr: "--kind : l'un de \(kinds).",
          en: "--kind: one of \(kinds)",
          de: "--kind: eine von diesen Arten: \(kinds).",
          pt: "--kind: um destes tipos: \(kinds).",
          hintFR: "Choisissez le type de l'administration dans cette liste.",
          hintEN: "Choose the administration's kind from this list.",
          hintDE: "Wählen Sie die Art der Behörde aus dieser Liste.",
          hintPT: "Escolha o tipo da administração nesta lista."),
        output)
    }
    guard let list = CommaList.parse(purposes, PurposeArgument.known), !list.isEmpty else {
      throw usageError(Messages.unknownPurpose(purposes), output)
    }
    guard (keys != nil) != (signingKey != nil && encryptionKey != nil),
      (signingKey == nil) == (encryptionKey == nil)
    else {
      throw usageError(
        Message(
          fr: "Donnez --keys FILE, ou --signing-key et --encryption-key.",
          en: "give --keys FILE, or --signing-key and --encryption-key",
          de: "Geben Sie --keys FILE an, oder --signing-key und --encryption-key.",
          pt: "Indique --keys FILE, ou --signing-key e --encryption-key.",
          hintFR: "Le fichier vient de 'wallet-cli identity show --json' de l'administration.",
          hintEN: "The file comes from the administration's 'wallet-cli identity show --json'.",
          hintDE: "Die Datei kommt aus 'wallet-cli identity show --json' der Behörde.",
          hintPT: "O ficheiro vem do 'wallet-cli identity show --json' da administração."),
        output)
    }
    guard phone != nil || email != nil else {
      throw usageError(Messages.serviceContactMissing("wallet-cli registrar certify"), output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let publicKeys: PublicIdentity?
      if let keys {
        publicKeys = PublicIdentityFile.publicIdentity(at: URL(fileURLWithPath: keys))
      } else {
        publicKeys = PublicIdentityFile.publicIdentity(
          signingKey: signingKey ?? "", encryptionKey: encryptionKey ?? "", kind: .administration)
      }
      guard let publicKeys else { throw Messages.publicKeysUnreadable }
      let acting = try Acting.unlock(home, actor, as: [.registrar], invocation)
      let purposes = CommaList.parse(self.purposes, PurposeArgument.known) ?? []
      let certificate: String
      do {
        guard let id = AdministrationID(rawValue: id), let kind = AdministrationKind(rawValue: kind)
        else {
          throw Messages.failed("--id or --kind")
        }
        let administration = try Administration(
          id: id, name: name, kind: kind, signingKey: publicKeys.signingKey,
          encryptionKey: publicKeys.encryptionKey, purposes: Set(purposes),
          contact: AdministrationContact(service: service, phone: phone, email: email))
        var registry = AdministrationRegistry()
        try registry.register(administration)
        // Dated a minute back: a client whose clock is a little behind the
        // registrar's must not find a new certificate "not valid yet".
        certificate = try AdministrationCertificate.issue(
          administration, by: acting.identity, at: Int64(Date().timeIntervalSince1970) - 60,
          days: days)
      } catch let error as RegistryError {
        if case .kindNotAllowed(let kind, let purpose) = error {
          throw Messages.kindNotForAid(kind, purpose)
        }
        throw Messages.failed(error.description)
      }
      if let out {
        try AtomicFile.write(Data((certificate + "\n").utf8), to: URL(fileURLWithPath: out))
      }
      if invocation.json {
        return try invocation.printJSON(
          ["administration": id, "keyID": publicKeys.keyID, "certificate": certificate])
      }
      if out == nil { invocation.line(certificate) }
      invocation.note(
        fr:
          "Certificat signé pour \(name) (\(id)), \(days) jours. Aides : \(purposes.map(\.rawValue).joined(separator: ", ")). Identifiant de clé : \(publicKeys.keyID).",
        en:
          "Certificate signed for \(name) (\(id)), \(days) days. Aids: \(purposes.map(\.rawValue).joined(separator: ", ")). Key id: \(publicKeys.keyID).",
        de:
          "Zertifikat unterschrieben für \(name) (\(id)), \(days) Tage. Hilfen: \(purposes.map(\.rawValue).joined(separator: ", ")). Schlüsselkennung: \(publicKeys.keyID).",
        pt:
          "Certificado assinado para \(name) (\(id)), \(days) dias. Apoios: \(purposes.map(\.rawValue).joined(separator: ", ")). Identificador da chave: \(publicKeys.keyID)."
      )
    }
  }
}

extension Messages {
  static func kindNotForAid(_ kind: AdministrationKind, _ purpose: Purpose) -> Message {
    let allowed =
      TemplateCatalogue.standard[purpose].map {
        $0.administrationKinds.map(\.rawValue).sorted().joined(separator: ", ")
      } ?? "?"
    return Message(
      fr:
        "Une administration de type « \(kind.rawValue) » ne traite pas l'aide « \(purpose.rawValue) ». Rien n'a été écrit.",
      en:
        "An administration of kind '\(kind.rawValue)' does not process the aid '\(purpose.rawValue)'. Nothing was written.",
      de:
        "Eine Behörde der Art „\(kind.rawValue)“ bearbeitet die Hilfe „\(purpose.rawValue)“ nicht. Nichts wurde geschrieben.",
      pt:
        "Uma administração do tipo «\(kind.rawValue)» não trata o apoio «\(purpose.rawValue)». Nada foi escrito.",
      hintFR: "Types permis pour cette aide : \(allowed). Corrigez --kind ou --purposes.",
      hintEN: "Kinds allowed for this aid: \(allowed). Correct --kind or --purposes.",
      hintDE: "Erlaubte Arten für diese Hilfe: \(allowed). Korrigieren Sie --kind oder --purposes.",
      hintPT: "Tipos permitidos para este apoio: \(allowed). Corrija --kind ou --purposes.")
  }
}
