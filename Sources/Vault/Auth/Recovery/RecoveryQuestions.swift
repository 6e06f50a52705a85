import FoundationEssentials
import Glibc
import VaultCrypto

/// The built-in recovery questions, each in English and Simplified Chinese. Ids are stable:
/// they are what `recover setup --question N` names.
public enum RecoveryQuestionCatalog {
    public struct Entry: Sendable {
        public let id: Int
        public let en: String
        public let zh: String
        /// How a question is shown and stored: both languages, so a decoy can never be told
        /// apart by its language.
        public var text: String { "\(en) / \(zh)" }
    }

    public static let builtin: [Entry] = [
        Entry(id: 1, en: "What was the name of your first school?", zh: "你就读的第一所学校叫什么名字？"),
        Entry(id: 2, en: "In which city or town were you born?", zh: "你出生在哪个城市或城镇？"),
        Entry(id: 3, en: "What was the name of your first pet?", zh: "你养的第一只宠物叫什么名字？"),
        Entry(id: 4, en: "What is the full name of your oldest cousin?", zh: "你年龄最大的堂（表）兄弟姐妹的全名是什么？"),
        Entry(id: 5, en: "What was your childhood nickname?", zh: "你小时候的昵称是什么？"),
        Entry(id: 6, en: "What street did you live on as a child?", zh: "你小时候住在哪条街？"),
        Entry(id: 7, en: "What was the first shop or company you worked for?", zh: "你工作的第一家店铺或公司叫什么？"),
        Entry(id: 8, en: "What was the name of your favourite teacher?", zh: "你最喜欢的老师叫什么名字？"),
        Entry(id: 9, en: "What was the make and model of your first car or bicycle?", zh: "你的第一辆车或自行车是什么品牌和型号？"),
        Entry(id: 10, en: "What is the name of the hospital where you were born?", zh: "你出生的医院叫什么名字？"),
        Entry(id: 11, en: "What was the name of your best friend at primary school?", zh: "你小学时最好的朋友叫什么名字？"),
        Entry(id: 12, en: "What dish did your family cook for the New Year when you were a child?", zh: "你小时候家里过年常做的一道菜是什么？"),
    ]

    public static func entry(id: Int) -> Entry? { builtin.first { $0.id == id } }
}

/// The normalisation every answer goes through before hashing, so that the same answer typed
/// on another keyboard or input method still matches: NFKC, full Unicode case folding, NFKC
/// again, every run of white space (including U+3000 IDEOGRAPHIC SPACE, tabs and line breaks)
/// folded to one U+0020, then trimmed. `１２３４ＡＢｃ　张三` becomes `1234abc 张三`.
public enum AnswerNormalizer {
    public static func normalize(_ s: String) -> String {
        let folded = UnicodeFolding.nfkc(UnicodeFolding.fold(UnicodeFolding.nfkc(s)))
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in folded.unicodeScalars {
            if u.properties.isWhitespace || u.properties.generalCategory == .control {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(u)
        }
        return String(out)
    }

    /// Whether two typed answers are the same answer after normalisation (the set-up's "repeat"),
    /// compared in constant time in locked memory.
    public static func same(_ a: SecretBytes, _ b: SecretBytes) -> Bool {
        guard let x = try? normalize(a), let y = try? normalize(b) else { return false }
        return x == y
    }

    /// Normalises an answer held in secret bytes into locked memory; nil for invalid UTF-8.
    /// The normalisation (NFKC, case folding) works on Swift strings, which live only for this
    /// call and are freed, not wiped (a Swift string cannot be wiped): `inspect` sees the
    /// normalised text there, for checks that need it (length in characters, the blocklist).
    static func normalize(_ s: SecretBytes, inspect: (String) -> Void = { _ in }) throws -> SecretBytes? {
        guard s.isValidUTF8 else { return nil }
        let folded = s.withUnsafeBytes { normalize(String(decoding: $0, as: UTF8.self)) }
        inspect(folded)
        return try SecretBytes(utf8: folded)
    }
}

/// An operator's recovery questions as stored: a public record (the questions must be shown
/// before anything is unwrapped). It holds no answer and no hash of one.
struct RecoveryQuestionSet: Codable, Equatable {
    struct Subset: Codable, Equatable {
        /// Indices into `questions`, ascending.
        var indices: [Int]
        /// The hex id of the keyslot the answers to these questions unwrap.
        var slot: String
    }
    var operatorId: String
    var name: String
    var questions: [String]
    var required: Int
    var subsets: [Subset]
    /// Argon2id locators of the operator's bound phone and e-mail (hex), for `recover username`.
    var contactLocators: [String]
    var createdAt: Date
}

enum RecoverySubjects {
    static func questions(_ operatorId: [UInt8]) -> [UInt8] {
        Hash.blake2b(Array("recovery questions".utf8) + operatorId, length: 16)
    }
}

/// Limits of a question set.
public enum RecoveryQuestionLimits {
    public static let minQuestions = 3
    public static let maxQuestions = 6
    public static let minRequired = 2
    /// One keyslot (one Argon2id run at set-up) per k-subset; at most this many.
    public static let maxSubsets = 20
    public static let minAnswerCharacters = 3
    public static let maxAnswerBytes = 256
    public static let maxQuestionBytes = 300
    public static let defaultRequired = 2
}

/// k-subsets of 0..<n in lexicographic order.
func combinations(_ n: Int, _ k: Int) -> [[Int]] {
    guard k > 0, k <= n else { return [] }
    var out: [[Int]] = []
    var c = Array(0..<k)
    while true {
        out.append(c)
        var i = k - 1
        while i >= 0 && c[i] == n - k + i { i -= 1 }
        if i < 0 { return out }
        c[i] += 1
        for j in (i + 1)..<k { c[j] = c[j - 1] + 1 }
    }
}

func binomial(_ n: Int, _ k: Int) -> Int {
    guard k >= 0, k <= n else { return 0 }
    var r = 1
    for i in 0..<min(k, n - k) { r = r * (n - i) / (i + 1) }
    return r
}

extension Vault {
    /// The Argon2id input for a subset of answers: for each question index in ascending order,
    /// u8 index, u16 length, the normalised answer's UTF-8. Length prefixes keep the encoding
    /// unambiguous; the indices bind each answer to its question.
    static func subsetSecret(_ indices: [Int], answers: [SecretBytes?]) throws -> SecretBytes? {
        var total = 0
        for i in indices {
            guard let a = answers[i] else { return nil }
            total += 3 + a.count
        }
        // Written straight into locked memory.
        return try SecretBytes(count: total) { out in
            var o = 0
            for i in indices {
                let a = answers[i]!
                out[o] = UInt8(i); out[o + 1] = UInt8(a.count & 0xFF); out[o + 2] = UInt8(a.count >> 8)
                a.withUnsafeBytes { if $0.count > 0 { UnsafeMutableRawBufferPointer(rebasing: out[(o + 3)..<(o + 3 + a.count)]).copyMemory(from: $0) } }
                o += 3 + a.count
            }
        }
    }

    /// A public locator for a bound phone or e-mail: Argon2id (the vault's cost) over the
    /// canonical contact, salted with a value derived from the vault id. One run per lookup;
    /// whoever holds the vault file can test a guessed contact at the same cost.
    func contactLocator(_ contact: RecoveryContact) throws -> [UInt8] {
        let salt = Hash.blake2b(Array(Derivation.contactLocatorSalt.utf8) + file.header.vaultId, length: Argon2id.saltBytes)
        let input = try SecretBytes(utf8: contact.locatorInput)
        return try Argon2id.deriveKey(password: input, salt: salt, parameters: file.header.kdf, length: 16).unsafeCopyBytes()
    }

    func questionSet(operatorId: [UInt8]) throws -> RecoveryQuestionSet? {
        try record(.recoveryQuestions, RecoveryQuestionSet.self, subject: RecoverySubjects.questions(operatorId), keys: nil)
    }

    func allQuestionSets() throws -> [RecoveryQuestionSet] {
        try records(.recoveryQuestions, RecoveryQuestionSet.self, keys: nil).map(\.value).sorted { $0.name < $1.name }
    }

    /// Removes an operator's question slots and record (role change, removal, new set-up).
    func dropRecoveryQuestions(operatorId: [UInt8], change: inout Change) throws {
        guard let set = try questionSet(operatorId: operatorId) else { return }
        for s in set.subsets { if let id = [UInt8](hexString: s.slot) { change.removeSlot(id) } }
        change.remove(subject: RecoverySubjects.questions(operatorId))
    }

    /// The questions of an operator, for display (nil when none are set up).
    public func recoveryQuestions(of name: String) throws -> (questions: [String], required: Int)? {
        guard let slot = try operatorSlot(named: name), let set = try questionSet(operatorId: slot.operatorId) else { return nil }
        return (set.questions, set.required)
    }

    /// Tries answers against a question set: every k-subset whose answers were all given is
    /// tried (one Argon2id run each); a subset with a skipped answer costs a dummy run, so the
    /// time does not depend on which answers were given. Returns the keys, or nil.
    func tryAnswers(_ set: RecoveryQuestionSet, answers: [SecretBytes?]) throws -> (KeyRing, Keyslot)? {
        let normalized: [SecretBytes?] = try answers.map { a in try a.flatMap { try AnswerNormalizer.normalize($0) }.flatMap { $0.count == 0 ? nil : $0 } }
        guard normalized.count == set.questions.count else { return nil }
        let slots = try keyslots()
        var found: (KeyRing, Keyslot)?
        for s in set.subsets {
            guard let secret = try Vault.subsetSecret(s.indices, answers: normalized),
                  let slot = slots.first(where: { $0.id.hexString == s.slot && $0.type == .recoveryQuestions }) else {
                try dummyKDF()
                continue
            }
            if found != nil { try dummyKDF(); continue }
            if let (ring, _) = try? slot.unwrap(password: secret, vaultId: file.header.vaultId) { found = (ring, slot) }
        }
        return found
    }

    /// One Argon2id run at the vault's cost on random input, to keep timings alike.
    func dummyKDF() throws {
        _ = try KeyslotKDF.derive(password: try SecretBytes.random(count: 16), salt: SecureRandom.bytes(Argon2id.saltBytes),
                                  parameters: file.header.kdf, floor: KDFPolicy.floor)
    }

    /// The questions shown for a contact that no operator's questions match: three built-in
    /// questions picked by a hash of the locator (so the same contact always gets the same
    /// ones), two required, like the default set-up.
    func decoyQuestionSet(locator: [UInt8]) -> RecoveryQuestionSet {
        let h = Hash.blake2b(Array("vaultcli decoy questions".utf8) + file.header.vaultId + locator, length: 32)
        var pool = RecoveryQuestionCatalog.builtin
        var picked: [String] = []
        for i in 0..<3 {
            let j = Int(h[i]) % pool.count
            picked.append(pool.remove(at: j).text)
        }
        let subsets = combinations(3, RecoveryQuestionLimits.defaultRequired).map {
            RecoveryQuestionSet.Subset(indices: $0, slot: SecureRandom.bytes(16).hexString)
        }
        return RecoveryQuestionSet(operatorId: "", name: "", questions: picked, required: RecoveryQuestionLimits.defaultRequired,
                                   subsets: subsets, contactLocators: [], createdAt: Date(timeIntervalSince1970: 0))
    }
}

extension RecoveryMaterial {
    /// Sets up (or replaces) the logged-in operator's recovery questions: `answers[i]` answers
    /// `questions[i]`; any `required` of them will unwrap the operator's keys. `password` is
    /// the operator's current password (an answer may not equal it).
    public func setUpQuestions(password: SecretBytes, questions: [String], answers: [SecretBytes],
                               required: Int, now: Date = Date()) throws {
        guard session.operatorId != [UInt8](repeating: 0, count: 16), let pk = session.personalKey else {
            throw RecoveryError.setup(.notAnOperator)
        }
        let n = questions.count
        let L = RecoveryQuestionLimits.self
        guard (L.minQuestions...L.maxQuestions).contains(n) else {
            throw RecoveryError.setup(.questionCount(min: L.minQuestions, max: L.maxQuestions, given: n))
        }
        guard answers.count == n else { throw RecoveryError.setup(.answerCount(questions: n, answers: answers.count)) }
        guard (L.minRequired...n).contains(required) else {
            throw RecoveryError.setup(.requiredRange(min: L.minRequired, max: n, given: required))
        }
        guard binomial(n, required) <= L.maxSubsets else {
            throw RecoveryError.setup(.tooManySlots(required: required, questions: n, slots: binomial(n, required), max: L.maxSubsets))
        }
        // Questions: non-empty, printable, distinct.
        var seenQ = Set<String>()
        let qs = try questions.enumerated().map { (i, q) -> String in
            let t = q.trimmed(.whitespacesAndNewlines)
            guard !t.isEmpty else { throw RecoveryError.setup(.questionEmpty(i + 1)) }
            guard t.utf8.count <= L.maxQuestionBytes else { throw RecoveryError.setup(.questionTooLong(i + 1, maxBytes: L.maxQuestionBytes)) }
            guard !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw RecoveryError.setup(.questionControl(i + 1))
            }
            guard seenQ.insert(AnswerNormalizer.normalize(t)).inserted else { throw RecoveryError.setup(.questionTwice(i + 1)) }
            return t
        }
        // Answers: normalised, then refused when trivial.
        let profile = try vault.unlocked(by: session).operators.profile(named: session.operatorName)
        // The normalised answers are kept in locked memory and compared there in constant time.
        let user = try SecretBytes(utf8: AnswerNormalizer.normalize(profile.name))
        let pw = try AnswerNormalizer.normalize(password)
        var normalized: [SecretBytes] = []
        for (i, a) in answers.enumerated() {
            var characters = 0, common = false
            guard let t = try AnswerNormalizer.normalize(a, inspect: { t in
                characters = t.count
                common = PasswordData.blocklist.contains(t) || PasswordData.blocklist.contains(t.replacing(" ", with: ""))
            }) else { throw RecoveryError.trivialAnswer(question: i + 1, reason: .notText) }
            let reason: RecoveryError.TrivialAnswer? =
                characters < L.minAnswerCharacters ? .shorterThan(L.minAnswerCharacters) :
                t.count > L.maxAnswerBytes ? .longerThan(bytes: L.maxAnswerBytes) :
                t == user ? .userName :
                pw.map { t == $0 } == true ? .password :
                common ? .common :
                normalized.contains(where: { $0 == t }) ? .sameAsAnother : nil
            if let reason { throw RecoveryError.trivialAnswer(question: i + 1, reason: reason) }
            normalized.append(t)
        }
        // One slot per k-subset, each wrapping the operator's own keys (role keys, audit key
        // for managers and admins, personal key).
        // Each slot holds only the personal key, which opens the operator's envelope (A.10).
        let ring = KeyRing()
        ring.personalKey = pk
        var subsets: [RecoveryQuestionSet.Subset] = []
        var change = Change()
        try vault.dropRecoveryQuestions(operatorId: session.operatorId, change: &change)
        let answers: [SecretBytes?] = normalized
        for idx in combinations(n, required) {
            guard let secret = try Vault.subsetSecret(idx, answers: answers) else { continue }
            let (slot, _) = try Keyslot.makePasswordSlot(vaultId: vault.file.header.vaultId, type: .recoveryQuestions, role: session.role,
                                                         operatorId: session.operatorId, name: session.operatorName,
                                                         password: secret, parameters: vault.file.header.kdf, keys: ring)
            change.putSlot(slot)
            subsets.append(.init(indices: idx, slot: slot.id.hexString))
        }
        var locators: [String] = []
        if let p = profile.phone, let c = try? RecoveryContact(phone: p) { locators.append(try vault.contactLocator(c).hexString) }
        if let e = profile.email, let c = try? RecoveryContact(email: e) { locators.append(try vault.contactLocator(c).hexString) }
        let set = RecoveryQuestionSet(operatorId: session.operatorId.hexString, name: session.operatorName, questions: qs, required: required,
                                      subsets: subsets, contactLocators: locators, createdAt: now)
        try change.put(.recoveryQuestions, subject: RecoverySubjects.questions(session.operatorId), keyClass: .none, set)
        try change.audit(AuditEvent(time: now, actor: session.operatorName, action: "recover.setup", target: session.operatorName,
                                    detail: "\(n) questions, \(required) answers required"))
        try vault.commit(change, keys: session.keys)
    }
}
