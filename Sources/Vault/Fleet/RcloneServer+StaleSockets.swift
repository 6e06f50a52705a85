import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension RcloneServer {
    /// A backup killed outright (SIGKILL) cannot remove its socket's directory; the next one
    /// does: a `vaultcli-fleet-*` directory of this user's, 0700, more than a minute old, that
    /// holds nothing but a socket `rc` nobody listens on any more.
    static func removeStaleSockets() {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        let now = time(nil)
        for n in names where n.hasPrefix("vaultcli-fleet-") && n.utf8.count == 21 {
            let d = base + "/" + n, sock = d + "/rc"
            var st = stat()
            guard lstat(d, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, st.st_uid == getuid(), st.st_mode & 0o777 == 0o700,
                  now - st.st_mtim.tv_sec > 60 else { continue }
            guard (try? FileManager.default.contentsOfDirectory(atPath: d)) == ["rc"], lstat(sock, &st) == 0, (st.st_mode & S_IFMT) == S_IFSOCK,
                  sock.utf8.count < 100 else { continue }
            let (fd, e) = UnixSocket.connect(sock)
            if fd >= 0 { close(fd) }
            if fd < 0 && e == ECONNREFUSED {
                unlink(sock)
                rmdir(d)
            }
        }
    }
}
