import XCTest
@testable import Vault

/// Local time, cell widths and cutting, and the import's text handling (issue 13, points 2-4),
/// below the CLI.
final class ShopTextTests: XCTestCase {
    /// Cutting by terminal cells: a wide character is never split, combining marks stay with
    /// their base, `…` takes one cell, and text that fits is left alone.
    func testCutByTerminalCellsWithMixedChineseAndASCII() {
        XCTAssertEqual(CellWidth.cut("王芳王芳王", to: 5), "王芳…")
        XCTAssertEqual(CellWidth.of(CellWidth.cut("王芳王芳王", to: 6)), 5, "a wide character that would pass the edge is left out")
        XCTAssertEqual(CellWidth.cut("王芳王芳王", to: 10), "王芳王芳王")
        XCTAssertEqual(CellWidth.cut("拉卡拉POS-0001", to: 8), "拉卡拉P…")
        XCTAssertEqual(CellWidth.cut("ab拉卡", to: 4), "ab…")
        XCTAssertEqual(CellWidth.cut("e\u{301}e\u{301}e\u{301}e\u{301}", to: 3), "e\u{301}e\u{301}…")
        XCTAssertEqual(CellWidth.cut("abcdef", to: 1), "…")
        XCTAssertEqual(CellWidth.cut("abcdef", to: 0), "")
        for s in ["小美 and 王芳", "拉卡拉商户平台", "ＡＢＣ全角", "mixed 中文 text é\u{301}"] {
            for w in 1...16 {
                let c = CellWidth.cut(s, to: w)
                XCTAssertLessThanOrEqual(CellWidth.of(c), w, "\(s) to \(w)")
                if c != s { XCTAssertTrue(s.unicodeScalars.starts(with: c.unicodeScalars.dropLast()), "\(s) to \(w): \(c)") }
            }
        }
    }

    func testTableFitNarrowsTheWidestColumnsFirst() {
        XCTAssertEqual(TableLayout.fit([10, 30, 8], limit: nil), [10, 30, 8])
        XCTAssertEqual(TableLayout.fit([10, 30, 8], limit: 100), [10, 30, 8])
        // 10 + 30 + 8 + 2 gaps of 2 = 52: 12 cells to lose, all from the widest.
        XCTAssertEqual(TableLayout.fit([10, 30, 8], limit: 40), [10, 18, 8])
        // Never below the minimum (6, or a narrower column's own width).
        XCTAssertEqual(TableLayout.fit([10, 30, 4], limit: 10), [6, 6, 4])
        XCTAssertEqual(TableLayout.fit([25, 18], floors: [25, 6], limit: 20), [25, 6])
    }

    /// Local time with its offset, and the local calendar, from the C library's zone.
    func testLocalTimeAndCalendarInShanghaiAndNewYork() throws {
        setenv("TZ", "Asia/Shanghai", 1); tzset()
        defer { unsetenv("TZ"); tzset(); LocalTime.mode = .local }
        LocalTime.mode = .local
        let sale = try TxTime.instant("2026-11-22T12:30:00Z")
        XCTAssertEqual(LocalTime.string(sale), "2026-11-22 20:30:00+08:00")
        XCTAssertEqual(LocalTime.day(try TxTime.instant("2026-11-22T16:01:00Z")), "2026-11-23")
        XCTAssertEqual(try LocalTime.parse("2026-11-23"), .date(try TxTime.instant("2026-11-22T16:00:00Z")))
        XCTAssertEqual(try LocalTime.parse("2026-11-22 20:30"), .instant(sale))
        XCTAssertEqual(try LocalTime.parse("2026-11-22T12:30:00Z"), .instant(sale))
        XCTAssertEqual(try LocalTime.parse("2026/11/22 20:30"), .instant(sale))
        XCTAssertEqual(try LocalTime.parse("2026/11/23"), .date(try TxTime.instant("2026-11-22T16:00:00Z")))
        XCTAssertThrowsError(try LocalTime.parse("yesterday"))
        XCTAssertThrowsError(try LocalTime.parse("2026/13/01"))
        LocalTime.mode = .utc
        XCTAssertEqual(LocalTime.string(sale), "2026-11-22 12:30:00Z")
        XCTAssertEqual(try LocalTime.parse("2026-11-23"), .date(try TxTime.instant("2026-11-23T00:00:00Z")))
        // Daylight saving: New York's offset follows the date, and so do its days.
        LocalTime.mode = .local
        setenv("TZ", "America/New_York", 1); tzset()
        XCTAssertEqual(LocalTime.string(try TxTime.instant("2026-07-01T16:00:00Z")), "2026-07-01 12:00:00-04:00")
        XCTAssertEqual(LocalTime.string(try TxTime.instant("2026-12-01T17:00:00Z")), "2026-12-01 12:00:00-05:00")
        XCTAssertEqual(try LocalTime.parse("2026-07-01"), .date(try TxTime.instant("2026-07-01T04:00:00Z")))
        XCTAssertEqual(LocalTime.nextDay(after: try TxTime.instant("2026-11-01T04:00:00Z")), try TxTime.instant("2026-11-02T05:00:00Z"),
                       "the day the clocks go back has 25 hours")
        var zone = LocalTime.Zone()
        for t in stride(from: try TxTime.instant("2026-10-31T00:00:00Z"), to: try TxTime.instant("2026-11-03T00:00:00Z"), by: 1800) {
            XCTAssertEqual(zone.offset(t), LocalTime.systemOffset(t), "\(t)")
        }
    }

    /// What a POS export or Excel writes, read as the import format.
    func testPOSTimesAndAmountsAreNormalised() {
        XCTAssertEqual(TxImportText.normalizeTime("2026/11/22 20:30"), "2026-11-22T20:30:00")
        XCTAssertEqual(TxImportText.normalizeTime("2026/1/5 8:05:09"), "2026-01-05T08:05:09")
        XCTAssertEqual(TxImportText.normalizeTime("20261122 203000"), "2026-11-22T20:30:00")
        XCTAssertEqual(TxImportText.normalizeTime("2026/11/22"), "2026-11-22")
        XCTAssertNil(TxImportText.normalizeTime("22/11/2026 20:30"))
        XCTAssertNil(TxImportText.normalizeTime("yesterday"))
        XCTAssertEqual(TxImportText.normalizeAmount("￥1,288.00"), "1288.00")
        XCTAssertEqual(TxImportText.normalizeAmount("88.00元"), "88.00")
        XCTAssertNil(TxImportText.normalizeAmount("88.00"))
        XCTAssertNil(TxImportText.normalizeAmount("1,28.00"), "a comma that is not a thousands separator is not dropped")
        XCTAssertEqual(TxColumn.named(" 交易时间 "), .time)
        XCTAssertEqual(TxColumn.named("Amount"), .amount)
        XCTAssertNil(TxColumn.named("手续费"))
    }
}
