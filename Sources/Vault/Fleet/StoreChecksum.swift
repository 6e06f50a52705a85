import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// MD5 as an S3 store keeps it: the ETag of a single-part upload is the MD5 of the object's
/// bytes, computed by the store from what it received. The fleet backup's read-back compares it
/// (and the size) with the MD5 of what vaultcli sent, from one listing (docs/fleet.md, "Why a
/// listing is a read-back"). It is an integrity check against a transfer or a store that kept
/// other bytes, not a security primitive: the signed manifest's SHA-256 is what head office
/// checks. MD5 comes from libcrypto (OpenSSL), loaded as one-time codes load it; without
/// libcrypto the read-back downloads the object instead.
final class StoreMD5: @unchecked Sendable {
    private typealias New = @convention(c) () -> OpaquePointer?
    private typealias Free = @convention(c) (OpaquePointer?) -> Void
    private typealias MD = @convention(c) () -> OpaquePointer?
    private typealias Init = @convention(c) (OpaquePointer?, OpaquePointer?, OpaquePointer?) -> Int32
    private typealias Update = @convention(c) (OpaquePointer?, UnsafeRawPointer?, Int) -> Int32
    private typealias Final = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt32>?) -> Int32

    private struct Functions: @unchecked Sendable {
        let new: New, free: Free, md5: MD, initialize: Init, update: Update, final: Final
    }

    private static let functions: Functions? = {
        guard let h = dlopen(LibCrypto.soname, RTLD_NOW | RTLD_LOCAL),
              let n = dlsym(h, "EVP_MD_CTX_new"), let f = dlsym(h, "EVP_MD_CTX_free"), let m = dlsym(h, "EVP_md5"),
              let i = dlsym(h, "EVP_DigestInit_ex"), let u = dlsym(h, "EVP_DigestUpdate"), let fi = dlsym(h, "EVP_DigestFinal_ex") else { return nil }
        return Functions(new: unsafeBitCast(n, to: New.self), free: unsafeBitCast(f, to: Free.self), md5: unsafeBitCast(m, to: MD.self),
                         initialize: unsafeBitCast(i, to: Init.self), update: unsafeBitCast(u, to: Update.self), final: unsafeBitCast(fi, to: Final.self))
    }()

    private let fns: Functions
    private var ctx: OpaquePointer?
    private var failed = false

    /// nil when libcrypto cannot be loaded.
    init?() {
        guard let f = Self.functions, let c = f.new() else { return nil }
        fns = f
        ctx = c
        if f.initialize(c, f.md5(), nil) != 1 { failed = true }
    }

    deinit { fns.free(ctx) }

    func update(_ b: UnsafeRawBufferPointer) {
        guard !failed, b.count > 0 else { return }
        if fns.update(ctx, b.baseAddress, b.count) != 1 { failed = true }
    }

    /// Lower-case hex, or nil if libcrypto failed on the way.
    func hex() -> String? {
        guard !failed else { return nil }
        var out = [UInt8](repeating: 0, count: 64)
        var len: UInt32 = 0
        guard fns.final(ctx, &out, &len) == 1, len == 16 else { return nil }
        return Array(out.prefix(16)).hexString
    }

    static func hex(of bytes: [UInt8]) -> String? {
        guard let m = StoreMD5() else { return nil }
        bytes.withUnsafeBytes { m.update($0) }
        return m.hex()
    }
}
