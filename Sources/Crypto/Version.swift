/// The PSP release, shown by `wallet-cli --version` and `walletd --version`.
public enum PSPVersion {
  public static let current = "0.1.0"
}
