import PSPWallet
import Testing

@Test func walletModuleLinks() { #expect(WalletModule.name == "Wallet") }
