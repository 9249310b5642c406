/// A text a person reads, in each of the PSP's four languages (French first).
public struct LocalizedText: Sendable, Hashable, Codable {
  public let fr: String
  public let en: String
  public let de: String
  public let pt: String

  public init(fr: String, en: String, de: String, pt: String) {
    self.fr = fr
    self.en = en
    self.de = de
    self.pt = pt
  }

  public func text(in language: Language) -> String {
    switch language {
    case .french: fr
    case .english: en
    case .german: de
    case .portuguese: pt
    }
  }

  private enum CodingKeys: String, CodingKey { case fr, en, de, pt }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    fr = try container.decode(String.self, forKey: .fr)
    en = try container.decode(String.self, forKey: .en)
    de = try container.decode(String.self, forKey: .de)
    pt = try container.decode(String.self, forKey: .pt)
  }
}

extension Language {
  /// One of four texts, in this language: `language.say(fr, en, de, pt)`.
  public func say(_ fr: String, _ en: String, _ de: String, _ pt: String) -> String {
    LocalizedText(fr: fr, en: en, de: de, pt: pt).text(in: self)
  }
}
