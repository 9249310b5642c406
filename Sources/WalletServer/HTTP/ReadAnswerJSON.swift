import PSPConsent
import PSPCrypto
import PSPWallet
import WalletAPI

/// The answer to a read, written straight into JSON bytes. A read is the hot
/// path of walletd (benchmarked in BENCHMARKS.md), and `JSONEncoder` spent
/// more time on it than the decision and the database together. The bytes are
/// exactly those `Responses.json` would write for the same `ReadResponseBody`
/// (keys sorted, slashes not escaped): a test compares the two on many answers,
/// so the shape stays the one `spec/openapi.yaml` gives.
enum ReadAnswerJSON {
  static func bytes(_ answer: ReadResponseBody) -> [UInt8] {
    var out = JSONBytes()
    out.open("consentReceipt", first: true)
    out.string(answer.consentReceipt)
    out.open("grant")
    out.string(answer.grant)
    out.open("keys")
    out.array(answer.keys) { out, key in
      out.open("field", first: true)
      out.string(key.field.rawValue)
      out.open("grant")
      out.string(key.grant.rawValue)
      out.open("sealedKey")
      out.base64URL(key.sealedKey)
      out.open("version")
      out.number(key.version)
      out.close()
    }
    if let manifest = answer.manifest {
      out.open("manifest")
      out.string(manifest)
    }
    out.open("procurations")
    out.array(answer.procurations) { out, token in out.string(token) }
    if let receipt = answer.receipt {
      out.open("receipt")
      out.string(receipt)
    }
    out.open("records")
    out.array(answer.records) { out, record in
      out.open("ciphertext", first: true)
      out.base64URL(record.ciphertext)
      out.open("circle")
      out.number(record.circle.rawValue)
      out.open("circleEpoch")
      out.number(record.circleEpoch)
      out.open("commitment")
      out.base64URL(record.commitment)
      out.open("createdAt")
      out.number(record.createdAt)
      out.open("field")
      out.string(record.field.rawValue)
      out.open("version")
      out.number(record.version)
      out.open("wallet")
      out.string(record.wallet.description)
      out.open("wrappedDataKey")
      out.base64URL(record.wrappedDataKey)
      out.close()
    }
    out.close()
    return out.bytes
  }
}
