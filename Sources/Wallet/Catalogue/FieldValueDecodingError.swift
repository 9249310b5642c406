/// Why canonical value bytes were refused. The bytes come from decryption, so
/// a failure means a bug or a hostile writer: messages name the rule that was
/// broken, never the content.
public enum FieldValueDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The first byte is not a format version this code reads.
  case unsupportedVersion(UInt8)
  /// The value is of another kind than the field's type.
  case wrongType(expected: FieldType)
  /// The bytes end inside the value.
  case truncated
  /// Bytes follow the value.
  case trailingBytes
  /// The value breaks a rule of its type (names the rule).
  case invalid(String)

  public var description: String {
    switch self {
    case .unsupportedVersion(let v):
      "field value encoding version \(v) is not supported (expected 1)"
    case .wrongType(let expected): "the field value is not of type \(expected.rawValue)"
    case .truncated: "the field value bytes are truncated"
    case .trailingBytes: "bytes follow the field value"
    case .invalid(let rule): "the field value is not canonical: \(rule)"
    }
  }
}
