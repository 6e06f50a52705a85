// The libFuzzer executable: built only by scripts/fuzz.sh (Package.swift declares this target
// only when VAULTCLI_FUZZ=1), with -sanitize=fuzzer,address. libFuzzer supplies main().
// The target is named by VAULTCLI_FUZZ_TARGET; the work is in Vault's FuzzTargets, which the
// XCTest suite runs on every seed and crash fixture too.
import Vault
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var target: String = {
    guard let p = getenv("VAULTCLI_FUZZ_TARGET"), case let t = String(decoding: UnsafeRawBufferPointer(start: p, count: strlen(p)), as: UTF8.self), FuzzTargets.names.contains(t) else {
        let msg = "vaultcli-fuzz: set VAULTCLI_FUZZ_TARGET to one of: \(FuzzTargets.names.joined(separator: " "))\n"
        _ = msg.withCString { write(2, $0, strlen($0)) }
        exit(2)
    }
    return t
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.run(target, UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

// SwiftPM links a debug executable with main renamed to `<module>_main` (so tests can link the
// module); libFuzzer's own main is then not used. This one hands over to libFuzzer's driver,
// exactly as libFuzzer's main does.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                 _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("vaultcli_fuzz_main")
public func vaultcliFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    atexit { FuzzTargets.cleanUp() }
    // scripts/fuzz.sh seeds: write the generated seeds and stop.
    if let p = getenv("VAULTCLI_FUZZ_WRITE_SEEDS") {
        let dir = String(decoding: UnsafeRawBufferPointer(start: p, count: strlen(p)), as: UTF8.self)
        do { try FuzzTargets.writeSeeds(to: dir) } catch {
            let msg = "vaultcli-fuzz: cannot write the seeds: \(error)\n"
            _ = msg.withCString { write(2, $0, strlen($0)) }
            return 1
        }
        return 0
    }
    var c = argc
    var v = argv
    return LLVMFuzzerRunDriver(&c, &v, fuzz)
}
