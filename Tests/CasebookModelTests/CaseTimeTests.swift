import Foundation
import Testing
@testable import CasebookModel

@Suite("CaseTime")
struct CaseTimeTests {
    @Test("accepts years, months, days and full UTC times", arguments: [
        "2018", "0001", "2018-06", "2018-12", "2018-06-19", "2018-01-31", "2018-06-19T14:03:00Z",
        "2018-06-19T00:00:00Z", "2018-06-19T23:59:59Z", "2016-12-31T23:59:60Z",
        "2018-06-19T14:03:00.5Z", "2018-06-19T14:03:00.123456789Z",
        "2018-06-19T14:03:00+09:00", "2018-06-19T14:03:00-05:00", "2018-06-19T14:03:00.25+00:00",
    ])
    func valid(text: String) {
        #expect(CaseTime.isValid(text))
    }

    @Test("refuses impossible months, days, times and garbage", arguments: [
        "", "18", "201", "20180", "2018-", "2018-6", "2018-00", "2018-13", "2018-06-00", "2018-06-32",
        "2018-06-1", "2018/06/19", "20180619", "2018-06-19T", "2018-06-19 14:03:00Z",
        "2018-06-19T24:00:00Z", "2018-06-19T14:60:00Z", "2018-06-19T14:03:61Z", "2018-06-19T14:03Z",
        "2018-06-19T14:03:00", "2018-06-19T14:03:00z", "2018-06-19T14:03:00.Z", "2018-06-19T14:03:00ZZ",
        "2018-06-19T14:03:00+0900", "2018-06-19T14:03:00+09", "2018-06-19T14:03:00+09:00x",
        "2018-06-19T14:03:00+09-00", "2018-06-19T14:03:00 09:00", "2018-06-19T14:03:00+9:00",
        "yesterday", "June 2018", "２０１８", "2018-06-19T14:03:00Zjunk",
    ])
    func invalid(text: String) {
        #expect(!CaseTime.isValid(text))
    }

    @Test("refuses days that do not exist in their month", arguments: [
        "2018-02-30", "2019-02-29", "2018-04-31", "2018-06-31T12:00:00Z",
    ])
    func impossibleCalendarDays(text: String) {
        #expect(!CaseTime.isValid(text), "\(text) is not a real calendar day")
    }

    @Test("accepts 29 February in a leap year")
    func leapDay() {
        #expect(CaseTime.isValid("2020-02-29"))
        #expect(CaseTime.isValid("2000-02-29T00:00:00Z"))
    }

    @Test("formats a fixed instant as UTC to the second")
    func format() {
        #expect(CaseTime.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(CaseTime.format(Date(timeIntervalSince1970: 1_000_000_000)) == "2001-09-09T01:46:40Z")
        #expect(CaseTime.format(Date(timeIntervalSince1970: 1_529_417_007)) == "2018-06-19T14:03:27Z")
        // Pads single-digit fields and drops the fraction of a second.
        #expect(CaseTime.format(Date(timeIntervalSince1970: 946_688_461.75)) == "2000-01-01T01:01:01Z")
    }

    @Test("what format writes, isValid accepts")
    func formatIsValid() {
        for seconds in stride(from: 0.0, to: 4_000_000_000, by: 123_456_789.0) {
            let text = CaseTime.format(Date(timeIntervalSince1970: seconds))
            #expect(CaseTime.isValid(text), "\(text)")
        }
    }

    @Test("the year of a time or date, for grouping")
    func year() {
        #expect(CaseTime.year("2018-06-19T14:03:00Z") == 2018)
        #expect(CaseTime.year("2017") == 2017)
        #expect(CaseTime.year(nil) == nil)
        #expect(CaseTime.year("201") == nil)
        #expect(CaseTime.year("abcd-01") == nil)
    }

    /// Validation checks a packed time from its digits (PackedTime.isValid): the same answer as
    /// the text's, at every edge of every field.
    @Test("a packed time is valid exactly when its text is")
    func packedTimesAgreeWithTheirText() {
        var checked = 0, valid = 0
        for year in [0, 1, 1900, 2000, 2023, 2024, 2100, 9999] {
            for month in 0...13 {
                for day in 0...32 {
                    for (hour, minute, second) in [(0, 0, 0), (23, 59, 60), (24, 0, 0), (0, 60, 0), (0, 0, 61), (99, 99, 99), (12, 30, 59)] {
                        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
                        let y = String(repeating: "0", count: 4 - String(year).count) + String(year)
                        let text = "\(y)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
                        let packed = PackedTime(text)
                        guard case .key = packed else { Issue.record("\(text) not packed"); continue }
                        #expect(packed.isValid == CaseTime.isValid(text), "\(text)")
                        checked += 1
                        if packed.isValid { valid += 1 }
                    }
                }
            }
        }
        #expect(checked == 8 * 14 * 33 * 7 && valid > 1000 && valid < checked)
        #expect(PackedTime("2018-06-19").isValid && !PackedTime("2018-13").isValid && PackedTime("2018-06-19T14:03:00+09:00").isValid)
    }
}
