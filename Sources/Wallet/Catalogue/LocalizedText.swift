/// A short text in every `Language`, written in plain words (FALC): the
/// catalogue's labels and hints, and the names of enumerated values.
public struct LocalizedText: Sendable, Hashable, Codable {
  public let fr: String
  public let en: String

  public init(fr: String, en: String) {
    self.fr = fr
    self.en = en
  }

  public func text(in language: Language) -> String {
    switch language {
    case .french: fr
    case .english: en
    }
  }
}
