import PSPCrypto
import PSPWallet

/// A note about a request that concerns the person — the motivation of a
/// decision, the list of missing pieces — sealed to the citizen's X25519 key
/// (and to the trustee who filed, if any). The signed response carries only
/// `BLAKE2b-256(PAE(["PSP-v1/filing-note", filing id, text]))`, base64url, so
/// the platform stores it without reading it and the reader checks it is the
/// one the administration signed.
public enum FilingNote {
  static let label = "PSP-v1/filing-note"

  public static func digest(_ text: String, filing: StatementID) -> String {
    let bytes = try! BLAKE2b.hash([
      PreAuthenticationEncoding.encode([Array(label.utf8), Array(filing.rawValue.utf8), Array(text.utf8)])
    ])
    return Encoding.base64URL(bytes)
  }

  public static func seal(_ text: String, to recipient: AgreementPublicKey) throws(ConsentRefusal) -> [UInt8] {
    do { return try SealedBox.seal(Array(text.utf8), to: recipient) } catch { throw .malformed("recipient key") }
  }

  /// Opens a sealed note and checks it against the signed digest.
  public static func open(
    _ sealed: [UInt8], with key: AgreementKey, filing: StatementID, digest: String
  ) throws(ConsentRefusal) -> String {
    let plain: SecureBytes
    do { plain = try SealedBox.open(sealed, with: key) } catch { throw .notAllowed("the note does not open") }
    let text = plain.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    guard constantTimeEquals(Array(Self.digest(text, filing: filing).utf8), Array(digest.utf8)) else {
      throw .notAllowed("the note is not the one the administration signed")
    }
    return text
  }
}
