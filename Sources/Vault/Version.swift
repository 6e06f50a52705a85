public enum VaultVersion {
    public static let string = "0.1.0"
}
