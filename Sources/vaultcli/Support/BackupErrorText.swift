import Catalog
import Glibc
import Vault

/// A backup's errors in the catalog's language (the details of each: `BackupDetailText`).
extension ErrorText {
    static func render(_ e: BackupError) -> (String, [String]) {
        switch e {
        case .headerInvalid(let why): (tr(.bkHeaderInvalid, BackupDetailText.header(why)), [tr(.bkDamagedHint)])
        case .headerMACMismatch: (tr(.bkHeaderMAC), [tr(.bkDamagedHint)])
        case .noMatchingIdentity: (tr(.bkNoMatchingIdentity), [tr(.bkNoMatchingIdentityHint)])
        case .wrongPassphrase: (tr(.bkWrongPassphrase), [tr(.bkWrongPassphraseHint)])
        case .workFactorTooHigh(let n, let m): (tr(.bkWorkFactor, n, m), [tr(.bkWorkFactorHint)])
        case .payloadInvalid(let why): (tr(.bkPayloadInvalid, BackupDetailText.manifestOrPayload(why)), [tr(.bkDamagedHint)])
        case .armorInvalid(let why): (tr(.bkArmorInvalid, BackupDetailText.armor(why)), [tr(.bkDamagedHint)])
        case .invalidRecipient(let why): (tr(.bkInvalidRecipient, BackupDetailText.recipient(why)), [tr(.bkInvalidRecipientHint)])
        case .invalidIdentity(let why): (tr(.bkInvalidIdentity, BackupDetailText.identity(why)), [tr(.bkInvalidIdentityHint)])
        case .noRecipients: (tr(.bkNoRecipients), [tr(.bkNoRecipientsHint)])
        case .passphraseNotAlone: (tr(.bkPassphraseNotAlone), [tr(.bkPassphraseNotAloneHint)])
        case .noIdentities: (tr(.bkNoIdentities), [tr(.bkNoIdentitiesHint)])
        case .notABackup: (tr(.bkNotABackup), [tr(.bkNotABackupHint)])
        case .unsupportedBackupVersion(let f, let s): (tr(.bkUnsupportedVersion, f, s), [tr(.bkUnsupportedVersionHint)])
        case .manifestInvalid(let why): (tr(.bkManifestInvalid, BackupDetailText.manifestOrPayload(why)), [tr(.bkDamagedHint)])
        case .containerTruncated: (tr(.bkTruncated), [tr(.bkDamagedHint)])
        case .vaultSizeMismatch(let x, let g): (tr(.bkSizeMismatch, g, x), [tr(.bkDamagedHint)])
        case .vaultHashMismatch: (tr(.bkHashMismatch), [tr(.bkDamagedHint)])
        case .io(let p, let op, let errno):
            (tr(.ioFailed, operation(op), p, errnoText(errno)), [{
                switch errno {
                case ENOSPC: tr(.bkIONoSpaceHint)
                case EROFS: tr(.ioHintReadOnly)
                case EACCES, EPERM: tr(.bkIOPermissionsHint)
                case ENOENT, ENODEV, ENXIO, EIO: tr(.bkIODeviceGoneHint)
                default: tr(.ioHintDevice)
                }
            }()])
        case .readBackMismatch(let p): (tr(.bkReadBackMismatch, p), [tr(.bkReadBackMismatchHint)])
        case .targetExists(let p, let force): (tr(.bkTargetExists, p), [tr(force ? .bkTargetExistsForceHint : .bkTargetExistsHint)])
        case .refuseBinaryToTerminal: (tr(.bkRefuseBinaryToTerminal), [tr(.bkRefuseBinaryToTerminalHint)])
        case .sourceChanged(let x, let g): (tr(.bkSourceChanged, x, g), [tr(.bkSourceChangedHint)])
        case .markerMismatch(let v, let t): (tr(.bkMarkerMismatch, v, t), [tr(.bkDamagedHint)])
        case .differentVault(let p, let x, let b):
            (tr(.bkDifferentVault, p, x.vaultId, x.terminalId, b.vaultId, b.terminalId), [tr(.bkDifferentVaultHint1, p), tr(.bkDifferentVaultHint2)])
        case .unidentifiedVault(let p, let why): (tr(.bkUnidentifiedVault, p, BackupDetailText.unidentified(why)), [tr(.bkUnidentifiedVaultHint, p)])
        }
    }
}
