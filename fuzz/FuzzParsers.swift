// libFuzzer target for the PSP's parsers of untrusted text: PASETO tokens
// (v4.public and v4.local), PASERK strings, base64url and hex, and the signed
// statement footer. Compiled together with Sources/Crypto by fuzz/run.sh; any
// crash, trap or sanitizer report is a failure. No assertion about results:
// every input must simply be refused or accepted without crashing or hanging.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: start, count: count))
  let text = String(decoding: bytes, as: UTF8.self)
  let key = try! SigningPublicKey([UInt8](repeating: 0x3B, count: 32))
  let local = try! SymmetricKey(copying: [UInt8](repeating: 0x70, count: 32))
  _ = try? PasetoV4Public.verify(text, with: key)
  _ = try? PasetoV4Public.verify(text, with: key, footer: Array("{\"kid\":\"x\"}".utf8), implicitAssertion: bytes)
  _ = try? PasetoV4Public.unverifiedFooter(of: text)
  _ = try? PasetoV4Public.unverifiedMessage(of: text)
  _ = try? PasetoV4Local.decrypt(text, with: local)
  _ = try? Paserk.signingPublicKey(from: text)
  _ = try? Paserk.signingKey(from: SecureBytes(copying: bytes))
  _ = try? Paserk.symmetricKey(from: SecureBytes(copying: bytes))
  _ = try? Paserk.validateIdentifier(text, header: Paserk.publicIDHeader)
  _ = try? Encoding.fromBase64URL(text)
  _ = try? Encoding.fromHex(text)
  if bytes.count >= 40 { _ = try? XChaCha20Poly1305.SealedMessage(combined: bytes) }
  return 0
}
