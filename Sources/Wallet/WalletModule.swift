/// Placeholder until the Wallet issue: the module exists so the layout is fixed.
public enum WalletModule { public static let name = "Wallet" }
