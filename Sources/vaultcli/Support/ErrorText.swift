import Catalog
import Glibc
import Vault

/// Library errors rendered in the catalog's language: the library says what went wrong in its
/// own terms (cases and values); the CLI words it. An error type not rendered here yet keeps the
/// library's own English text.
enum ErrorText {
    static func render(_ error: UserFacingError) -> (message: String, hints: [String]) {
        switch error {
        case let e as VaultError: return render(e)
        case let e as OperatorError: return render(e)
        case let e as BackupError: return render(e)
        case let e as SessionError: return render(e)
        case let e as EntryError: return render(e)
        case let e as RecordError: return render(e)
        case let e as JSONLRowError: return (DetailText.jsonl(e.problem), [])
        case let e as RecoveryError: return render(e)
        case let e as LooseSecretFile: return render(e)
        case let e as PolicyError: return render(e)
        case let e as GeneratorError: return render(e)
        case let e as FleetError: return render(e)
        case let e as LibCrypto.Unavailable: return render(e)
        default: return (error.message, error.hints)
        }
    }

    /// A detail the library words in English (what exactly is damaged, why a header does not
    /// parse): as it is in English; in zh-Hans, where to read it (the same command with --lang en).
    static func detail(_ s: String) -> String {
        Lang.current == .zhHans ? DetailText.zh(s) ?? FleetDetailText.detail(s) ?? tr(.detailOnlyInEnglish) : s
    }

    /// `strerror` in English (as before); in zh-Hans the common causes in words, else the number.
    static func errnoText(_ e: Int32) -> String {
        guard Lang.current == .zhHans else { return String(cString: strerror(e)) }
        switch e {
        case ENOENT: return "文件或目录不存在"
        case EACCES, EPERM: return "没有权限"
        case ENOSPC: return "设备空间已满"
        case EROFS: return "设备是只读的"
        case EIO: return "设备读写出错"
        case ENODEV, ENXIO: return "设备不存在"
        case EEXIST: return "已经存在"
        case ENOTDIR: return "不是目录"
        case EISDIR: return "是一个目录"
        case EBUSY: return "设备忙"
        case ENOTEMPTY: return "目录不是空的"
        case EXDEV: return "不能跨设备移动"
        case ELOOP: return "符号链接太多"
        case ENAMETOOLONG: return "文件名太长"
        case EMFILE, ENFILE: return "打开的文件太多"
        case ENOMEM: return "内存不足"
        case EDQUOT: return "超出磁盘配额"
        case ETIMEDOUT: return "超时"
        default: return "系统错误 \(e)"
        }
    }

    /// What the library was doing when the file system refused, in zh-Hans (the library's
    /// English words for it otherwise).
    static func operation(_ op: String) -> String {
        guard Lang.current == .zhHans else { return op }
        switch op {
        case "close": return "关闭"
        case "create a temporary directory in": return "在此处创建临时目录："
        case "create a temporary file in": return "在此处创建临时文件："
        case "create the directory", "create the session directory", "create the vault's directory": return "创建目录"
        case "create the lock file": return "创建锁文件"
        case "create": return "创建"
        case "delete the old backup": return "删除旧备份"
        case "feed": return "传送数据给"
        case "find this program's path in": return "找到本程序的路径："
        case "inspect", "stat": return "查看"
        case "keep the format-v1 vault as": return "保留格式 v1 的保险库为"
        case "list": return "列出"
        case "lock": return "锁定文件"
        case "move the old vault aside to": return "把旧保险库移到"
        case "open the directory", "open the working directory": return "打开目录"
        case "open the identity file": return "打开身份文件"
        case "open the password file": return "打开密码文件"
        case "open": return "打开"
        case "put the restored vault in place at": return "把恢复的保险库放到"
        case "read the JSON document": return "读取 JSON 文档"
        case "read the password from": return "读取密码："
        case "read": return "读取"
        case "rename into place", "rename the export to", "rename the finished backup to": return "重命名为"
        case "reopen for the read-back check": return "重新打开以读回核对"
        case "start the session agent": return "启动会话代理"
        case "sync the directory", "sync": return "同步写入"
        case "truncate": return "截断"
        case "upload": return "上传"
        case "download": return "下载"
        case "delete": return "删除"
        case "write to", "write": return "写入"
        default: return op.hasPrefix("read ") ? "读取" : "访问"
        }
    }

    static func render(_ e: LooseSecretFile) -> (String, [String]) {
        var why: [String] = [], hints: [String] = []
        if e.owner != e.me { why.append(tr(.lsOwner, e.owner, e.me)); hints.append(tr(.lsChownHint, e.me, e.path)) }
        if e.mode & 0o077 != 0 { why.append(tr(.lsMode, String(e.mode & 0o777, radix: 8))); hints.append(tr(.lsChmodHint, e.path)) }
        let what = switch e.what {
        case "password file": tr(.whatPasswordFile)
        case "identity file": tr(.whatIdentityFile)
        default: e.what
        }
        return (tr(.lsMessage, what, e.path, why.joined(separator: tr(.lsAnd))), hints)
    }

    /// libcrypto missing: dlerror's own words stay as they are (a file name and the system's
    /// reason), inside a Chinese sentence.
    static func render(_ e: LibCrypto.Unavailable) -> (String, [String]) {
        switch e.reason {
        case .notLoaded(let detail): (tr(.totpLibNotLoaded, e.soname, detail), [])
        case .missingFunctions: (tr(.totpLibNoFunctions, e.soname), [])
        }
    }

    static func render(_ e: FleetError) -> (String, [String]) { FleetDetailText.render(e) }

    static func render(_ e: SessionError) -> (String, [String]) {
        switch e {
        case .noSession(let p): (tr(.sesNoSession, p), [tr(.sesStartHint)])
        case .ended(let r): (tr(.sesEnded, detail(r)), [tr(.sesStartHint)])
        case .agentGone: (tr(.sesAgentGone), [tr(.sesStartHint)])
        case .operatorChanged(let s): (tr(.sesOperatorChanged, detail(s)), [tr(.sesStartHint)])
        case .refused(let r): (tr(.sesRefused, FleetDetailText.session(r)), [tr(.sesRefusedHint)])
        case .insecureDirectory(let s): (tr(.sesInsecureDirectory, detail(s)), [tr(.sesInsecureDirectoryHint)])
        case .requestRefused(let s): (tr(.sesRequestRefused, detail(s)), [tr(.sesRequestRefusedHint)])
        }
    }
}
