import CQRencode
import Foundation
import PSPWallet

/// A QR code made by libqrencode: the text's bytes in 8-bit mode, error
/// correction level M (a sheet folded or a little dirty still reads), the
/// smallest version that holds them. Drawn as inline SVG — black modules on
/// white, a quiet zone of four modules — so a page needs no image file and
/// no script, and prints sharp in black and white.
struct QRCode: Sendable {
  /// Modules on a side, without the quiet zone.
  let size: Int
  /// Row by row, `true` for a dark module.
  let modules: [Bool]

  /// The white margin around the symbol, in modules, as the standard asks.
  static let quietZone = 4

  init(_ text: String) throws {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty,
      let code = bytes.withUnsafeBufferPointer({
        QRcode_encodeData(Int32($0.count), $0.baseAddress, 0, QR_ECLEVEL_M)
      })
    else { throw Messages.qrTooLong }
    defer { QRcode_free(code) }
    let width = Int(code.pointee.width)
    let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
    size = width
    modules = data.map { $0 & 1 == 1 }
  }

  /// Whether the module at (row, column) is dark; the quiet zone and
  /// anything outside are light. Coordinates include the quiet zone.
  func isDark(row: Int, column: Int) -> Bool {
    let (y, x) = (row - Self.quietZone, column - Self.quietZone)
    guard (0..<size).contains(y), (0..<size).contains(x) else { return false }
    return modules[y * size + x]
  }

  /// Modules on a side, quiet zone included.
  var side: Int { size + 2 * Self.quietZone }

  /// The symbol as an inline `<svg>`: one `<path>` of the dark modules (a
  /// rectangle per horizontal run), named for screen readers by `label`.
  func svg(label: String) -> String {
    var path = ""
    for row in 0..<side {
      var column = 0
      while column < side {
        guard isDark(row: row, column: column) else {
          column += 1
          continue
        }
        let start = column
        while column < side, isDark(row: row, column: column) { column += 1 }
        path += "M\(start) \(row)h\(column - start)v1h-\(column - start)z"
      }
    }
    return """
      <svg xmlns="http://www.w3.org/2000/svg" class="qr" role="img" \
      aria-label="\(AppTemplates.escape(label))" viewBox="0 0 \(side) \(side)" \
      shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/>\
      <path fill="#000" d="\(path)"/></svg>
      """
  }
}
