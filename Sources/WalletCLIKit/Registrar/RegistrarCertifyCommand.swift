import ArgumentParser
import Foundation
import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI
import WalletClient

struct RegistrarCertifyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "certify",
    abstract: "Certify an administration for the aids it processes (writes its certificate).",
    discussion: """
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

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Its public signing key (k4.public…).", valueName: "key"))
  var signingKey: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Its public encryption key (base64url).", valueName: "key"))
  var encryptionKey: String?

  @Option(help: ArgumentHelp("The aids it processes, comma-separated.", valueName: "a,b"))
  var purposes: String

  @Option(help: ArgumentHelp("The service citizens can contact.", valueName: "service"))
  var service: String

  @Option(help: ArgumentHelp("The service's phone number.", valueName: "phone"))
  var phone: String?

  @Option(help: ArgumentHelp("The service's e-mail address.", valueName: "email"))
  var email: String?

  @Option(
    help: ArgumentHelp("How long the certificate is valid, in days (1 to 730).", valueName: "days"))
  var days: Int64 = 365

  @Option(
    help: ArgumentHelp("Write the certificate to this file (default: print it).", valueName: "file")
  )
  var out: String?

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard (1...730).contains(days) else { throw ValidationError("--days: 1 to 730") }
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
          "Certificate signed for \(name) (\(id)), \(days) days. Aids: \(purposes.map(\.rawValue).joined(separator: ", ")). Key id: \(publicKeys.keyID)."
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
      hintFR: "Types permis pour cette aide : \(allowed). Corrigez --kind ou --purposes.",
      hintEN: "Kinds allowed for this aid: \(allowed). Correct --kind or --purposes.")
  }
}
