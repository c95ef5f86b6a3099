import Foundation

/// Times in a case are ISO 8601 text, kept as written so nothing is rounded: a full UTC time
/// (`2018-06-19T14:03:00Z`, optional fraction), a date (`2018-06-19`), a month (`2018-06`) or a
/// year (`2018`), since a source often gives no more than that. UTC text sorts as it reads.
public enum CaseTime {
    public static func isValid(_ text: String) -> Bool {
        // Read in place (validate() checks a time per transfer: no array per call).
        if let valid = text.utf8.withContiguousStorageIfAvailable({ isValid(utf8: $0) }) { return valid }
        return Array(text.utf8).withUnsafeBufferPointer { isValid(utf8: $0) }
    }

    static func isValid(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var v = 0
            for i in range {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        func at(_ i: Int, _ c: Unicode.Scalar) -> Bool { i < b.count && b[i] == UInt8(ascii: c) }
        guard digits(0..<4) != nil else { return false }
        if b.count == 4 { return true }
        guard at(4, "-"), let month = digits(5..<7), (1...12).contains(month) else { return false }
        if b.count == 7 { return true }
        guard at(7, "-"), let day = digits(8..<10), let year = digits(0..<4),
              (1...daysIn(month: month, year: year)).contains(day) else { return false }
        if b.count == 10 { return true }
        guard at(10, "T"), let h = digits(11..<13), h < 24, at(13, ":"), let m = digits(14..<16), m < 60,
              at(16, ":"), let s = digits(17..<19), s <= 60 else { return false }
        var i = 19
        if at(i, ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
            guard i > start else { return false }
        }
        if at(i, "Z") { return i + 1 == b.count }
        guard i < b.count, b[i] == 43 || b[i] == 45, digits(i + 1..<i + 3) != nil, at(i + 3, ":"),
              digits(i + 4..<i + 6) != nil else { return false }
        return i + 6 == b.count
    }

    /// `isValid` of a canonical time's packed key (PackedTime: fourteen digits, four bits each,
    /// shifted left once), from its digits: the separators and the `Z` are in place by
    /// construction, so only the ranges are left to check.
    static func isValid(packed key: UInt64) -> Bool {
        let digits = key >> 1
        @inline(__always) func field(_ first: Int, _ count: Int) -> Int {
            var v = 0
            for i in first..<(first + count) { v = v * 10 + Int((digits >> UInt64(52 - 4 * i)) & 0xF) }
            return v
        }
        let month = field(4, 2), day = field(6, 2)
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: field(0, 4)) else { return false }
        return field(8, 2) < 24 && field(10, 2) < 60 && field(12, 2) <= 60
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `date` as UTC ISO 8601 to the second: `2026-11-22T06:15:27Z`.
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ v: Int?, _ n: Int) -> String {
            let s = String(v ?? 0)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    /// The year of a time or date, for grouping totals by year.
    public static func year(_ text: String?) -> Int? {
        guard let text, text.utf8.count >= 4 else { return nil }
        return Int(text.prefix(4))
    }
}
