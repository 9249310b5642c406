/// An office social (loi du 18 décembre 2009; RGD 8 November 2010, art. 1):
/// either a commune's own office or a joint office of several communes, named
/// after its seat. It is the administration competent for `aide-sociale`.
public struct OfficeSocial: Sendable, Hashable {
  /// The commune where the office sits, which names it.
  public let seat: String
  /// The communes it serves, as the regulation lists them.
  public let communes: [String]

  public init(seat: String, communes: [String]) {
    self.seat = seat
    self.communes = communes
  }

  /// Serves several communes.
  public var isJoint: Bool { communes.count > 1 }

  /// "Office social de Redange", "Office social d'Esch-sur-Alzette".
  /// The office's own name is French (its legal name) in French, German and
  /// Portuguese.
  public func name(in language: Language) -> String {
    switch language {
    case .french, .german, .portuguese:
      let elides = seat.first.map { "AEIOUÉÈ".contains($0) } ?? false
      return elides ? "Office social d'\(seat)" : "Office social de \(seat)"
    case .english:
      return "Office social of \(seat)"
    }
  }
}

/// A commune of the directory and the office social competent for it.
public struct Commune: Sendable, Hashable {
  /// The canonical name, as the directory spells it.
  public let name: String
  public let office: OfficeSocial

  public init(name: String, office: OfficeSocial) {
    self.name = name
    self.office = office
  }
}
