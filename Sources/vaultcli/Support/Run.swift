import ArgumentParser
import Catalog
import FoundationEssentials
import Glibc
import Vault
import VaultCrypto

/// Runs a command body, turning library errors into the documented stderr voice and exit code.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as UserFacingError {
        let (message, hints) = ErrorText.render(e)
        Diagnostics.error(message, hints: hints)
        throw ExitCode(e.exitCode.rawValue)
    } catch let e as CryptoError {
        Diagnostics.error(tr(.cryptoFailure, e))
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
