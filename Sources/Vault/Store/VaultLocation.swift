import Foundation

/// Where the vault lives: --vault PATH, else $VAULTCLI_VAULT, else
/// $XDG_DATA_HOME/vaultcli/vault (default ~/.local/share/vaultcli/vault).
public enum VaultLocation {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let e = explicit, !e.isEmpty { return e }
        if let v = environment["VAULTCLI_VAULT"], !v.isEmpty { return v }
        let data: String
        if let x = environment["XDG_DATA_HOME"], x.hasPrefix("/") {
            data = x
        } else {
            data = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return data + "/vaultcli/vault"
    }

    /// Where admins' last-seen records live (LastSeen.swift): $XDG_STATE_HOME/vaultcli, default
    /// ~/.local/state/vaultcli. Outside the vault's directory, so a copy of that directory put
    /// back does not bring an old record with it.
    public static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") { return x + "/vaultcli" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/vaultcli"
    }
}
