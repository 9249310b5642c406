import Foundation
import PSPCrypto
import PSPWallet

/// The names a person knows the keys they deal with by — their trusted
/// persons, and the citizens they act for — so that previews, lists and the
/// log say "Paul", not "k4.pid.99P6kMo…". Kept only on this person's device,
/// in `state.json`, sealed to their own X25519 key (a sealed box): never in
/// clear on disk, never sent to walletd, whose tokens carry no personal data.
/// Learnt from what the person chose (`procuration create --to paul` or a
/// public identity file that names them; `--name` given by a trusted person).
struct NameBook {
  private(set) var names: [String: String] = [:]

  /// The names of the identity that acts; an unreadable book reads as empty
  /// (names are a convenience: key ids are still shown where names are not).
  static func read(_ acting: Acting) -> NameBook {
    guard let sealed = try? HomeState.read(acting.home)[acting.name].names,
      let box = try? Encoding.fromBase64URL(sealed),
      let opened = try? SealedBox.open(box, with: acting.identity.encryptionKey)
    else { return NameBook() }
    let names = opened.withUnsafeBytes { bytes in
      try? JSONDecoder().decode([String: String].self, from: Data(bytes))
    }
    // Checked again when read: a book written by another program is not trusted to print.
    return NameBook(names: (names ?? [:]).compactMapValues(printable))
  }

  /// The name of `keyID`, if this person gave one.
  func name(of keyID: String) -> String? { names[keyID] }

  /// "Paul (k4.pid.99P6…)": the name and enough of the key id to tell two
  /// people of the same name apart; the key id alone when no name is known.
  func shown(_ keyID: String) -> String {
    guard let name = names[keyID] else { return keyID }
    return "\(name) (\(keyID.prefix(16))…)"
  }

  /// A name fit to print: letters, digits, spaces and ordinary punctuation
  /// only — no control, format, separator or bidi character that could move
  /// the cursor, hide text or reorder a line on a terminal — at most 80
  /// characters; nil otherwise (the key id is shown instead).
  static func printable(_ name: String) -> String? {
    let cleaned = name.trimmingCharacters(in: .whitespaces)
    guard !cleaned.isEmpty, cleaned.count <= 80 else { return nil }
    for scalar in cleaned.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse,
        .unassigned:
        return nil
      default: continue
      }
    }
    return cleaned
  }

  /// Remembers `name` for `keyID`, sealed again to this person's own key; a
  /// name that is not printable is not kept.
  static func remember(_ name: String, for keyID: String, _ acting: Acting) throws(Message) {
    guard let cleaned = printable(name) else { return }
    var book = read(acting)
    guard book.names[keyID] != cleaned else { return }
    book.names[keyID] = cleaned
    let sealed: String
    do {
      let json = try JSONEncoder().encode(book.names)
      sealed = Encoding.base64URL(
        try SealedBox.seal(Array(json), to: acting.identity.encryptionKey.publicKey))
    } catch { throw Messages.stateDamaged }
    try HomeState.update(acting.home, acting.name) { $0.names = sealed }
  }
}
