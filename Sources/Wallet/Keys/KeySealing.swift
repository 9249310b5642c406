import PSPCrypto

/// A symmetric key sealed to an X25519 public key together with the context it
/// is meant for: `SealedBox(BLAKE2b-256(context) || key)`.
///
/// A sealed box has no associated data, so the context digest travels inside
/// and is compared, in constant time, on opening: a box made for one wallet,
/// circle, field or grant cannot be replayed as another. Circle keys sealed to the
/// owner or a trustee, and data keys sealed to a grantee, all use this form with
/// different contexts (`AssociatedData`, and the Consent contexts).
public enum KeySealing {
  static let digestByteCount = 32

  public static func seal(_ key: SymmetricKey, to recipient: AgreementPublicKey, context: [UInt8])
    throws(WalletError) -> [UInt8]
  {
    do {
      let digest = try BLAKE2b.hash([context], outputCount: digestByteCount)
      let plaintext = SecureBytes(count: digestByteCount + SymmetricKey.byteCount) { out in
        out.copyBytes(from: digest)
        key.withUnsafeBytes { k in
          UnsafeMutableRawBufferPointer(rebasing: out[digestByteCount...]).copyMemory(from: k)
        }
      }
      return try SealedBox.seal(plaintext, to: recipient)
    } catch { throw .crypto(error) }
  }

  public static func open(_ sealed: [UInt8], with key: AgreementKey, context: [UInt8], what: String)
    throws(WalletError) -> SymmetricKey
  {
    let plaintext: SecureBytes
    do {
      plaintext = try SealedBox.open(sealed, with: key)
    } catch { throw .keyDoesNotOpen(what) }
    guard plaintext.count == digestByteCount + SymmetricKey.byteCount else {
      throw .keyDoesNotOpen(what)
    }
    do {
      let expected = try BLAKE2b.hash([context], outputCount: digestByteCount)
      let sealedDigest = plaintext.withUnsafeBytes { Array($0[0..<digestByteCount]) }
      guard constantTimeEquals(expected, sealedDigest) else { throw WalletError.keyDoesNotOpen(what) }
      return try SymmetricKey(plaintext.subrange(digestByteCount..<plaintext.count))
    } catch let error as WalletError {
      throw error
    } catch {
      throw .keyDoesNotOpen(what)
    }
  }
}
