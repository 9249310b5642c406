/// Another person who lives in the titulaire's household. Their data is theirs
/// (aids.md: "Household members' incomes are other people's data"), which is
/// why the entry holds only what the aids need.
public struct HouseholdMember: Sendable, Hashable, CustomStringConvertible {
  public let givenNames: String
  public let surname: String
  public let relation: Relation
  public let birthDate: CalendarDate
  public let matricule: Matricule?
  /// Net income per month, in euro cents, when the aid asks for it.
  public let monthlyNetIncomeCents: Int64?

  public init(
    givenNames: String, surname: String, relation: Relation, birthDate: CalendarDate,
    matricule: Matricule? = nil, monthlyNetIncomeCents: Int64? = nil
  ) {
    self.givenNames = givenNames
    self.surname = surname
    self.relation = relation
    self.birthDate = birthDate
    self.matricule = matricule
    self.monthlyNetIncomeCents = monthlyNetIncomeCents
  }

  public var description: String { "HouseholdMember(redacted)" }
}

/// A child of the titulaire (allocation familiale: given names, matricule,
/// birth date).
public struct Child: Sendable, Hashable, CustomStringConvertible {
  public let givenNames: String
  /// When it differs from the titulaire's, or is asked for.
  public let surname: String?
  public let birthDate: CalendarDate
  public let matricule: Matricule?

  public init(
    givenNames: String, surname: String? = nil, birthDate: CalendarDate, matricule: Matricule? = nil
  ) {
    self.givenNames = givenNames
    self.surname = surname
    self.birthDate = birthDate
    self.matricule = matricule
  }

  public var description: String { "Child(redacted)" }
}

/// One household member as typed in a form, before validation. As JSON (the
/// text input of a `household_members` field) the keys are snake_case.
public struct HouseholdMemberInput: Sendable, Hashable, Codable {
  public var givenNames: String
  public var surname: String
  public var relation: String
  public var birthDate: String
  public var matricule: String?
  public var monthlyNetIncome: String?

  public init(
    givenNames: String, surname: String, relation: String, birthDate: String,
    matricule: String? = nil, monthlyNetIncome: String? = nil
  ) {
    self.givenNames = givenNames
    self.surname = surname
    self.relation = relation
    self.birthDate = birthDate
    self.matricule = matricule
    self.monthlyNetIncome = monthlyNetIncome
  }

  enum CodingKeys: String, CodingKey {
    case givenNames = "given_names"
    case surname, relation
    case birthDate = "birth_date"
    case matricule
    case monthlyNetIncome = "monthly_net_income"
  }
}

/// One child as typed in a form, before validation (snake_case keys in JSON).
public struct ChildInput: Sendable, Hashable, Codable {
  public var givenNames: String
  public var surname: String?
  public var birthDate: String
  public var matricule: String?

  public init(
    givenNames: String, surname: String? = nil, birthDate: String, matricule: String? = nil
  ) {
    self.givenNames = givenNames
    self.surname = surname
    self.birthDate = birthDate
    self.matricule = matricule
  }

  enum CodingKeys: String, CodingKey {
    case givenNames = "given_names"
    case surname
    case birthDate = "birth_date"
    case matricule
  }
}
