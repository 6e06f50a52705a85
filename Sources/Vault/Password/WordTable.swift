import Glibc

/// A set of word lists looked up by the words' UTF-8 bytes: one open-addressing hash table over
/// the lists' text, with no String or array made per word. Building it from the compiled-in
/// lists (about 100,000 words) takes milliseconds, where a [String: ...] dictionary took a large
/// share of `genpass`'s and `check-password`'s run time (issue 12).
///
/// A table is built at run time from lists given as text (tests, user inputs), or is one packed
/// at build time (PackedWordTable: the compiled-in lists, with nothing to build at start-up).
///
/// Lookups follow String equality (canonical equivalence): non-ASCII words and queries are
/// compared in NFC. For each word, `entries` lists the lists that hold it, in list order, each
/// with the word's rank there (its 1-based line number; the last one when a list repeats it).
/// (Its hot paths are optimised in debug builds too: the tests' policy checks run through it.)
final class WordTable: @unchecked Sendable {
    struct Entry {
        var list: Int32
        var rank: Int32
        var next: Int32
    }

    private struct Slot {
        var start: Int32 = -1
        var length: Int32 = 0
        var head: Int32 = -1
        var tail: Int32 = -1
    }

    /// Every word's bytes, one after another.
    private var bytes: [UInt8] = []
    private var slots: [Slot]
    private var chain: [Entry] = []
    private let mask: Int
    /// The longest word, in Unicode scalars.
    private(set) var maxWordLength = 0
    private(set) var count = 0
    /// Set when the table is one packed at build time (then the arrays above stay empty), with
    /// the one list it is restricted to, if any.
    private let packed: PackedWordTable?
    private let onlyList: Int?

    /// A table packed at build time (see PackedWordTable), or its list `list` alone.
    init(packed: PackedWordTable, list: Int? = nil) {
        self.packed = packed
        onlyList = list
        slots = []
        mask = 0
        if let list {
            count = packed.listCounts[list]
            maxWordLength = packed.maxWordLengths[list]
        } else {
            count = packed.count
            maxWordLength = packed.maxWordLengths.max() ?? 0
        }
    }

    /// `lists`: the text of each list, one word a line (empty lines skipped, not counted).
    /// `lowercase`: store each word lower-cased (as String.lowercased()).
    @_optimize(speed)
    init(lists: [[UInt8]], lowercase: Bool = false) {
        packed = nil
        onlyList = nil
        let lines = lists.reduce(0) { $0 + $1.lazy.filter { $0 == 0x0A }.count + 1 }
        var capacity = 16
        while capacity < lines * 2 { capacity <<= 1 }
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
        bytes.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for (listIndex, text) in lists.enumerated() {
            var rank: Int32 = 0
            var lineStart = 0
            for i in 0...text.count where i == text.count || text[i] == 0x0A {
                defer { lineStart = i + 1 }
                guard i > lineStart else { continue }
                rank += 1
                let line = text[lineStart..<i]
                let simple = line.allSatisfy { $0 < 0x80 && !(lowercase && $0 >= 0x41 && $0 <= 0x5A) }
                if simple {
                    insert(line, list: Int32(listIndex), rank: rank)
                } else {
                    var word = String(decoding: line, as: UTF8.self)
                    if lowercase { word = word.lowercased() }
                    insert(Array(UnicodeFolding.nfc(word).utf8)[...], list: Int32(listIndex), rank: rank)
                }
            }
        }
    }

    /// Convenience for lists given as words.
    convenience init(words lists: [[String]], lowercase: Bool = false) {
        self.init(lists: lists.map { Array($0.joined(separator: "\n").utf8) }, lowercase: lowercase)
    }

    @_optimize(speed)
    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b { h = (h ^ UInt64(x)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The slot that holds `word`, or the empty one where it would go.
    @_optimize(speed)
    private func find(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var i = Self.hash(word) & mask
        return bytes.withUnsafeBufferPointer { all in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let s = slots[i]
                    if s.start < 0 { return i }
                    if Int(s.length) == word.count
                        && (word.count == 0 || memcmp(all.baseAddress! + Int(s.start), word.baseAddress!, word.count) == 0) {
                        return i
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    @_optimize(speed)
    private func find(_ word: ArraySlice<UInt8>) -> Int {
        word.withUnsafeBufferPointer { find($0) }
    }

    @_optimize(speed)
    private func insert(_ word: ArraySlice<UInt8>, list: Int32, rank: Int32) {
        let i = find(word)
        if slots[i].start < 0 {
            slots[i].start = Int32(bytes.count)
            slots[i].length = Int32(word.count)
            bytes.append(contentsOf: word)
            count += 1
            maxWordLength = max(maxWordLength, word.lazy.filter { $0 & 0xC0 != 0x80 }.count)
        }
        let t = slots[i].tail
        if t >= 0 && chain[Int(t)].list == list {
            chain[Int(t)].rank = rank
            return
        }
        chain.append(Entry(list: list, rank: rank, next: -1))
        let e = Int32(chain.count - 1)
        if t >= 0 { chain[Int(t)].next = e } else { slots[i].head = e }
        slots[i].tail = e
    }

    @_optimize(speed)
    private func slot(_ word: String) -> Slot? {
        var key = word
        let i = key.withUTF8 { b in b.contains { $0 >= 0x80 } ? nil : find(b) }
            ?? { key = UnicodeFolding.nfc(word); return key.withUTF8 { find($0) } }()
        let s = slots[i]
        return s.start < 0 ? nil : s
    }

    /// `word` looked up in the packed table: its bytes, or its NFC form's when it is not ASCII
    /// (the packed lists are ASCII, but NFC can make ASCII of other text: U+212A is K).
    private func packedEntries(_ p: PackedWordTable, _ word: String) -> [(dict: Int, rank: Int)] {
        var key = word
        let e = key.withUTF8 { b in b.contains { $0 >= 0x80 } ? nil : p.entries(b, list: onlyList) }
            ?? { key = UnicodeFolding.nfc(word); return key.withUTF8 { p.entries($0, list: onlyList) } }()
        return onlyList == nil ? e : e.map { (0, $0.rank) }
    }

    /// `word` (a slice of a password, already lower-cased) looked up with no String made when
    /// it is ASCII and the table is packed; `extends` is false only when no longer word of the
    /// table starts with it, so that no word can match the slice with more characters after it
    /// (true whenever that is not known).
    @_optimize(speed)
    func lookup(_ word: ArraySlice<Unicode.Scalar>) -> (entries: [(dict: Int, rank: Int)]?, extends: Bool) {
        if let p = packed, word.count <= 64, word.allSatisfy({ $0.isASCII }) {
            // An ASCII slice stays a prefix of the NFC form of any longer text that starts with
            // it, or turns non-ASCII (a mark composed onto its last letter), and the packed lists
            // are ASCII: so no prefix, no longer match.
            let r = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { buf -> (entries: [(dict: Int, rank: Int)], extends: Bool) in
                for (k, s) in word.enumerated() { buf[k] = UInt8(s.value) }
                return p.lookup(UnsafeBufferPointer(buf), list: onlyList)
            }
            let e = onlyList == nil ? r.entries : r.entries.map { (0, $0.rank) }
            return (e.isEmpty ? nil : e, r.extends)
        }
        return (self[StrengthMatching.string(word)], true)
    }

    func contains(_ word: String) -> Bool {
        if let p = packed { return !packedEntries(p, word).isEmpty }
        return slot(word) != nil
    }

    /// (list, rank) for each list that holds `word`, in list order; nil when none does.
    subscript(word: String) -> [(dict: Int, rank: Int)]? {
        if let p = packed {
            let e = packedEntries(p, word)
            return e.isEmpty ? nil : e
        }
        guard let s = slot(word) else { return nil }
        var out: [(dict: Int, rank: Int)] = []
        var e = s.head
        while e >= 0 {
            out.append((Int(chain[Int(e)].list), Int(chain[Int(e)].rank)))
            e = chain[Int(e)].next
        }
        return out
    }
}

/// A word table packed at build time (Resources/word-tables.txt, packed by
/// Sources/embed-resources): looked up in place in the binary's read-only data, so nothing is
/// built when vaultcli starts or first rates a password. It is the lists' only copy in the
/// binary: a list's text is rebuilt from it when asked for (`text(ofList:)`).
///
/// Every distinct word once, sorted by its bytes, front-coded in blocks of `blockSize` words
/// (the first word of a block whole): the length of the prefix it shares with the word before,
/// the length of the rest and the rest's bytes, then its records, one per list that holds it
/// ((rank << listBits | list) << 1 | more). A lookup is a binary search over the blocks' first
/// words, then a walk through one block. Numbers are fixed-width, little-endian, 7 bits a byte
/// (so that they fit a string literal).
struct PackedWordTable: @unchecked Sendable {
    /// The lists (paths under Resources/), in order.
    let lists: [String]
    /// Distinct words in the table, and in each list (a list holds each word once: its ranks).
    let count: Int
    let listCounts: [Int]
    /// The longest word of each list, in bytes (the words are ASCII: in characters too).
    let maxWordLengths: [Int]
    private let blockSize: Int
    private let blockStarts: UnsafeBufferPointer<UInt8>
    private let listBits: Int
    private let recordWidth: Int
    private let words: UnsafeBufferPointer<UInt8>

    init(lists: [String], count: Int, listCounts: [Int], maxWordLengths: [Int],
         blockSize: Int, blockStarts: StaticString, listBits: Int, recordWidth: Int, words: StaticString) {
        func buffer(_ s: StaticString) -> UnsafeBufferPointer<UInt8> {
            precondition(s.hasPointerRepresentation)
            return UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
        }
        self.lists = lists
        self.count = count
        self.listCounts = listCounts
        self.maxWordLengths = maxWordLengths
        self.blockSize = blockSize
        self.blockStarts = buffer(blockStarts)
        self.listBits = listBits
        self.recordWidth = recordWidth
        self.words = buffer(words)
    }

    /// The table `name` of Resources/word-tables.txt.
    static func named(_ name: String) -> PackedWordTable {
        guard let t = all[name] else {
            fatalError("vaultcli was built without the word table \"\(name)\" (Resources/word-tables.txt); rebuild it from a complete source tree")
        }
        return t
    }

    private static let damaged = "vaultcli was built with a damaged word table (Resources/word-tables.txt); rebuild it from a complete source tree"

    @inline(__always)
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, width: Int) -> Int {
        var v = 0
        for k in 0..<width { v |= Int(b[at + k]) << (7 * k) }
        return v
    }

    /// The number of ranks of list `list`.
    func ranks(_ list: Int) -> Int { listCounts[list] }

    private var blockCount: Int { blockStarts.count / 3 }
    private func blockStart(_ b: Int) -> Int { Self.number(blockStarts, 3 * b, width: 3) }

    /// The first word of block `b` (whole) against `query`: <0, 0 or >0 as it sorts before, as
    /// or after it.
    @_optimize(speed)
    private func compareFirst(block b: Int, _ query: UnsafeBufferPointer<UInt8>) -> Int {
        let at = blockStart(b)
        let length = Int(words[at + 1])
        let common = min(length, query.count)
        let c = common == 0 ? 0 : memcmp(words.baseAddress! + at + 2, query.baseAddress!, common)
        if c != 0 { return Int(c) }
        return length - query.count
    }

    /// Walks the words from `at` (the start of a block) in order: `body` sees each word (in
    /// `word`'s first bytes) and the offset of its records, and returns false to stop. Returns
    /// where the walk stopped (the offset after the last word seen).
    @_optimize(speed)
    private func walk(from at: Int, into word: UnsafeMutableBufferPointer<UInt8>,
                      _ body: (_ length: Int, _ records: Int) -> Bool) -> Int {
        var at = at
        while at < words.count {
            let shared = Int(words[at]), rest = Int(words[at + 1])
            guard shared + rest <= word.count, at + 2 + rest <= words.count else { fatalError(Self.damaged) }
            for k in 0..<rest { word[shared + k] = words[at + 2 + k] }
            at += 2 + rest
            let records = at
            while Self.number(words, at, width: recordWidth) & 1 == 1 { at += recordWidth }
            at += recordWidth
            if !body(shared + rest, records) { return at }
        }
        return at
    }

    /// The records from `at`, as (list, rank), in list order (only `list`'s when given).
    private func records(at: Int, list: Int?) -> [(dict: Int, rank: Int)] {
        var out: [(dict: Int, rank: Int)] = []
        var at = at
        while true {
            let v = Self.number(words, at, width: recordWidth)
            let l = (v >> 1) & (1 << listBits - 1)
            if list == nil || l == list { out.append((l, v >> (1 + listBits))) }
            if v & 1 == 0 { return out }
            at += recordWidth
        }
    }

    /// (list, rank) for each list that holds `query`, in list order (only `list`'s when given).
    @_optimize(speed)
    func entries(_ query: UnsafeBufferPointer<UInt8>, list: Int? = nil) -> [(dict: Int, rank: Int)] {
        lookup(query, list: list).entries
    }

    /// The entries of `query`, and whether a longer word of the table starts with it (words
    /// sort right after their prefixes: the word after `query`'s place tells).
    @_optimize(speed)
    func lookup(_ query: UnsafeBufferPointer<UInt8>, list: Int? = nil) -> (entries: [(dict: Int, rank: Int)], extends: Bool) {
        // The last block whose first word does not sort after `query` (or the first block).
        var lo = 0, hi = blockCount
        while lo < hi {
            let mid = (lo + hi) / 2
            if compareFirst(block: mid, query) <= 0 { lo = mid + 1 } else { hi = mid }
        }
        guard blockCount > 0 else { return ([], false) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { word in
            var entries: [(dict: Int, rank: Int)] = []
            var found = false, extends = false
            _ = walk(from: blockStart(max(lo - 1, 0)), into: word) { length, records in
                let common = min(length, query.count)
                var c = common == 0 ? 0 : Int(memcmp(word.baseAddress!, query.baseAddress!, common))
                if c == 0 { c = length - query.count }
                if c < 0 { return true }
                if c == 0 && !found {
                    found = true
                    entries = self.records(at: records, list: list)
                    return true
                }
                // The first word after `query`'s place.
                extends = length > query.count && common == query.count
                    && (common == 0 || memcmp(word.baseAddress!, query.baseAddress!, common) == 0)
                return false
            }
            return (entries, extends)
        }
    }

    /// The words of list `list` by rank (the first is rank 1).
    func wordsByRank(_ list: Int) -> [[UInt8]] {
        var out = [[UInt8]](repeating: [], count: listCounts[list])
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { word in
            _ = walk(from: 0, into: word) { length, at in
                for r in records(at: at, list: list) {
                    guard r.rank >= 1 && r.rank <= out.count else { fatalError(Self.damaged) }
                    out[r.rank - 1] = Array(word[0..<length])
                }
                return true
            }
        }
        guard out.allSatisfy({ !$0.isEmpty }) else { fatalError(Self.damaged) }
        return out
    }

    /// The text of list `list`'s file, byte for byte: its words by rank, each on a line.
    func text(ofList list: Int) -> [UInt8] {
        var out: [UInt8] = []
        for w in wordsByRank(list) { out += w; out.append(0x0A) }
        return out
    }
}
