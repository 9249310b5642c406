import ArgumentParser
import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient

struct OperatorRegisterCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "register",
      abstract: helpText(
        fr:
          "Publier une administration : son certificat venant de l'autorité d'enregistrement.",
        en: "Publish an administration: its certificate from the registration authority.",
        de: "Eine Behörde veröffentlichen: ihr Zertifikat von der Registrierungsstelle.",
        pt: "Publicar uma administração: o seu certificado da autoridade de registo."),
      discussion: helpText(
        fr: """
          Le certificat vient de 'wallet-cli registrar certify'. walletd ne le publie
          que s'il est signé par une autorité d'enregistrement avec laquelle il a été
          démarré (--registrar-key), et chaque client le vérifie à nouveau :
          l'opérateur ne peut pas inventer une administration ni changer ses clés.

          Exemple :
            wallet-cli operator register --as operateur --certificate fns.certificate
          """,
        en: """
          The certificate comes from 'wallet-cli registrar certify'. walletd
          publishes it only if it is signed by a registration authority it was
          started with (--registrar-key), and every client checks it again: the
          operator cannot make up an administration or change its keys.

          Example:
            wallet-cli operator register --as operateur --certificate fns.certificate
          """,
        de: """
          Das Zertifikat kommt von 'wallet-cli registrar certify'. walletd
          veröffentlicht es nur, wenn es von einer Registrierungsstelle unterschrieben
          ist, mit der walletd gestartet wurde (--registrar-key), und jeder Client
          prüft es erneut: Der Betreiber kann keine Behörde erfinden und ihre
          Schlüssel nicht ändern.

          Beispiel:
            wallet-cli operator register --as operateur --certificate fns.certificate
          """,
        pt: """
          O certificado vem de 'wallet-cli registrar certify'. O walletd só o publica
          se estiver assinado por uma autoridade de registo com a qual foi iniciado
          (--registrar-key), e cada cliente volta a verificá-lo: o operador não pode
          inventar uma administração nem mudar as suas chaves.

          Exemplo:
            wallet-cli operator register --as operateur --certificate fns.certificate
          """))
  }

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Le fichier du certificat (venant de 'registrar certify').",
        en: "The certificate file (from 'registrar certify').",
        de: "Die Zertifikatsdatei (von 'registrar certify').",
        pt: "O ficheiro do certificado (de 'registrar certify')."),
      valueName: "file"))
  var certificate: String

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      guard let data = FileManager.default.contents(atPath: certificate) else {
        throw Messages.certificateUnreadable
      }
      let token = String(decoding: data, as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      let acting = try Acting.unlock(home, actor, as: [.operator], invocation)
      let client = OperatorClient(transport: try acting.transport(server, invocation))
      try await client.register(certificate: token)
      let id = ClientRules.unverifiedID(token)
      if invocation.json { return try invocation.printJSON(["administration": id]) }
      invocation.line(
        fr: "Administration inscrite : \(id).", en: "Administration registered: \(id).",
        de: "Behörde eingetragen: \(id).", pt: "Administração registada: \(id).")
    }
  }
}

extension Messages {
  static let certificateUnreadable = Message(
    fr: "Le fichier du certificat ne peut pas être lu. Rien n'a été inscrit.",
    en: "The certificate file cannot be read. Nothing was registered.",
    de: "Die Zertifikatsdatei kann nicht gelesen werden. Nichts wurde eingetragen.",
    pt: "O ficheiro do certificado não pode ser lido. Nada foi registado.",
    hintFR: "Donnez le fichier écrit par 'wallet-cli registrar certify --out'.",
    hintEN: "Give the file written by 'wallet-cli registrar certify --out'.",
    hintDE: "Geben Sie die Datei an, die 'wallet-cli registrar certify --out' geschrieben hat.",
    hintPT: "Indique o ficheiro escrito por 'wallet-cli registrar certify --out'.")
}
