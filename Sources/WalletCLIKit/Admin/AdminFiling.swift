import PSPConsent
import PSPWallet
import WalletAPI
import WalletClient

/// A request filed with this administration, found by its number.
enum AdminFiling {
  static func find(_ client: AdministrationClient, wallet: WalletID, filing: String) async throws
    -> FilingView
  {
    guard
      let view = try await client.filings(wallet: wallet).first(where: { $0.id.rawValue == filing })
    else {
      throw Messages.filingNotFound
    }
    return view
  }
}
