internal import CLinux

/// Core dumps off (RLIMIT_CORE = 0 and PR_SET_DUMPABLE = 0) for the life of the process, so
/// that unwrapped keys never land in a core file. vaultcli applies it before any command runs.
public enum ProcessHardening {
    @discardableResult
    public static func disableCoreDumps() -> Bool { vaultcli_disable_core_dumps() == 0 }
    public static var coreDumpsDisabled: Bool { vaultcli_core_dumps_disabled() != 0 }
}
