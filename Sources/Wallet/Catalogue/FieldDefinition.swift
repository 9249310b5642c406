/// One entry of the field catalogue: what a field is, in which circle it lives,
/// what kind of value it takes and how it is asked for, in plain words.
public struct FieldDefinition: Sendable, Hashable, Codable {
  public let id: FieldID
  public let circle: Circle
  public let type: FieldType
  /// The question or label shown to a person.
  public let label: LocalizedText
  /// A short help text (where to find the value, an example), if any.
  public let hint: LocalizedText?

  public init(
    id: FieldID, circle: Circle, type: FieldType, label: LocalizedText, hint: LocalizedText? = nil
  ) {
    self.id = id
    self.circle = circle
    self.type = type
    self.label = label
    self.hint = hint
  }
}
