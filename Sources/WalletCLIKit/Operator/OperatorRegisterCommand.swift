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
    abstract: "Register an administration for the aids it processes.",
    discussion: """
      The administration's public keys come from its 'wallet-cli identity show
      --json' (--keys FILE), or are given as --signing-key and --encryption-key.
      walletd checks that each aid's template allows the administration's kind.

      Kinds: \(AdministrationKind.allCases.map(\.rawValue).joined(separator: ", ")).

      Example:
        wallet-cli operator register --id fns \\
            --name "Fonds national de solidarité" --kind fns \\
            --signing-key k4.public.… --encryption-key … \\
            --purposes allocation-vie-chere --service "Service AVC" \\
            --phone "+352 2000 0000"
      """)

  @Option(help: ArgumentHelp("The administration's id (lower case, e.g. fns).", valueName: "id"))
  var id: String

  @Option(help: ArgumentHelp("Its name, as citizens will read it.", valueName: "name"))
  var name: String

  @Option(help: ArgumentHelp("Its kind (e.g. fns, office-social, commune).", valueName: "kind"))
  var kind: String

  @Option(
    help: ArgumentHelp(
      "Its public identity file (from its 'identity show --json').", valueName: "file"))
  var keys: String?

  @Option(help: ArgumentHelp("Its public signing key (k4.public…).", valueName: "key"))
  var signingKey: String?

  @Option(help: ArgumentHelp("Its public encryption key (base64url).", valueName: "key"))
  var encryptionKey: String?

  @Option(help: ArgumentHelp("The aids it processes, comma-separated.", valueName: "a,b"))
  var purposes: String

  @Option(help: ArgumentHelp("The service citizens can contact.", valueName: "service"))
  var service: String

  @Option(help: ArgumentHelp("The service's phone number.", valueName: "phone"))
  var phone: String?

  @Option(help: ArgumentHelp("The service's e-mail address.", valueName: "email"))
  var email: String?

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL()
    guard AdministrationID(rawValue: id) != nil else {
      throw ValidationError("--id: lower-case letters, digits and '-'")
    }
    guard AdministrationKind(rawValue: kind) != nil else {
      throw ValidationError(
        "--kind: one of \(AdministrationKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    guard let list = CommaList.parse(purposes, PurposeArgument.known), !list.isEmpty else {
      throw usageError(Messages.unknownPurpose(purposes), output)
    }
    guard (keys != nil) != (signingKey != nil && encryptionKey != nil),
      (signingKey == nil) == (encryptionKey == nil)
    else {
      throw ValidationError("give --keys FILE, or --signing-key and --encryption-key")
    }
    guard phone != nil || email != nil else {
      throw ValidationError("give the service's --phone or --email")
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
      let acting = try Acting.unlock(home, actor, as: [.operator], invocation)
      let client = OperatorClient(transport: acting.transport(server, invocation))
      let purposes = (CommaList.parse(self.purposes, PurposeArgument.known) ?? []).map(\.rawValue)
      try await client.register(
        AdministrationRegistration(
          id: id, name: name, kind: kind, signingKey: Paserk.encode(publicKeys.signingKey),
          encryptionKey: Encoding.base64URL(publicKeys.encryptionKey.bytes), purposes: purposes,
          service: service,
          phone: phone, email: email))
      if invocation.json {
        return try invocation.printJSON(["administration": id, "keyID": publicKeys.keyID])
      }
      invocation.line(
        fr: "Administration inscrite : \(name) (\(id)).",
        en: "Administration registered: \(name) (\(id)).")
      invocation.line(
        fr: "  Aides : \(purposes.joined(separator: ", "))",
        en: "  Aids: \(purposes.joined(separator: ", "))")
      invocation.line(
        fr: "  Identifiant de clé : \(publicKeys.keyID)", en: "  Key id: \(publicKeys.keyID)")
    }
  }
}
