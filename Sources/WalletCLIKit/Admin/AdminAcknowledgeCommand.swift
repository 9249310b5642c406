import ArgumentParser
import Foundation
import PSPConsent
import PSPWallet
import WalletClient

struct AdminAcknowledgeCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "acknowledge",
      abstract: helpText(
        fr:
          "Accuser réception d'une demande : son numéro, sa date d'enregistrement et qui contacter.",
        en: "Acknowledge a request: its number, its registration date and who to contact.",
        de:
          "Den Eingang eines Antrags bestätigen: seine Nummer, sein Registrierungsdatum und wen man kontaktieren kann.",
        pt:
          "Enviar o aviso de receção de um pedido: o seu número, a sua data de registo e quem contactar."
      ),
      discussion: helpText(
        fr: """
          La date limite de la décision est calculée à partir de la date d'enregistrement
          et du délai légal de l'aide (pour un office social : 25 jours ouvrables, RGD du
          8 novembre 2010, art. 12), et montrée au titulaire.

          Exemple :
            wallet-cli admin acknowledge --as office --wallet WALLET_ID \\
                --filing FILING_ID --number OSR-2026-0042 --registered-on 2026-03-12 \\
                --service "Accueil social" --phone "+352 2000 0000"
          """,
        en: """
          The decision's due date is computed from the registration date and the aid's
          legal deadline (for an office social: 25 working days, RGD 8 November 2010,
          art. 12), and shown to the citizen.

          Example:
            wallet-cli admin acknowledge --as office --wallet WALLET_ID \\
                --filing FILING_ID --number OSR-2026-0042 --registered-on 2026-03-12 \\
                --service "Accueil social" --phone "+352 2000 0000"
          """,
        de: """
          Die Frist für die Entscheidung wird aus dem Registrierungsdatum und der
          gesetzlichen Frist der Hilfe berechnet (für ein office social: 25 Arbeitstage,
          RGD vom 8. November 2010, Art. 12) und dem Inhaber oder der Inhaberin gezeigt.

          Beispiel:
            wallet-cli admin acknowledge --as office --wallet WALLET_ID \\
                --filing FILING_ID --number OSR-2026-0042 --registered-on 2026-03-12 \\
                --service "Accueil social" --phone "+352 2000 0000"
          """,
        pt: """
          A data-limite da decisão é calculada a partir da data de registo e do prazo
          legal do apoio (para um office social: 25 dias úteis, RGD de 8 de novembro
          de 2010, art. 12), e mostrada ao titular.

          Exemplo:
            wallet-cli admin acknowledge --as office --wallet WALLET_ID \\
                --filing FILING_ID --number OSR-2026-0042 --registered-on 2026-03-12 \\
                --service "Accueil social" --phone "+352 2000 0000"
          """))
  }

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "Le numéro du portefeuille du titulaire.",
        en: "The citizen's wallet number.",
        de: "Die Nummer der Brieftasche des Inhabers oder der Inhaberin.",
        pt: "O número da carteira do titular."),
      valueName: "wallet-id"))
  var wallet: String

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      helpText(
        fr: "Le numéro de la demande dans le portefeuille.",
        en: "The request's number in the wallet.",
        de: "Die Nummer des Antrags in der Brieftasche.",
        pt: "O número do pedido na carteira."),
      valueName: "filing-id"))
  var filing: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Votre propre numéro pour la demande.",
        en: "Your own number for the request.",
        de: "Ihre eigene Nummer für den Antrag.",
        pt: "O seu próprio número para o pedido."),
      valueName: "number"))
  var number: String

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Le jour où la demande a été enregistrée (AAAA-MM-JJ ; par défaut : aujourd'hui).",
        en: "The day the request was registered (YYYY-MM-DD; default: today).",
        de: "Der Tag, an dem der Antrag registriert wurde (JJJJ-MM-TT; sonst: heute).",
        pt: "O dia em que o pedido foi registado (AAAA-MM-DD; por defeito: hoje)."),
      valueName: "date"))
  var registeredOn: String?

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Le service que le titulaire peut contacter.",
        en: "The service the citizen can contact.",
        de: "Der Dienst, den der Inhaber oder die Inhaberin kontaktieren kann.",
        pt: "O serviço que o titular pode contactar."),
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

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    guard (try? WalletID(wallet)) != nil else {
      throw usageError(Messages.adminWalletNumberMalformed, output)
    }
    guard (try? StatementID(filing)) != nil else {
      throw usageError(Messages.filingNotFound, output)
    }
    if let registeredOn, (try? CivilDate(iso: registeredOn)) == nil {
      throw usageError(
        Message(
          fr: "--registered-on : une date comme 2026-03-12.",
          en: "--registered-on: a date like 2026-03-12",
          de: "--registered-on: ein Datum wie 2026-03-12.",
          pt: "--registered-on: uma data como 2026-03-12.",
          hintFR: "Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2026-03-12.",
          hintEN: "Write the date as YYYY-MM-DD, for example 2026-03-12.",
          hintDE: "Schreiben Sie das Datum als JJJJ-MM-TT, zum Beispiel 2026-03-12.",
          hintPT: "Escreva a data no formato AAAA-MM-DD, por exemplo 2026-03-12."),
        output)
    }
    guard !number.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw usageError(
        Message(
          fr: "--number ne doit pas être vide.",
          en: "--number must not be empty",
          de: "--number darf nicht leer sein.",
          pt: "--number não pode estar vazio.",
          hintFR: "Donnez votre propre numéro pour la demande, par exemple --number OSR-2026-0042.",
          hintEN: "Give your own number for the request, for example --number OSR-2026-0042.",
          hintDE:
            "Geben Sie Ihre eigene Nummer für den Antrag an, zum Beispiel --number OSR-2026-0042.",
          hintPT:
            "Indique o seu próprio número para o pedido, por exemplo --number OSR-2026-0042."),
        output)
    }
    guard phone != nil || email != nil else {
      throw usageError(Messages.serviceContactMissing("wallet-cli admin acknowledge"), output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let walletID = try WalletID(wallet)
      // Registered today (in Luxembourg) unless the administration says otherwise.
      let registered: CivilDate
      if let registeredOn {
        registered = try CivilDate(iso: registeredOn)
      } else {
        let day = CalendarDate.today(now: Date())
        registered = try CivilDate(year: day.year, month: day.month, day: day.day)
      }
      let acting = try Acting.unlock(home, actor, as: [.administration], invocation)
      let client = AdministrationClient(transport: try acting.transport(server, invocation))
      let view = try await AdminFiling.find(client, wallet: walletID, filing: filing)
      if let filedOn = AdminFiling.filedOn(view), registered < filedOn {
        throw Messages.registeredBeforeFiling(filedOn)
      }
      let due = try await client.acknowledge(
        wallet: walletID, filing: view, number: number, registeredOn: registered,
        contact: .init(service: service, phone: phone, email: email), at: invocation.now)
      if invocation.json {
        return try invocation.printJSON([
          "filing": filing, "number": number, "dueOn": due?.iso ?? "",
        ])
      }
      invocation.line(
        fr: "Accusé de réception envoyé : demande n° \(number).",
        en: "Acknowledgement sent: request no. \(number).",
        de: "Eingangsbestätigung gesendet: Antrag Nr. \(number).",
        pt: "Aviso de receção enviado: pedido n.º \(number).")
      if let due {
        let day = Words.day(due, invocation.language)
        invocation.line(
          fr: "La décision est due au plus tard le \(day).", en: "The decision is due by \(day).",
          de: "Die Entscheidung muss spätestens am \(day) kommen.",
          pt: "A decisão deve ser tomada até \(day).")
      }
    }
  }
}
