import Dispatch
import FoundationEssentials
import Glibc
import VaultCrypto

/// The one Argon2id path that every password-protected keyslot uses.
///
/// A single Argon2id run gives a 32-byte hash `h`. `h` is both the hash inside the operator's
/// PHC string (so the string verifies with any Argon2id tool) and, through HKDF, the key that
/// unwraps the slot. Because `h` unlocks the slot, the PHC string is itself a secret: it is
/// only ever stored encrypted (see docs/FORMAT.md), never in the clear.
public enum KeyslotKDF {
    public struct Output {
        public let hash: SecretBytes
        public let wrappingKey: SecretBytes
    }

    public static func derive(password: SecretBytes, salt: [UInt8], parameters: KDFParameters, floor: KDFParameters) throws -> Output {
        guard parameters.meets(floor) else { throw VaultError.weakKDF(parameters, floor: floor) }
        guard parameters.within(.ceiling) else { throw VaultError.costlyKDF(parameters, ceiling: .ceiling) }
        let h = try Argon2id.deriveKey(password: password, salt: salt, parameters: parameters, length: 32)
        let k = try HKDF.deriveSecret(ikm: h, salt: salt, info: Derivation.keyslotWrappingKey)
        return Output(hash: h, wrappingKey: k)
    }
}

/// The KDF cost policy: the floor that files must meet, and calibration at `init`.
public enum KDFPolicy {
    /// The test-only knob. It exists only in debug builds (compiled with VAULTCLI_TESTING) and
    /// only takes effect when the environment says exactly
    /// `VAULTCLI_INSECURE_TEST_KDF=yes-tests-only`. A release build ignores it.
    public static var testKnobActive: Bool {
        #if VAULTCLI_TESTING
        return ProcessInfo.processInfo.environment["VAULTCLI_INSECURE_TEST_KDF"] == "yes-tests-only"
        #else
        return false
        #endif
    }

    /// The floor in force: OWASP's m >= 19 MiB, t >= 2, unless the test knob is on.
    public static var floor: KDFParameters {
        testKnobActive ? .insecureTest : .floor
    }

    /// Chooses Argon2id parameters that take about `targetMilliseconds` on this machine, never
    /// below the floor. Memory starts at 64 MiB (dropping toward 19 MiB only on a machine too slow
    /// for that), then the time cost is raised to meet the target.
    public static func calibrate(targetMilliseconds: Int) throws -> KDFParameters {
        if testKnobActive { return .insecureTest }
        let pw = try SecretBytes(utf8: "calibration")
        let salt = [UInt8](repeating: 7, count: Argon2id.saltBytes)
        func time(_ p: KDFParameters) throws -> Double {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try Argon2id.deriveKey(password: pw, salt: salt, parameters: p)
            return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        }
        var m: UInt32 = 64 * 1024
        var ms = try time(KDFParameters(memoryKiB: m, iterations: 2))
        while ms > Double(targetMilliseconds) * 1.25 && m > KDFParameters.floor.memoryKiB {
            m = max(KDFParameters.floor.memoryKiB, m / 2)
            ms = try time(KDFParameters(memoryKiB: m, iterations: 2))
        }
        // Per-pass cost from two time costs (the first run also pays for touching the memory).
        let ms4 = try time(KDFParameters(memoryKiB: m, iterations: 4))
        let perPass = max((ms4 - ms) / 2, ms4 / 8)
        let fixed = max(0, ms4 - 4 * perPass)
        var t = max(2, Int(((Double(targetMilliseconds) - fixed) / perPass).rounded()))
        // One correction from a measurement at the chosen cost.
        let measured = try time(KDFParameters(memoryKiB: m, iterations: UInt32(min(t, 64))))
        t = max(2, Int((Double(t) * Double(targetMilliseconds) / measured).rounded()))
        return KDFParameters(memoryKiB: m, iterations: UInt32(min(t, 64)))
    }
}
