import ArgumentParser
import Foundation
import PSPDemo

struct DemoCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "demo",
      abstract: helpText(
        fr: "Jouer toute l'histoire du PSP sur un walletd privé, étape par étape.",
        en: "Play the whole PSP story on a private walletd, step by step.",
        de: "Die ganze Geschichte des PSP Schritt für Schritt auf einem eigenen walletd abspielen.",
        pt: "Mostrar toda a história do PSP num walletd privado, passo a passo."),
      discussion: helpText(
        fr: """
          Un walletd est lancé sur cet ordinateur, avec un dossier de données neuf et
          temporaire (effacé à la fin). Deux témoins cosignent son journal :
          l'autorité de protection des données et un autre organisme indépendant.
          L'opérateur inscrit trois administrations. Maria ouvre son portefeuille et
          le remplit. Le FNS lit ce qu'elle a permis, avec un reçu qui prouve que
          cette lecture est dans son journal ; son loyer lui est refusé. Paul, son
          assistant social, fait une demande pour elle avec une procuration unique ;
          la seconde fois, c'est refusé. L'office social accuse réception et décide.
          Maria retire la permission du FNS ; le FNS est alors refusé. Maria lit son
          journal et le vérifie avec les témoins. Code de sortie 0 quand tout s'est
          passé comme prévu.

          Exemple :
            wallet-cli demo
            wallet-cli demo --lang en
            wallet-cli demo --json > transcript.json
          """,
        en: """
          A walletd is started on this computer with a fresh, temporary data folder
          (removed at the end), with two witnesses that cosign its access log: the
          data-protection authority and another independent body. The operator
          registers three administrations; Maria opens her wallet and fills it; the
          FNS reads what she allowed, with a receipt proving the reading is in her
          log, and is refused her rent; Paul, her social worker, files a request for
          her under a one-shot procuration and is refused a second time; the office
          social acknowledges and decides; Maria withdraws the FNS's permission,
          which is then refused; Maria reads her access log and checks it against
          the witnesses. Exit code 0 when everything went as expected.

          Example:
            wallet-cli demo
            wallet-cli demo --lang en
            wallet-cli demo --json > transcript.json
          """,
        de: """
          Auf diesem Computer wird ein walletd mit einem neuen, vorläufigen
          Datenordner gestartet (er wird am Ende gelöscht). Zwei Zeugen unterschreiben
          sein Protokoll mit: die Datenschutzbehörde und eine andere unabhängige
          Stelle. Der Betreiber trägt drei Behörden ein. Maria öffnet ihre
          Brieftasche und füllt sie aus. Der FNS liest, was sie erlaubt hat, mit
          einem Beleg, der zeigt, dass das Lesen in ihrem Protokoll steht; ihre Miete
          darf er nicht lesen. Paul, ihr Sozialarbeiter, stellt mit einer einmaligen
          Vollmacht einen Antrag für sie; beim zweiten Mal wird das abgelehnt. Das
          office social bestätigt den Eingang und entscheidet. Maria nimmt die
          Erlaubnis des FNS zurück; danach wird der FNS abgelehnt. Maria liest ihr
          Protokoll und prüft es mit den Zeugen. Exit-Code 0, wenn alles wie
          erwartet verlaufen ist.

          Beispiel:
            wallet-cli demo
            wallet-cli demo --lang en
            wallet-cli demo --json > transcript.json
          """,
        pt: """
          Um walletd é iniciado neste computador com uma pasta de dados nova e
          temporária (apagada no fim), com duas testemunhas que assinam também o seu
          registo: a autoridade de proteção de dados e outro organismo independente.
          O operador regista três administrações. A Maria abre a sua carteira e
          preenche-a. O FNS lê o que ela autorizou, com um recibo que prova que a
          leitura está no registo dela; a renda é-lhe recusada. O Paul, o seu
          assistente social, faz um pedido por ela com uma procuração única; da
          segunda vez, é recusado. O office social envia o aviso de receção e
          decide. A Maria retira a autorização do FNS, que passa a ser recusado. A
          Maria lê o seu registo e verifica-o com as testemunhas. Código de saída 0
          quando tudo correu como previsto.

          Exemplo:
            wallet-cli demo
            wallet-cli demo --lang en
            wallet-cli demo --json > transcript.json
          """))
  }

  @OptionGroup var output: OutputOptions

  func run() async throws {
    try await Invocation.run(output) { invocation in
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "psp-demo-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: directory) }
      let printer = DemoPrinter(invocation)
      let story = DemoStory(language: invocation.language) { step in
        if !invocation.json { printer.print(step) }
      }
      let transcript = try await story.run(dataDir: directory.path)
      let verdict = DemoVerdict(transcript)
      if invocation.json {
        try invocation.printJSON(transcript)
      } else {
        invocation.line()
        if verdict.asExpected {
          let count = transcript.refusals.count
          invocation.line(
            fr: "Tout s'est passé comme prévu : \(count) refus attendus, journal intact.",
            en: "Everything went as expected: \(count) expected refusals, log intact.",
            de:
              "Alles ist wie erwartet verlaufen: \(count) erwartete Ablehnungen, Protokoll unversehrt.",
            pt: "Tudo correu como previsto: \(count) recusas esperadas, registo intacto.")
        }
      }
      guard verdict.asExpected else { throw Messages.demoFailed }
    }
  }
}
