import Foundation
import WalletAPI

/// JSON request bodies, decoded strictly: bounded nesting (so a deep body
/// cannot exhaust the stack), then Codable decoding, then a check that every
/// member the client sent is one the type knows — an unknown or misspelt
/// member is a 400, not silently ignored.
enum StrictJSON {
  static let maximumDepth = 32

  static func decode<T: Codable>(_ type: T.Type, from bytes: [UInt8]) throws(APIError) -> T {
    guard depth(of: bytes) <= maximumDepth else { throw .badRequest("the JSON body is nested too deeply") }
    let data = Data(bytes)
    if let flat = T.self as? any FlatRequestBody.Type {
      // One parse: the value, and the names of the members sent beside it.
      let named: NamedMembers<T>
      do { named = try JSONDecoder().decode(NamedMembers<T>.self, from: data) } catch {
        throw .badRequest("the body is not the expected JSON (\(describe(error)))")
      }
      if let unknown = named.nonNull.filter({ !flat.members.contains($0) }).sorted().first {
        throw .badRequest("unknown member /\(unknown)")
      }
      return named.value
    }
    let value: T
    do { value = try JSONDecoder().decode(T.self, from: data) } catch {
      throw .badRequest("the body is not the expected JSON (\(describe(error)))")
    }
    guard let sent = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
      let known = try? JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: [.fragmentsAllowed])
    else { throw .badRequest("the body is not JSON") }
    if let unknown = firstUnknownMember(sent, known: known, path: "") {
      throw .badRequest("unknown member \(unknown)")
    }
    return value
  }

  /// Nesting depth outside strings, by a single pass over the bytes.
  static func depth(of bytes: [UInt8]) -> Int {
    var depth = 0
    var deepest = 0
    var inString = false
    var escaped = false
    for byte in bytes {
      if inString {
        if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
        continue
      }
      switch byte {
      case 0x22: inString = true
      case 0x5B, 0x7B:
        depth += 1
        deepest = max(deepest, depth)
      case 0x5D, 0x7D: depth -= 1
      default: break
      }
    }
    return deepest
  }

  private static func firstUnknownMember(_ sent: Any, known: Any, path: String) -> String? {
    if let object = sent as? [String: Any] {
      let knownObject = known as? [String: Any] ?? [:]
      for (key, value) in object.sorted(by: { $0.key < $1.key }) {
        guard let knownValue = knownObject[key] else {
          if value is NSNull { continue }
          return "\(path)/\(key)"
        }
        if let found = firstUnknownMember(value, known: knownValue, path: "\(path)/\(key)") { return found }
      }
    } else if let array = sent as? [Any], let knownArray = known as? [Any] {
      for (index, value) in array.enumerated() where index < knownArray.count {
        if let found = firstUnknownMember(value, known: knownArray[index], path: "\(path)/\(index)") { return found }
      }
    }
    return nil
  }

  /// Names the member at fault, never its value.
  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
      DecodingError.dataCorrupted(let context):
      "wrong value at /" + context.codingPath.map(\.stringValue).joined(separator: "/")
    default: "malformed"
    }
  }
}

/// A request body whose members are all named at the top level and none of
/// which holds an object: the unknown-member check needs only their names,
/// not a second encoding of the decoded value (the read, walletd's hot path).
/// A test checks each list against the type's own encoding. Never mark a type
/// with a member that holds an object: its nested members would go unchecked.
protocol FlatRequestBody {
  static var members: Set<String> { get }
}

/// A flat body decoded together with the names of the members sent with a
/// value other than null (an explicit null for an unknown member is tolerated,
/// as in the general check).
private struct NamedMembers<T: Decodable>: Decodable {
  let value: T
  let nonNull: [String]

  private struct Name: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: any Decoder) throws {
    value = try T(from: decoder)
    let members = try decoder.container(keyedBy: Name.self)
    nonNull = try members.allKeys.filter { try !members.decodeNil(forKey: $0) }.map(\.stringValue)
  }
}

extension ReadRequestBody: FlatRequestBody {
  static let members: Set<String> = ["wallet", "grant", "purpose", "fields"]
}
