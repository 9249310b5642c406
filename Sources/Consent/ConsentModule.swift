public enum ConsentModule { public static let name = "Consent" }
