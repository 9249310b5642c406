import PSPCrypto

/// The consent text shown before a wallet is opened: what the PSP stores, who
/// can see what, how to revoke and close. Versioned; the receipt names the
/// version and a digest of the exact text shown.
public struct ConsentTerms: Sendable, Equatable {
  public let version: String
  public let french: String
  public let english: String
  public let german: String
  public let portuguese: String

  public init(version: String, french: String, english: String, german: String, portuguese: String)
  {
    self.version = version
    self.french = french
    self.english = english
    self.german = german
    self.portuguese = portuguese
  }

  public func text(_ language: Language) -> String {
    switch language {
    case .french: french
    case .english: english
    case .german: german
    case .portuguese: portuguese
    }
  }

  /// `BLAKE2b-256(PAE(["PSP-v1/consent-terms", version, french, english, german,
  /// portuguese]))`, base64url: one digest names the terms in every language.
  public var digest: String {
    let bytes = try! BLAKE2b.hash([
      PreAuthenticationEncoding.encode(
        ["PSP-v1/consent-terms", version, french, english, german, portuguese].map {
          Array($0.utf8)
        })
    ])
    return Encoding.base64URL(bytes)
  }

  /// The terms in force. Plain words, short sentences (FALC), one idea a line.
  public static let current = ConsentTerms(
    version: "psp-consent/2026-12",
    french: """
      Votre portefeuille social garde vos données à un seul endroit.
      Vous ouvrez le portefeuille vous-même. Personne ne peut l'ouvrir à votre place.
      Chaque donnée est chiffrée. La plateforme ne peut pas la lire.
      Une administration voit seulement ce qu'une aide demande, et seulement si vous le permettez.
      Vous pouvez nommer une personne de confiance. Elle agit pour vous, dans les limites que vous fixez.
      Chaque lecture est notée dans votre journal. Vous pouvez le lire et le vérifier.
      Vous pouvez retirer une permission à tout moment. Ce qui a déjà été lu ne peut pas être repris.
      Vous pouvez exporter vos données et fermer le portefeuille. Vos clés sont alors détruites.
      La loi oblige à garder vos demandes d'aide et leurs décisions 5 ans après la dernière aide. Elles ne contiennent pas vos données.
      """,
    english: """
      Your social wallet keeps your data in one place.
      You open the wallet yourself. Nobody can open it for you.
      Each piece of data is encrypted. The platform cannot read it.
      An administration sees only what an aid needs, and only if you allow it.
      You can name a trusted person. They act for you, within the limits you set.
      Every read is written in your log. You can read it and check it.
      You can take back a permission at any time. What was already read cannot be taken back.
      You can export your data and close the wallet. Your keys are then destroyed.
      The law requires keeping your aid requests and their decisions for 5 years after the last aid. They do not contain your data.
      """,
    german: """
      Ihre soziale Brieftasche bewahrt Ihre Angaben an einem einzigen Ort auf.
      Sie öffnen die Brieftasche selbst. Niemand kann sie für Sie öffnen.
      Jede Angabe ist verschlüsselt. Die Plattform kann sie nicht lesen.
      Eine Behörde sieht nur, was eine Hilfe braucht, und nur, wenn Sie es erlauben.
      Sie können eine Vertrauensperson bestimmen. Sie handelt für Sie, in den Grenzen, die Sie festlegen.
      Jedes Lesen wird in Ihrem Protokoll notiert. Sie können es lesen und prüfen.
      Sie können eine Erlaubnis jederzeit zurücknehmen. Was schon gelesen wurde, kann nicht zurückgenommen werden.
      Sie können Ihre Angaben exportieren und die Brieftasche schließen. Ihre Schlüssel werden dann zerstört.
      Das Gesetz verlangt, Ihre Anträge auf Hilfe und die Entscheidungen 5 Jahre nach der letzten Hilfe aufzubewahren. Sie enthalten Ihre Angaben nicht.
      """,
    portuguese: """
      A sua carteira social guarda os seus dados num só lugar.
      É você que abre a carteira. Ninguém a pode abrir por si.
      Cada dado é cifrado. A plataforma não o pode ler.
      Uma administração só vê o que um apoio pede, e só se você o permitir.
      Pode nomear uma pessoa de confiança. Ela age por si, dentro dos limites que fixar.
      Cada leitura fica escrita no seu registo. Pode lê-lo e verificá-lo.
      Pode retirar uma autorização a qualquer momento. O que já foi lido não pode ser retirado.
      Pode exportar os seus dados e fechar a carteira. As suas chaves são então destruídas.
      A lei obriga a guardar os seus pedidos de apoio e as decisões durante 5 anos após o último apoio. Eles não contêm os seus dados.
      """)
}

/// The languages of the PSP's texts: French first.
public enum Language: String, Sendable, Codable, CaseIterable {
  case french = "fr"
  case english = "en"
  case german = "de"
  case portuguese = "pt"
}

/// The citizen's act of acceptance: made by the client only when the person
/// explicitly said yes to `terms`, in `language`.
public struct ConsentAcceptance: Sendable {
  public let terms: ConsentTerms
  public let language: Language
  public let acceptedAt: Int64

  public init(terms: ConsentTerms, language: Language, acceptedAt: Int64) {
    self.terms = terms
    self.language = language
    self.acceptedAt = acceptedAt
  }
}
