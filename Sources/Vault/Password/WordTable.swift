import Glibc

/// A set of word lists looked up by the words' UTF-8 bytes: one open-addressing hash table over
/// the lists' text, with no String or array made per word. Building it from the compiled-in
/// lists (about 100,000 words) takes milliseconds, where a [String: ...] dictionary took a large
/// share of `genpass`'s and `check-password`'s run time (issue 12).
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

    /// `lists`: the text of each list, one word a line (empty lines skipped, not counted).
    /// `lowercase`: store each word lower-cased (as String.lowercased()).
    @_optimize(speed)
    init(lists: [[UInt8]], lowercase: Bool = false) {
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

    func contains(_ word: String) -> Bool { slot(word) != nil }

    /// (list, rank) for each list that holds `word`, in list order; nil when none does.
    subscript(word: String) -> [(dict: Int, rank: Int)]? {
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
