import Foundation
import PSPCrypto
import PSPWallet

/// A statement about a wallet signed by its owner, or by a trustee under a
/// procuration: grants, filings, status changes.
public protocol WalletStatement: Codable, Sendable {
  static var type: String { get }
  var typ: String { get }
  var wallet: WalletID { get }
  /// Key id of the signer.
  var iss: String { get }
  /// The procuration a trustee signed under; nil when the owner signs.
  var procuration: StatementID? { get }
}

/// Finds who signed a wallet statement and verifies it (`spec/consent.md`
/// §"The chain"): the owner's key, or — when the signer is not the owner — the
/// trustee key named by the procuration the statement refers to, that
/// procuration being itself signed by the owner. Any other key fails.
public enum StatementChain {
  public static func verify<S: WalletStatement>(
    _ token: String, as: S.Type, authority: WalletAuthority, state: ConsentState, rules: any ConsentRules
  ) throws(ConsentRefusal) -> (statement: S, procuration: Procuration?) {
    let ownerID = Paserk.identifier(of: authority.owner)
    guard let signer = SignedStatement.unverifiedKeyID(of: token) else { throw .malformed("statement") }
    let statement: S
    var procuration: Procuration? = nil
    if signer == ownerID {
      statement = try signature(token, key: authority.owner)
      guard statement.procuration == nil else { throw .malformed("owner statements name no procuration") }
    } else {
      // Neither the owner's key nor a procuration named: no one whose word counts.
      guard let reference = try unverifiedProcurationID(of: token) else { throw .badSignature }
      guard let procurationToken = state.procurations[reference] else { throw .procurationMissing }
      let verified = try ProcurationVerifier.verify(procurationToken, authority: authority, rules: rules)
      guard verified.claims.sub == signer else { throw .badSignature }
      statement = try signature(token, key: ProcurationVerifier.trusteeKey(of: verified))
      guard statement.procuration == verified.id else { throw .procurationInvalid }
      procuration = verified
    }
    guard statement.typ == S.type, statement.iss == signer else { throw .malformed("statement") }
    guard statement.wallet == authority.wallet else { throw .wrongWallet }
    return (statement, procuration)
  }

  private static func signature<S: WalletStatement>(_ token: String, key: SigningPublicKey)
    throws(ConsentRefusal) -> S
  {
    do { return try SignedStatement.verify(token, type: S.type, publicKey: key, as: S.self) } catch {
      throw .badSignature
    }
  }

  /// The procuration id a trustee's statement names, read before verification
  /// only to find the key to verify with.
  static func unverifiedProcurationID(of token: String) throws(ConsentRefusal) -> StatementID? {
    struct Reference: Decodable { let procuration: StatementID? }
    guard let message = try? PasetoV4Public.unverifiedMessage(of: token),
      let reference = try? JSONDecoder().decode(Reference.self, from: Data(message))
    else { throw .malformed("statement") }
    return reference.procuration
  }
}

extension SignedStatement {
  /// The procuration a trustee's statement names, read before verification:
  /// only to choose which of the trustee's procurations to check it under.
  /// The verified statement must then name that same procuration.
  public static func unverifiedProcuration(of token: String) -> StatementID? {
    (try? StatementChain.unverifiedProcurationID(of: token)) ?? nil
  }
}
