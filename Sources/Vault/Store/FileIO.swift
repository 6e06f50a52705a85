import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import VaultCrypto

/// Thin POSIX file access with errors that name the path and the operation.
final class PosixFile {
    let fd: Int32
    let path: String

    private var isOpen = true

    private init(fd: Int32, path: String) { self.fd = fd; self.path = path }

    /// Takes over an open descriptor (closed when this is dropped, or by `closeNow`).
    init(adopting fd: Int32, path: String) { self.fd = fd; self.path = path }

    /// Opens an existing file, refusing a symbolic link at `path`.
    static func openExisting(_ path: String, writable: Bool) throws -> PosixFile {
        var st = stat()
        if lstat(path, &st) != 0 {
            if errno == ENOENT { throw VaultError.noVault(path: path) }
            throw VaultError.io(path: path, operation: "inspect", errno: errno)
        }
        if (st.st_mode & S_IFMT) == S_IFLNK { throw VaultError.symlinkRefused(path: path) }
        if (st.st_mode & S_IFMT) != S_IFREG { throw VaultError.input(.notARegularFile(path: path)) }
        let fd = open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            let e = errno
            if e == ELOOP { throw VaultError.symlinkRefused(path: path) }
            throw VaultError.io(path: path, operation: writable ? "open for writing" : "open", errno: e)
        }
        return PosixFile(fd: fd, path: path)
    }

    deinit { if isOpen { close(fd) } }

    /// Closes the descriptor now; returns close(2)'s errno if it failed. Idempotent.
    func closeNow() -> Int32? {
        guard isOpen else { return nil }
        isOpen = false
        return close(fd) == 0 ? nil : errno
    }

    func size() throws -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw VaultError.io(path: path, operation: "stat", errno: errno) }
        return Int(st.st_size)
    }

    /// Reads up to `count` bytes at `offset` (fewer only at end of file).
    func read(count: Int, at offset: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let n = try out.withUnsafeMutableBytes { try read(into: $0, at: offset) }
        if n < count { out.removeLast(count - n) }
        return out
    }

    func read(into buf: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        TestProbe.record("read \(FileSystem.baseName(of: path)) at=\(offset) count=\(buf.count)")
        var done = 0
        while done < buf.count {
            let n = pread(fd, buf.baseAddress! + done, buf.count - done, off_t(offset + done))
            if n < 0 { if errno == EINTR { continue }; throw VaultError.io(path: path, operation: "read", errno: errno) }
            if n == 0 { break }
            done += n
        }
        return done
    }

    func write(_ bytes: [UInt8], at offset: Int) throws {
        try bytes.withUnsafeBytes { try write($0, at: offset) }
    }

    func write(_ buf: UnsafeRawBufferPointer, at offset: Int) throws {
        try DurableFile.writeAll(fd, buf, at: offset, path: path, style: .store)
    }

    func sync() throws {
        try DurableFile.sync(fd, path: path, style: .store)
    }

    func truncate(to size: Int) throws {
        if ftruncate(fd, off_t(size)) != 0 { throw VaultError.io(path: path, operation: "truncate", errno: errno) }
    }
}

enum FileSystem {
    /// The directory part of a path, like dirname(1): "v" -> ".", "/v" -> "/", "a/b/" -> "a".
    /// (Foundation's NSString path methods trap on some inputs on Linux; this is plain Swift.)
    static func directory(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        var d = p[..<slash]
        while d.count > 1 && d.hasSuffix("/") { d = d.dropLast() }
        return d.isEmpty ? "/" : String(d)
    }

    /// The last component of a path, like basename(1).
    static func baseName(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        if let slash = p.lastIndex(of: "/"), p != "/" { return String(p[p.index(after: slash)...]) }
        return String(p)
    }

    static func fsyncDirectory(_ dir: String) throws {
        try DurableFile.syncDirectory(dir, style: .store)
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Creates the vault's directory (0700) if missing.
    static func ensureDirectory(_ dir: String) throws {
        var st = stat()
        if stat(dir, &st) == 0 {
            if (st.st_mode & S_IFMT) != S_IFDIR { throw VaultError.input(.notADirectory(path: dir)) }
            return
        }
        if errno != ENOENT { throw VaultError.io(path: dir, operation: "inspect", errno: errno) }
        try ensureDirectory(directory(of: dir))
        if mkdir(dir, 0o700) != 0 && errno != EEXIST { throw VaultError.io(path: dir, operation: "create the directory", errno: errno) }
    }

    /// Writes a whole file atomically: a temp file next to `path` (O_EXCL, 0600), fsync, rename
    /// over `path` (only if `replace`, and never over a symbolic link; otherwise link(2) so an
    /// existing file is never replaced), fsync of the directory. On any error the temp file is
    /// removed and `path` is untouched. (`DurableFile.replace` with the store's errors.)
    static func atomicWrite(_ path: String, replace: Bool, _ body: (PosixFile) throws -> Void) throws {
        try DurableFile.replace(path, replace: replace, style: .store, refuseSymlink: { VaultError.symlinkRefused(path: $0) }) { t in
            try body(t.file)
        }
    }
}

/// Temporary files (`.<vault>.tmp-…` from atomic rewrites, `.vaultcli-tmp-…` from backups and
/// restores) are locked (flock, exclusive) by their writer for as long as it lives. A writer
/// killed with -9 leaves its temporary file behind; the next writer in that directory removes
/// every such file it can lock, which is only ever a dead writer's.
enum StaleTemps {
    /// Locks a just-created temporary file. False if it was removed meanwhile (a cleaner took
    /// it for a leftover before the lock): the caller makes another.
    static func claim(_ fd: Int32, path: String) -> Bool {
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        var a = stat(), b = stat()
        return fstat(fd, &a) == 0 && lstat(path, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev
    }

    static func isTemporaryName(_ name: String) -> Bool {
        if name.hasPrefix(".vaultcli-tmp-") { return true }
        guard name.hasPrefix("."), let r = name.ranges(of: ".tmp-").last else { return false }
        let tail = name[r.upperBound...]
        return tail.count == 12 && tail.allSatisfy { $0.isHexDigit }
    }

    /// Removes the leftovers of dead writers in `dir`. Returns the names removed.
    @discardableResult
    static func removeStale(in dir: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        var removed: [String] = []
        for name in names where isTemporaryName(name) {
            let p = dir + "/" + name
            let fd = open(p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var a = stat(), b = stat()
            guard fstat(fd, &a) == 0, (a.st_mode & S_IFMT) == S_IFREG, flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            if lstat(p, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev && unlink(p) == 0 { removed.append(name) }
        }
        if !removed.isEmpty { try? FileSystem.fsyncDirectory(dir) }
        return removed
    }
}

/// The vault's lock: flock(2) on `<vault>.lock`. Writers take it exclusive, readers shared.
/// A second writer waits a bounded time (default 10 s, `$VAULTCLI_LOCK_TIMEOUT_MS`), then gets
/// `lockHeld`.
final class VaultLock {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }
    deinit { flock(fd, LOCK_UN); close(fd) }

    static var defaultTimeoutMilliseconds: Int {
        if let s = ProcessInfo.processInfo.environment["VAULTCLI_LOCK_TIMEOUT_MS"], let v = Int(s), v >= 0 { return v }
        return 10_000
    }

    static func lockPath(for vault: String) -> String { vault + ".lock" }

    /// Returns nil only for a shared lock on a read-only location where no lock file exists
    /// (nobody can be writing there).
    static func acquire(vault: String, exclusive: Bool, timeoutMilliseconds: Int = defaultTimeoutMilliseconds) throws -> VaultLock? {
        let path = lockPath(for: vault)
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if fd < 0 {
            let e = errno
            if !exclusive && (e == EROFS || e == EACCES) {
                fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
                if fd < 0 { return nil }
            } else if e == ELOOP {
                throw VaultError.symlinkRefused(path: path)
            } else {
                throw VaultError.io(path: path, operation: "create the lock file", errno: e)
            }
        }
        let op = exclusive ? LOCK_EX : LOCK_SH
        let start = DispatchTime.now().uptimeNanoseconds
        var delay: UInt32 = 2_000
        let kind = exclusive ? "exclusive" : "shared"
        var blocked = false
        while flock(fd, op | LOCK_NB) != 0 {
            let e = errno
            if e != EWOULDBLOCK && e != EINTR { close(fd); throw VaultError.io(path: path, operation: "lock", errno: e) }
            if !blocked { blocked = true; TestProbe.record("lock blocked \(kind) pid=\(getpid())") }
            let waited = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            if waited >= timeoutMilliseconds {
                close(fd)
                TestProbe.record("lock timeout \(kind) pid=\(getpid())")
                throw VaultError.lockHeld(path: vault, waitedMilliseconds: waited)
            }
            usleep(delay)
            delay = min(delay * 2, 100_000)
        }
        TestProbe.record("lock acquired \(kind) pid=\(getpid())\(blocked ? " after-wait" : "")")
        return VaultLock(fd: fd)
    }
}

/// Files a command writes for a person (a QR code of a one-time-code secret, for one): mode
/// 0600, written atomically, never replacing what is there, never through a symlink.
public enum PrivateFile {
    public static func create(_ path: String, bytes: [UInt8]) throws {
        do {
            try FileSystem.atomicWrite(path, replace: false) { f in
                try bytes.withUnsafeBytes { try f.write($0, at: 0) }
            }
        } catch VaultError.vaultExists {
            throw VaultError.input(.fileExists(path: path))
        }
    }

    /// Writes `path` atomically through a 0600 temporary file next to it that `body` fills
    /// (given its descriptor and path), replacing what is there (a file the person asked to
    /// overwrite): fsync, rename (failing as `renameOperation`), fsync of the directory. On
    /// any error the temporary file is removed and `path` is as it was. Errors: `VaultError.io`.
    public static func replace<T>(_ path: String, renameOperation: String,
                                  _ body: (_ fd: Int32, _ temporaryPath: String) throws -> T) throws -> T {
        try DurableFile.replace(path, replace: true, style: .store, renameOperation: renameOperation) { t in
            try body(t.fd, t.path)
        }
    }

    /// A new age identity file, written in place from locked memory: O_EXCL|O_NOFOLLOW, mode
    /// 0600, fsynced, and its directory fsynced; never replaces anything, and is removed again
    /// on any failure. Errors as `AgeKeyFile.write`'s (`BackupError`).
    public static func createKeyFile(_ path: String, _ text: SecretBytes) throws {
        try DurableFile.createNew(path, style: .backup) { fd in
            try text.withUnsafeBytes { try DurableFile.writeAll(fd, $0, path: path, style: .backup) }
        }
    }
}
