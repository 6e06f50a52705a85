import FoundationEssentials

/// Backups, as the unlocked operator configures them: fleet enrolment (Fleet/FleetEnrolment.swift).
public struct Backups {
    public let vault: Vault
    public let session: Session

    typealias Change = Vault.Change
}
