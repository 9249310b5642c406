import PSPWallet
