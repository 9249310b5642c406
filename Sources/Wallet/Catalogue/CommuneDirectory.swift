import Foundation

/// The communes of Luxembourg and the office social competent for each, from
/// `Resources/communes.json` (RGD 8 November 2010, art. 1, as enacted). Communes
/// merge and offices regroup, so this is data an operator replaces with
/// `init(contentsOf:)`, not code.
public struct CommuneDirectory: Sendable {
  /// Every commune, including merged ones, by canonical name.
  public let communes: [Commune]
  /// Every office social, in file order.
  public let offices: [OfficeSocial]
  /// Folded name or alias → index in `communes`.
  private let lookup: [String: Int]

  /// The directory bundled with the module; a failure is a packaging fault.
  public static let standard: CommuneDirectory = {
    do {
      return try CommuneDirectory(json: BundledData.bytes(ofResource: "communes"))
    } catch {
      fatalError("the bundled commune directory does not load: \(error)")
    }
  }()

  /// Loads an operator's commune file (same shape as `communes.json`).
  public init(contentsOf url: URL) throws(DataFileError) {
    try self.init(json: BundledData.bytes(at: url))
  }

  public init(json: Data) throws(DataFileError) {
    let file = try BundledData.decode(CommuneFile.self, from: json)
    guard file.version == 1 else { throw .unsupportedVersion(file.version) }
    var communes: [Commune] = []
    var lookup: [String: Int] = [:]
    func add(_ key: String, _ index: Int) throws(DataFileError) {
      guard lookup.updateValue(index, forKey: TextRules.folded(key)) == nil else {
        throw .duplicateCommune(key)
      }
    }
    var offices: [OfficeSocial] = []
    for entry in file.offices {
      var members: [String] = []
      for name in entry.communes { members.append(try Self.canonical(name)) }
      offices.append(OfficeSocial(seat: try Self.canonical(entry.seat), communes: members))
    }
    for office in offices {
      for name in office.communes {
        try add(name, communes.count)
        communes.append(Commune(name: name, office: office))
      }
    }
    for merged in file.mergedCommunes ?? [] {
      let office = try Self.office(of: merged, communes: communes, lookup: lookup, offices: offices)
      let name = try Self.canonical(merged.name)
      try add(name, communes.count)
      communes.append(Commune(name: name, office: office))
    }
    for (alias, target) in (file.aliases ?? [:]).sorted(by: { $0.key < $1.key }) {
      guard let index = lookup[TextRules.folded(target)] else { throw .unknownCommune(target) }
      try add(alias, index)
    }
    self.communes = communes
    self.offices = offices
    self.lookup = lookup
  }

  /// Commune names are stored as validated names are (NFC, ASCII apostrophes
  /// and hyphens, single spaces), so that a commune value always decodes.
  private static func canonical(_ name: String) throws(DataFileError) -> String {
    guard let canonical = try? TextRules.name(name) else {
      throw .malformed("the commune name \(name) is not a plain name")
    }
    return canonical
  }

  /// The office of a merged commune: the one named explicitly, or the one all
  /// its former communes shared. Guessing between two offices is refused.
  private static func office(
    of merged: CommuneFile.Merged, communes: [Commune], lookup: [String: Int],
    offices: [OfficeSocial]
  ) throws(DataFileError) -> OfficeSocial {
    if let seat = merged.office {
      guard
        let office = offices.first(where: { TextRules.folded($0.seat) == TextRules.folded(seat) })
      else {
        throw .unknownCommune(seat)
      }
      return office
    }
    var found: OfficeSocial?
    for former in merged.formerCommunes {
      guard let index = lookup[TextRules.folded(former)] else { throw .unknownCommune(former) }
      if let found, found != communes[index].office { throw .ambiguousOffice(commune: merged.name) }
      found = communes[index].office
    }
    guard let found else {
      throw .malformed("merged commune \(merged.name) lists no former commune")
    }
    return found
  }

  /// The commune a person means, ignoring case, accents, hyphens and
  /// apostrophes ("esch sur alzette", "Préizerdaul", "PREIZERDAUL").
  public func commune(matching input: String) -> Commune? {
    lookup[TextRules.folded(input)].map { communes[$0] }
  }

  /// The office social competent for a validated commune value.
  public func officeSocial(for value: FieldValue) -> OfficeSocial? {
    guard case .commune(let name) = value else { return nil }
    return commune(matching: name)?.office
  }

  func validate(_ input: String) throws(FieldValidationError) -> String {
    try TextRules.refuseHiddenCharacters(input, allowingNewline: false)
    guard !input.trimmingCharacters(in: .whitespaces).isEmpty else { throw .empty }
    guard let commune = commune(matching: input) else { throw .communeUnknown }
    return commune.name
  }
}

private struct CommuneFile: Decodable {
  struct Office: Decodable {
    let seat: String
    let communes: [String]
  }
  struct Merged: Decodable {
    let name: String
    let formerCommunes: [String]
    let office: String?
    enum CodingKeys: String, CodingKey {
      case name
      case formerCommunes = "former_communes"
      case office
    }
  }
  let version: Int
  let offices: [Office]
  let mergedCommunes: [Merged]?
  let aliases: [String: String]?
  enum CodingKeys: String, CodingKey {
    case version, offices, aliases
    case mergedCommunes = "merged_communes"
  }
}
