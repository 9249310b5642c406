import PSPWallet

/// A fixed day, so that "not in the future" does not depend on the clock.
let testToday = CalendarDate(year: 2026, month: 3, day: 15)!
let testContext = ValidationContext(today: testToday)

/// The standard definition of a field of the catalogue.
func field(_ id: FieldID) -> FieldDefinition {
  guard let definition = FieldCatalogue.standard[id] else {
    preconditionFailure("the test names a field the catalogue lacks")
  }
  return definition
}

/// A throwaway definition of a given type, for types no standard field uses.
func definition(of type: FieldType) -> FieldDefinition {
  FieldDefinition(
    id: "test_field", circle: .personal, type: type,
    label: LocalizedText(fr: "Test", en: "Test", de: "Test", pt: "Teste"))
}

/// The error a validation throws, or nil when it succeeds.
func validationError(_ body: () throws(FieldValidationError) -> FieldValue) -> FieldValidationError?
{
  do {
    _ = try body()
    return nil
  } catch {
    return error
  }
}
