import Catalog
import Vault

/// The password policy's and the generator's errors in the catalog's language (a broken rule
/// of the policy itself: `PolicyText`).
extension ErrorText {
    static func render(_ e: PolicyError) -> (String, [String]) {
        switch e {
        case .unknownKey(let k, let known): return (tr(.peUnknownKey, k), [tr(.peUnknownKeyHint, known.joined(separator: ", "))])
        case .invalidValue(let k, let v, let x):
            let expected = switch x {
            case "a whole number": tr(.peWholeNumber)
            case "on or off": tr(.peOnOff)
            case "HH:MM-HH:MM in local time (for example 08:00-22:00), or off": tr(.peHours)
            default: x
            }
            return (tr(.peInvalid, v, k, expected), [tr(.peInvalidHint)])
        case .belowFloor(let k, let v, let f, let s): return (tr(.peBelowFloor, k, v, f, s), [tr(.peBelowFloorHint, f)])
        case .aboveCeiling(let k, let v, let c, let s): return (tr(.peAboveCeiling, k, v, c, s), [tr(.peAboveCeilingHint, c)])
        case .cannotDisable(let k, let s): return (tr(.peCannotDisable, k, s), [tr(.peCannotDisableHint)])
        }
    }

    static func render(_ e: GeneratorError) -> (String, [String]) {
        switch e {
        case .outOfRange(let w, let v, let r): (tr(.geOutOfRange, w, r.lowerBound, r.upperBound, v), [tr(.geOutOfRangeHint, w, r.lowerBound, r.upperBound)])
        case .noClasses: (tr(.geNoClasses), [tr(.geNoClassesHint)])
        case .tooShortForClasses(let n, let k): (tr(n == 1 ? .geTooShortOne : .geTooShortMany, n, k), [tr(.geTooShortHint, k)])
        case .classEmptied(let c): (tr(.geClassEmptied, c.rawValue), [tr(.geClassEmptiedHint, c.rawValue)])
        case .nothingLeft: (tr(.geNothingLeft), [tr(.geNothingLeftHint)])
        case .separatorHasLetters: (tr(.geSepLetters), [tr(.geSepLettersHint)])
        case .separatorHasDigits: (tr(.geSepDigits), [tr(.geSepDigitsHint)])
        case .separatorHasControl: (tr(.geSepControl), [tr(.geSepHint)])
        case .separatorTooLong(let n): (tr(.geSepTooLong, n), [tr(.geSepHint)])
        case .filterRejectsEverything: (tr(.geFilter), [tr(.geFilterHint)])
        }
    }
}
