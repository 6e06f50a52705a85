import FoundationEssentials
import Glibc

// One pattern found in a password (zxcvbn's match dictionary), and the ranked word lists the
// dictionary matchers look words up in. Ported from zxcvbn-python 4.4.28's matching.py (MIT; (c)
// 2012-2013 Dropbox, Inc., 2016 Daniel Wolf).

/// One pattern found in a password, as zxcvbn's match dictionaries.
struct StrengthMatch {
    /// `chinese`: the Chinese-habits layer's matches (ChineseHabits.swift), never made by omnimatch.
    enum Pattern: String { case dictionary, spatial, `repeat`, sequence, regex, date, bruteforce, chinese }

    var pattern: Pattern
    var i: Int
    var j: Int
    /// A slice of the password (shares its storage: cheap to make).
    var token: ArraySlice<Unicode.Scalar>

    // dictionary
    var matchedWord: String = ""
    var rank: Int = 0
    var dictionaryName: String = ""
    var reversed = false
    var l33t = false
    /// l33t substitutions in use: (substituted character, letter), in zxcvbn's order.
    var sub: [(Unicode.Scalar, Unicode.Scalar)] = []
    // spatial
    var graph: String = ""
    var turns = 0
    var shiftedCount = 0
    // repeat
    var baseToken: [Unicode.Scalar] = []
    var baseGuesses: Double = 0
    var baseMatches: [StrengthMatch] = []
    var repeatCount: Double = 0
    // sequence
    var sequenceName = ""
    var sequenceSpace = 0
    var ascending = false
    // regex
    var regexName = ""
    // date
    var separator: String = ""
    var year = 0
    var month = 0
    var day = 0

    /// Guesses for this match inside a password of the given length (filled by scoring).
    var guesses: Double = 0
    var guessesLog10: Double = 0
}

/// zxcvbn's ranked dictionaries as one lookup table: each word maps to its rank in each list
/// that has it (see WordTable).
final class RankedDictionaries: @unchecked Sendable {
    let names: [String]
    let table: WordTable
    var maxWordLength: Int { table.maxWordLength }

    init(_ lists: [(name: String, words: [String])]) {
        names = lists.map(\.name)
        table = WordTable(words: lists.map(\.words))
    }

    init(names: [String], texts: [[UInt8]]) {
        self.names = names
        table = WordTable(lists: texts)
    }

    init(names: [String], packed: PackedWordTable) {
        self.names = names
        table = WordTable(packed: packed)
    }

    /// The compiled-in lists, packed at build time (Resources/word-tables.txt): nothing is built
    /// when a password is first rated.
    static let shared: RankedDictionaries = {
        let names = PasswordData.lines("dictionaries", subdirectory: "zxcvbn")
        let packed = PackedWordTable.named("zxcvbn")
        guard packed.lists == names.map(PasswordData.dictionaryPath) else {
            fatalError("vaultcli was built with Resources/word-tables.txt out of step with zxcvbn/dictionaries.txt (\(packed.lists) against \(names)); rebuild it from a complete source tree")
        }
        return RankedDictionaries(names: names, packed: packed)
    }()
}
