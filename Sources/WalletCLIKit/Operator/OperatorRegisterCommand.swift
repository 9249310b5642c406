import ArgumentParser
import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient

struct OperatorRegisterCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "register",
    abstract: "Publish an administration: its certificate from the registration authority.",
    discussion: """
      The certificate comes from 'wallet-cli registrar certify'. walletd
      publishes it only if it is signed by a registration authority it was
      started with (--registrar-key), and every client checks it again: the
      operator cannot make up an administration or change its keys.

      Example:
        wallet-cli operator register --as operateur --certificate fns.certificate
      """)

  @Option(help: ArgumentHelp("The certificate file (from 'registrar certify').", valueName: "file"))
  var certificate: String

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL()
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
        fr: "Administration inscrite : \(id).", en: "Administration registered: \(id).")
    }
  }
}

extension Messages {
  static let certificateUnreadable = Message(
    fr: "Le fichier du certificat ne peut pas être lu. Rien n'a été inscrit.",
    en: "The certificate file cannot be read. Nothing was registered.",
    hintFR: "Donnez le fichier écrit par 'wallet-cli registrar certify --out'.",
    hintEN: "Give the file written by 'wallet-cli registrar certify --out'.")
}
