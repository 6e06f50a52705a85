import ArgumentParser
import FoundationEssentials
import Glibc
import Vault

/// Runs a command body, turning library errors into the documented stderr voice and exit code.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as UserFacingError {
        Diagnostics.error(e.message, hints: e.hints)
        throw ExitCode(e.exitCode.rawValue)
    } catch let e as CryptoError {
        Diagnostics.error("cryptographic failure: \(e)")
        throw ExitCode(ExitStatus.failure.rawValue)
    } catch let e as ExitCode {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch {
        Diagnostics.error("\(error)")
        throw ExitCode(ExitStatus.failure.rawValue)
    }
}
