import Catalog
import Vault

/// A broken rule of the password policy, in the catalog's language (the library's
/// `PolicyViolation.message` is the English one).
enum PolicyText {
    static func render(_ v: PolicyViolation) -> String {
        switch v {
        case .notText: tr(.polNotText)
        case .tooShort(let n, let min): tr(n == 1 ? .polTooShortOne : .polTooShortMany, n, min)
        case .tooLong(let n, let max): tr(.polTooLong, n, max)
        case .missingClasses(let c): tr(.polNeeds, list(c.map(className)))
        case .commonPassword: tr(.polCommon)
        case .personalData(let k): tr(.polPersonal, personal(k))
        case .date: tr(.polDate)
        case .repeatedCharacters: tr(.polRepeats)
        case .sequence: tr(.polSequence)
        case .keyboardWalk: tr(.polKeyboard)
        case .tooGuessable(let s, let min): tr(.polGuessable, s, min)
        case .reusedPassword(let n): tr(.opReused, n)
        case .chineseHabits(let h): tr(.polChinese, list(h.map(habit)))
        }
    }

    static func className(_ c: CharacterClassRequirement) -> String {
        switch c {
        case .letter: tr(.clsLetter)
        case .digit: tr(.clsDigit)
        case .symbol: tr(.clsSymbol)
        case .uppercase: tr(.clsUppercase)
        case .lowercase: tr(.clsLowercase)
        }
    }

    static func personal(_ k: PersonalDataKind) -> String {
        switch k {
        case .username: tr(.pdUsername)
        case .phone: tr(.pdPhone)
        case .phoneDigits: tr(.pdPhoneDigits)
        case .emailName: tr(.pdEmailName)
        case .birthday: tr(.pdBirthday)
        case .name: tr(.pdName)
        case .terminalId: tr(.pdTerminalId)
        case .merchantName: tr(.pdMerchantName)
        }
    }

    static func habit(_ h: ChineseHabit) -> String {
        switch h {
        case .name: tr(.habitName)
        case .word: tr(.habitWord)
        case .number: tr(.habitNumber)
        case .place: tr(.habitPlace)
        case .brand: tr(.habitBrand)
        case .hotline: tr(.habitHotline)
        }
    }

    /// "a, b and c" (English); "a、b和c" (zh-Hans).
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: tr(.listTwo, items.dropLast().joined(separator: tr(.listSeparator)), items.last!)
        }
    }
}
