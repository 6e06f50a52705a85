import FoundationEssentials
import Glibc

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
            data = (environment["HOME"] ?? homeDirectory()) + "/.local/share"
        }
        return data + "/vaultcli/vault"
    }

    /// Where admins' last-seen records live (LastSeen.swift): $XDG_STATE_HOME/vaultcli, default
    /// ~/.local/state/vaultcli. Outside the vault's directory, so a copy of that directory put
    /// back does not bring an old record with it.
    /// The user's home from the password database, when $HOME is unset (what NSHomeDirectory did).
    static func homeDirectory() -> String {
        var pw = passwd(), result: UnsafeMutablePointer<passwd>?
        var buf = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(getuid(), &pw, &buf, buf.count, &result) == 0, result != nil, let dir = pw.pw_dir else { return "/" }
        return String(cString: dir)
    }

    public static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") { return x + "/vaultcli" }
        return (environment["HOME"] ?? homeDirectory()) + "/.local/state/vaultcli"
    }
}
