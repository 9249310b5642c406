import Foundation

/// The kinds of file a circle-4 field accepts: what administrations can open
/// without running anything (no office macros, no archives, no HTML).
public enum MediaType: String, Sendable, Hashable, CaseIterable {
  case pdf = "application/pdf"
  case png = "image/png"
  case jpeg = "image/jpeg"
  case plainText = "text/plain"

  /// Reads a declared media type: case-insensitive, `image/jpg` accepted,
  /// parameters ignored except a text charset, which must be UTF-8 or ASCII.
  init(declared: String) throws(FieldValidationError) {
    let parts = declared.lowercased().split(separator: ";").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard let essence = parts.first else { throw .documentMediaType }
    switch essence {
    case "application/pdf": self = .pdf
    case "image/png": self = .png
    case "image/jpeg", "image/jpg": self = .jpeg
    case "text/plain":
      let charsets = parts.dropFirst().filter { $0.hasPrefix("charset=") }
      guard
        charsets.allSatisfy({
          ["charset=utf-8", "charset=\"utf-8\"", "charset=us-ascii"].contains($0)
        })
      else { throw .documentMediaType }
      self = .plainText
    default: throw .documentMediaType
    }
  }

  /// Whether the bytes start as this kind of file does, so that a file is
  /// never shown to an administration's viewer as something it is not.
  func matches(_ bytes: [UInt8]) -> Bool {
    switch self {
    case .pdf: bytes.starts(with: Array("%PDF-".utf8))
    case .png: bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    case .jpeg: bytes.starts(with: [0xFF, 0xD8, 0xFF])
    case .plainText: !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
    }
  }

  public var label: LocalizedText {
    switch self {
    case .pdf:
      LocalizedText(fr: "document PDF", en: "PDF document", de: "PDF-Dokument", pt: "documento PDF")
    case .png: LocalizedText(fr: "image PNG", en: "PNG image", de: "PNG-Bild", pt: "imagem PNG")
    case .jpeg:
      LocalizedText(fr: "photo JPEG", en: "JPEG photo", de: "JPEG-Foto", pt: "fotografia JPEG")
    case .plainText: LocalizedText(fr: "texte", en: "text", de: "Text", pt: "texto")
    }
  }
}

/// A file held by a circle-4 field: its bytes as given, and its media type.
public struct Document: Sendable, Hashable, CustomStringConvertible {
  /// 10 MiB: a phone photo or a scanned letter fits; the whole file is
  /// encrypted and held in memory at once.
  public static let maximumBytes = 10 * 1024 * 1024

  public let mediaType: MediaType
  public let bytes: [UInt8]

  public init(validating bytes: [UInt8], mediaType declared: String) throws(FieldValidationError) {
    try self.init(checking: bytes, mediaType: MediaType(declared: declared))
  }

  init(checking bytes: [UInt8], mediaType: MediaType) throws(FieldValidationError) {
    guard !bytes.isEmpty else { throw .documentEmpty }
    guard bytes.count <= Self.maximumBytes else {
      throw .documentTooLarge(maximumBytes: Self.maximumBytes)
    }
    guard mediaType.matches(bytes) else { throw .documentContentMismatch }
    self.mediaType = mediaType
    self.bytes = bytes
  }

  public var description: String { "Document(\(mediaType.rawValue), \(bytes.count) bytes)" }
}
