import PSPCrypto

/// The consent text shown before a wallet is opened: what the PSP stores, who
/// can see what, how to revoke and close. Versioned; the receipt names the
/// version and a digest of the exact text shown.
public struct ConsentTerms: Sendable, Equatable {
  public let version: String
  public let french: String
  public let english: String

  public init(version: String, french: String, english: String) {
    self.version = version
    self.french = french
    self.english = english
  }

  public func text(_ language: Language) -> String { language == .french ? french : english }

  /// `BLAKE2b-256(PAE(["PSP-v1/consent-terms", version, french, english]))`, base64url.
  public var digest: String {
    let bytes = try! BLAKE2b.hash([
      PreAuthenticationEncoding.encode([
        Array("PSP-v1/consent-terms".utf8), Array(version.utf8), Array(french.utf8),
        Array(english.utf8),
      ])
    ])
    return Encoding.base64URL(bytes)
  }

  /// The terms in force. Plain words, short sentences (FALC).
  public static let current = ConsentTerms(
    version: "psp-consent/2026-11",
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
