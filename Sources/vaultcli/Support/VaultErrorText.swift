import Catalog
import Glibc
import Vault

/// The vault's and its operators' errors in the catalog's language.
extension ErrorText {
    static func render(_ e: VaultError) -> (String, [String]) {
        switch e {
        case .noVault(let p): (tr(.vaultNoVault, p), [tr(.vaultNoVaultHint)])
        case .vaultExists(let p): (tr(.vaultExists, p), [tr(.vaultExistsHint)])
        case .authenticationFailed: (tr(.vaultAuthFailed), [tr(.vaultAuthFailedHint, 10, 30)])
        case .corrupt(let p, let part): (tr(.vaultCorrupt, p, detail(part)), [tr(.vaultCorruptHint)])
        case .unsupportedVersion(let f, let s): (tr(.vaultUnsupportedVersion, f, s), [tr(.vaultUnsupportedVersionHint)])
        case .notAVault(let p): (tr(.vaultNotAVault, p), [tr(.vaultNotAVaultHint)])
        case .lockHeld(let p, let ms): (tr(.vaultLockHeld, p, ms), [tr(.vaultLockHeldHint)])
        case .io(let p, let op, let errno): (tr(.ioFailed, operation(op), p, errnoText(errno)), [ioHint(errno)])
        case .symlinkRefused(let p): (tr(.vaultSymlink, p), [tr(.vaultSymlinkHint)])
        case .weakKDF(let k, let f): (tr(.vaultWeakKDF, k.summary, f.memoryKiB, f.iterations), [tr(.vaultWeakKDFHint)])
        case .costlyKDF(let k, let c): (tr(.vaultCostlyKDF, k.summary, c.memoryKiB, c.iterations), [tr(.vaultCostlyKDFHint)])
        case .permissionDenied(let need, let role): (tr(.vaultPermissionDenied, need, roleName(role)), [tr(.vaultPermissionDeniedHint)])
        // Free text (a few are worded by the CLI itself, QRCode): shown as it is.
        case .invalidInput(let s): (s, [])
        case .input(let p): render(p)
        case .notFound(let w): (tr(.vaultNotFound, w), [])
        case .tooLarge(let w): (tr(.vaultTooLarge, detail(w)), [])
        case .needsUpgrade(let p): (tr(.vaultNeedsUpgrade, p), [tr(.vaultNeedsUpgradeHint)])
        case .rolledBack(let p, let d, let s): (tr(.vaultRolledBack, p, detail(d)), [tr(.vaultRolledBackHint1), tr(.vaultRolledBackHint2, s)])
        case .lastSeenUnreadable(let p): (tr(.vaultLastSeenUnreadable, p), [tr(.vaultLastSeenUnreadableHint, p)])
        case .savedButNotErased(let p, let errno): (tr(.vaultSavedButNotErased, p, errnoText(errno)), [tr(.vaultSavedButNotErasedHint)])
        }
    }

    private static func ioHint(_ e: Int32) -> String {
        switch e {
        case ENOSPC: tr(.ioHintNoSpace)
        case EROFS: tr(.ioHintReadOnly)
        case EACCES, EPERM: tr(.ioHintPermissions)
        default: tr(.ioHintDevice)
        }
    }

    static func duration(_ seconds: Int64) -> String {
        seconds < 120 ? tr(.durationSeconds, seconds) : tr(.durationMinutes, seconds / 60)
    }

    static func render(_ e: OperatorError) -> (String, [String]) {
        switch e {
        case .locked(let n, let u): (tr(.opLocked, n, LocalTime.string(u)), [tr(.opLockedHint, n)])
        case .disabled(let n): (tr(.opDisabled, n), [tr(.opDisabledHint)])
        case .mustChangePassword(let n, let expired): (tr(expired ? .opMustChangeExpired : .opMustChangeReset, n), [tr(.opMustChangeHint, n)])
        case .policy(let v): (tr(.opPolicy) + "\n" + v.map { "  - \(PolicyText.render($0))" }.joined(separator: "\n"), [tr(.opPolicyHint)])
        case .reused(let c): (tr(.opReused, c), [tr(.opPolicyHint)])
        case .exists(let n): (tr(.opExists, n), [tr(.opExistsHint)])
        case .lookalike(let n, let x): (tr(.opLookalike, n, x), [tr(.opLookalikeHint)])
        case .unknownOperator(let n): (tr(.opUnknown, n), [tr(.opUnknownHint)])
        case .lastAdmin: (tr(.opLastAdmin), [tr(.opLastAdminHint)])
        case .oneTimeCodeNeeded(let n): (tr(.opCodeNeeded, n), [tr(.opCodeNeededHint)])
        case .oneTimeCode(let n, let p):
            switch p {
            case .missing: (tr(.opCodeMissing, n), [tr(.opCodeMissingHint)])
            case .malformed: (tr(.opCodeMalformed), [tr(.opCodeWrongHint)])
            case .alreadyUsed: (tr(.opCodeAlreadyUsed), [tr(.opCodeAlreadyUsedHint)])
            case .wrong: (tr(.opCodeWrong), [tr(.opCodeWrongHint)])
            case .clockSkew(let s): (tr(s < 0 ? .opCodeSkewAgo : .opCodeSkewAhead, duration(abs(s))), [tr(.opCodeSkewHint)])
            }
        // Free text from the library: shown as it is (structured cases are still to come).
        case .invalid(let s): (s, [])
        case .lockoutTampered(let n): (tr(.opLockoutTampered, n), [tr(.opLockoutTamperedHint1, n), tr(.opLockoutTamperedHint2)])
        case .refused(let r):
            switch r {
            case .noPendingEnrolment: (tr(.orNoPending), [])
            case .confirmSkew(let s): (tr(s < 0 ? .orSkewAgo : .orSkewAhead, duration(abs(s))), [])
            case .confirmMalformed: (tr(.orMalformed), [])
            case .confirmMismatch(let a): (tr(.orMismatch, a), [])
            case .sameRole(let n, let role): (tr(.orSameRole, n, roleName(role)), [])
            case .cannotDisableSelf: (tr(.orDisableSelf), [])
            case .enableNeedsPassword(let n): (tr(.orEnableNeedsPassword, n), [])
            case .cannotRemoveSelf: (tr(.orRemoveSelf), [])
            case .legacyFormat: (tr(.orLegacy), [])
            }
        }
    }
}
