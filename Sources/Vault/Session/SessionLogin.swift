import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Vault {
    /// What a command run in a live session gets in place of a login: the session (still
    /// valid: `checkSessionStillValid`) with the keys its operator's envelope holds now, and
    /// the operator's profile as the vault has it now. The session keeps only the operator's
    /// personal key's worth of trust: after a key rotation (an operator removed or demoted since
    /// `unlock`) the envelope, which the rotation re-sealed, gives the new keys, exactly as a
    /// login would. No password is checked and nothing is written: `unlock` was the login.
    public func sessionLogin(_ s: Session) throws -> LoginResult {
        guard !file.isLegacy, let pk = s.personalKey else {
            try checkSessionStillValid(s)
            return LoginResult(session: s, profile: try unlocked(by: s).operators.profile(named: s.operatorName), expiresInDays: nil)
        }
        guard let slot = try operatorSlot(named: s.operatorName), slot.operatorId == s.operatorId, slot.role == s.role else {
            throw SessionError.operatorChanged("the operator \(s.operatorName) was removed, renamed or changed role since the session began")
        }
        let ring = KeyRing()
        ring.personalKey = pk
        let (fresh, env, signed) = try session(from: slot, ring: ring)
        // Disabled since? (Read with the keys of now: a rotation re-sealed the profiles.)
        try checkSessionStillValid(fresh)
        var profile = signed
        profile.passwordChangedAt = env.passwordChangedAt
        profile.mustChangePassword = env.mustChangePassword
        profile.slotId = env.slotId
        profile.totpEnabled = env.totpSecret != nil
        return LoginResult(session: fresh, profile: profile, expiresInDays: nil)
    }

    /// Checks that a session from the agent still matches an operator slot of this vault (same
    /// operator, same role): a removed or demoted operator's session stops working.
    public func checkSessionStillValid(_ s: Session) throws {
        let slots = try keyslots()
        guard slots.contains(where: { $0.type == .operatorPassword && $0.operatorId == s.operatorId && $0.role == s.role && $0.name == s.operatorName }) else {
            throw SessionError.operatorChanged("the operator \(s.operatorName) was removed, renamed or changed role since the session began")
        }
        // An operator disabled since the session began loses it at once.
        if let p = try record(.operatorProfile, OperatorProfile.self, subject: s.operatorId, keys: s.keys), p.status == .disabled {
            throw OperatorError.disabled(name: p.name)
        }
    }
}
