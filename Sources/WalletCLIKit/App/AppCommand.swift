import ArgumentParser
import Foundation
import PSPProcess
import PSPWallet

struct AppCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "app",
      abstract: helpText(
        fr: "Ouvrir le portefeuille dans votre navigateur (sur cet ordinateur seulement).",
        en: "Open the wallet in your browser (on this computer only).",
        de: "Die Brieftasche in Ihrem Browser öffnen (nur auf diesem Computer).",
        pt: "Abrir a carteira no seu navegador (só neste computador)."),
      discussion: helpText(
        fr: """
          Un petit serveur démarre sur 127.0.0.1, pour vous seul : la première
          ligne donne son adresse, avec un code à usage unique. Vos clés restent
          dans ce programme, jamais dans la page. Le portefeuille se verrouille
          après 15 minutes sans activité. Ctrl-C arrête l'application.

          Exemple :
            wallet-cli app --as maria
            wallet-cli app --as maria --port 8480 --no-open
            wallet-cli app --demo
          """,
        en: """
          A small server starts on 127.0.0.1, for you alone: the first line gives
          its address, with a one-time code. Your keys stay in this program, never
          in the page. The wallet locks itself after 15 minutes without activity.
          Ctrl-C stops the app.

          Example:
            wallet-cli app --as maria
            wallet-cli app --as maria --port 8480 --no-open
            wallet-cli app --demo
          """,
        de: """
          Ein kleiner Server startet auf 127.0.0.1, nur für Sie: Die erste Zeile
          zeigt seine Adresse, mit einem Einmal-Code. Ihre Schlüssel bleiben in
          diesem Programm, nie in der Seite. Die Brieftasche sperrt sich nach
          15 Minuten ohne Aktivität. Strg-C beendet die Anwendung.

          Beispiel:
            wallet-cli app --as maria
            wallet-cli app --as maria --port 8480 --no-open
            wallet-cli app --demo
          """,
        pt: """
          Um pequeno servidor arranca em 127.0.0.1, só para si: a primeira linha
          dá o endereço, com um código de uso único. As suas chaves ficam neste
          programa, nunca na página. A carteira bloqueia-se após 15 minutos sem
          atividade. Ctrl-C para a aplicação.

          Exemplo:
            wallet-cli app --as maria
            wallet-cli app --as maria --port 8480 --no-open
            wallet-cli app --demo
          """))
  }

  @Option(
    help: ArgumentHelp(
      helpText(
        fr: "Le port sur 127.0.0.1 (par défaut : un port libre).",
        en: "The port on 127.0.0.1 (default: a free one).",
        de: "Der Port auf 127.0.0.1 (sonst: ein freier).",
        pt: "A porta em 127.0.0.1 (por defeito: uma livre)."),
      valueName: "port"))
  var port: Int?

  @Flag(
    help: ArgumentHelp(
      helpText(
        fr: "Ne pas ouvrir le navigateur (l'adresse est affichée).",
        en: "Do not open the browser (the address is printed).",
        de: "Den Browser nicht öffnen (die Adresse wird gezeigt).",
        pt: "Não abrir o navegador (o endereço é mostrado).")))
  var noOpen = false

  @Flag(
    help: ArgumentHelp(
      helpText(
        fr:
          "Un monde de démonstration : un walletd privé, avec Maria, Paul, le FNS et l'office social déjà prêts (tout est effacé à la fin).",
        en:
          "A demo world: a private walletd, with Maria, Paul, the FNS and the office social already set up (all removed at the end).",
        de:
          "Eine Vorführwelt: ein eigener walletd, mit Maria, Paul, dem FNS und dem office social schon eingerichtet (am Ende wird alles gelöscht).",
        pt:
          "Um mundo de demonstração: um walletd privado, com a Maria, o Paul, o FNS e o office social já preparados (tudo é apagado no fim)."
      )))
  var demo = false

  @OptionGroup var actor: ActorOptions
  @OptionGroup var home: HomeOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try server.validateURL(output)
    if let port, !(1...65535).contains(port) {
      throw usageError(Messages.appCannotListen, output)
    }
  }

  func run() async throws {
    try await Invocation.run(output) { invocation in
      if demo {
        let world = try await AppDemo.make(invocation)
        do {
          var context = AppContext(
            home: try HomeOptions.parse(["--home", world.home]), actor: try ActorOptions.parse([]),
            server: try ServerOptions.parse([]), language: invocation.language,
            environment: world.environment(invocation.environment))
          context.demoPassphrase = AppDemo.passphrase
          try await serve(context, invocation)
        } catch {
          await world.stop()
          throw error
        }
        await world.stop()
      } else {
        // An identity named by --as must exist; with none yet, the page offers to make one.
        if actor.name != nil {
          _ = try Acting.locate(home, actor, as: [.citizen, .trustee, .administration], invocation)
        }
        try await serve(
          AppContext(
            home: home, actor: actor, server: server, language: invocation.language,
            environment: invocation.environment), invocation)
      }
    }
  }

  /// Listens, prints the address (first line), opens the browser, serves
  /// until Ctrl-C (or SIGTERM), then stops cleanly.
  private func serve(_ context: AppContext, _ invocation: Invocation) async throws {
    let app = try await AppServer.start(context, port: port ?? 0, stopOnSignals: true)
    let address = await app.address()
    invocation.line(address)
    let opened = noOpen ? nil : Self.openBrowser(address, environment: context.environment)
    defer { opened.map { try? FileManager.default.removeItem(at: $0) } }
    try await app.wait()
  }

  /// Opens the address in the browser without putting its one-time token on
  /// a command line (which every user of the computer can read): `xdg-open`
  /// is given a page of the person's own (a folder only they can read) that
  /// goes on to the address; it is removed when the app stops. Without a
  /// desktop, the printed address is enough. The browser inherits no `PSP_*`
  /// variable.
  static func openBrowser(_ address: String, environment: [String: String]) -> URL? {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "psp-app-\(UUID().uuidString)")
    let page = folder.appendingPathComponent("open.html")
    let escaped = AppTemplates.escape(address)
    let html =
      "<!doctype html><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url=\(escaped)\">"
      + "<title>PSP</title><a href=\"\(escaped)\">PSP</a>\n"
    guard
      (try? FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700]))
        != nil,
      FileManager.default.createFile(
        atPath: page.path, contents: Data(html.utf8), attributes: [.posixPermissions: 0o600])
    else { return nil }
    _ = try? ChildProcess.start(
      "/usr/bin/xdg-open", [page.absoluteString],
      environment: environment.filter { !$0.key.hasPrefix("PSP_") })
    return folder
  }
}
