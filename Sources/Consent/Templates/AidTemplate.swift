import PSPWallet

/// What one aid may ask of a wallet (BRIEF.md, "Minimal by purpose"): the fields
/// it needs, who may process it, and how long a grant for it may live. A grant
/// asking for more is refused when issued and when used, so these values are
/// the upper bound of every consent for the purpose.
///
/// Field rules, all checked by `validateFields(_:)`:
/// - every minimal field is asked for;
/// - from each group of alternatives, exactly one field is asked for (the
///   citizen chooses, e.g. the birth date instead of the regulated matricule);
/// - any of the fields "as the need requires" may be added;
/// - nothing else.
public struct AidTemplate: Sendable, Hashable {
  public let purpose: Purpose
  public let name: LocalizedName
  /// The kinds of administration that may process the aid.
  public let administrationKinds: Set<AdministrationKind>
  public let minimalFields: [FieldID]
  public let alternatives: [FieldAlternatives]
  /// Fields an administration may add to a request as the case requires.
  public let fieldsAsNeeded: [FieldID]
  /// The kinds of grant the aid allows, each with its longest validity in days.
  public let maximalValidityDays: [GrantKind: Int]
  /// A short reference to the text the aid rests on, for the citizen to read.
  public let legalBasis: String
  /// The time the administration has to decide, when a text sets one.
  public let decisionDeadline: DecisionDeadline?

  /// A grant longer than this is a data error, not a policy: consents are
  /// renewed, never open-ended.
  public static let longestAllowedValidityDays = 731

  public init(
    purpose: Purpose,
    name: LocalizedName,
    administrationKinds: Set<AdministrationKind>,
    minimalFields: [FieldID],
    alternatives: [FieldAlternatives] = [],
    fieldsAsNeeded: [FieldID] = [],
    maximalValidityDays: [GrantKind: Int],
    legalBasis: String,
    decisionDeadline: DecisionDeadline? = nil
  ) throws(CatalogueError) {
    func refuse(_ reason: String) -> CatalogueError { .invalidTemplate(purpose, reason) }
    guard !name.fr.isBlank, !name.en.isBlank else {
      throw refuse("a French and an English name are needed")
    }
    guard !administrationKinds.isEmpty else {
      throw refuse("no administration kind may process it")
    }
    guard !minimalFields.isEmpty || !alternatives.isEmpty else {
      throw refuse("it asks for no field")
    }
    guard alternatives.allSatisfy({ $0.choices.count >= 2 }) else {
      throw refuse("a group of alternatives needs at least two fields")
    }
    let every = minimalFields + alternatives.flatMap(\.choices) + fieldsAsNeeded
    let repeated = Set(every.filter { field in every.filter { $0 == field }.count > 1 })
    guard repeated.isEmpty else {
      throw refuse(
        "fields listed twice: \(repeated.sorted().map(\.rawValue).joined(separator: ", "))")
    }
    guard !maximalValidityDays.isEmpty else { throw refuse("it allows no kind of grant") }
    guard
      maximalValidityDays.values.allSatisfy({ (1...Self.longestAllowedValidityDays).contains($0) })
    else {
      throw refuse("a maximal validity must be 1 to \(Self.longestAllowedValidityDays) days")
    }
    guard !legalBasis.isBlank else { throw refuse("the legal basis is missing") }
    if let deadline = decisionDeadline, !(1...365).contains(deadline.workingDays) {
      throw refuse("a decision deadline must be 1 to 365 working days")
    }
    self.purpose = purpose
    self.name = name
    self.administrationKinds = administrationKinds
    self.minimalFields = minimalFields
    self.alternatives = alternatives
    self.fieldsAsNeeded = fieldsAsNeeded
    self.maximalValidityDays = maximalValidityDays
    self.legalBasis = legalBasis
    self.decisionDeadline = decisionDeadline
  }

  /// Every field a grant for this purpose could ever carry.
  public var allowedFields: Set<FieldID> {
    Set(minimalFields).union(alternatives.flatMap(\.choices)).union(fieldsAsNeeded)
  }

  public func allows(_ kind: GrantKind) -> Bool { maximalValidityDays[kind] != nil }

  public func mayBeProcessed(by kind: AdministrationKind) -> Bool {
    administrationKinds.contains(kind)
  }
}

/// An aid's name, in the four languages (the template file's `name` object).
public typealias LocalizedName = LocalizedText

/// Fields of which a request carries exactly one: the citizen's choice, never
/// the administration's, and never both (asking for both is over-asking).
public struct FieldAlternatives: Sendable, Hashable {
  public let choices: [FieldID]

  public init(_ choices: [FieldID]) { self.choices = choices }
}

/// A decision deadline counted in working days from the day after the request's
/// registration (RGD 8 November 2010, art. 10 and 12, for an office social).
public struct DecisionDeadline: Sendable, Hashable, Codable {
  public let workingDays: Int
  /// Where the deadline comes from, e.g. "RGD du 8 novembre 2010, art. 12".
  public let basis: String

  public init(workingDays: Int, basis: String) {
    self.workingDays = workingDays
    self.basis = basis
  }
}

extension String {
  var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
