import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Sessions (docs/SESSIONS.md): `vaultcli unlock` hands an operator's unwrapped keys to a small
/// agent process that keeps them in locked, non-dumpable memory and runs session commands for
/// processes of the same user (over a Unix socket), as that operator, until the session is
/// locked, stays idle for 15 minutes, or reaches 8 hours. Keys never leave the agent and never
/// touch the disk.
public enum SessionPolicy {
    /// PCI DSS v4.0.1 8.2.8: re-authenticate after 15 minutes idle.
    public static let maxIdleSeconds = 15 * 60
    /// At most 8 hours in all.
    public static let maxLifetimeSeconds = 8 * 3600
}
