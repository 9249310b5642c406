import Foundation

/// Reads the catalogue data files: the copies bundled with the module, or an
/// operator's replacement (communes merge, aids change: BRIEF.md keeps them data).
enum BundledData {
  static func bytes(ofResource name: String) throws(DataFileError) -> Data {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json") else {
      throw .resourceMissing("\(name).json")
    }
    return try bytes(at: url)
  }

  static func bytes(at url: URL) throws(DataFileError) -> Data {
    do {
      return try Data(contentsOf: url)
    } catch {
      throw .unreadable(path: url.path)
    }
  }

  static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(DataFileError) -> T {
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch let error as DecodingError {
      throw .malformed(Self.explain(error))
    } catch {
      throw .malformed("not JSON")
    }
  }

  /// Names the place in the file, never the data (the files hold none, but the
  /// rule is kept uniform).
  private static func explain(_ error: DecodingError) -> String {
    let context: DecodingError.Context
    switch error {
    case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c),
      .dataCorrupted(let c):
      context = c
    @unknown default:
      return "unreadable JSON"
    }
    let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
    return path.isEmpty ? "unreadable JSON" : "at \(path.joined(separator: "."))"
  }
}
