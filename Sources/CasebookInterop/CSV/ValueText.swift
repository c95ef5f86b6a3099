import CasebookModel
import Foundation

/// Amounts and times as explorers and spreadsheets write them, read exactly.
enum ValueText {
    /// `1,234.5`, `1 234.5`, `$1,234.50`, `1.234,5` (decimal comma), `1e-05`, `0.5 ETH`: an exact
    /// decimal, or a reason it is not one. Never through Double.
    /// `decimalComma`: the file separates fields with semicolons, as where a comma is the decimal
    /// point, so a lone comma is one (`0,125` is an eighth, not 125).
    static func amount(_ raw: String, decimalComma: Bool = false) -> Result<ExactDecimal, ValueError> {
        var t = raw.trimmedSpaces
        guard !t.isEmpty else { return .failure(ValueError("is empty")) }
        if t.hasPrefix("$") { t.removeFirst() }
        if let space = t.lastIndex(of: " "), t[t.index(after: space)...].allSatisfy(\.isLetter) {
            t = String(t[..<space])
        }
        t.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "'" || $0 == "_" }
        let comma = t.lastIndex(of: ","), point = t.lastIndex(of: ".")
        if let comma, let point {
            if comma < point {
                t.removeAll { $0 == "," }
            } else {
                t.removeAll { $0 == "." }
                t = t.replacingOccurrences(of: ",", with: ".")
            }
        } else if comma != nil {
            let groups = t.split(separator: ",", omittingEmptySubsequences: false)
            let lead = groups.first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "+-")) } ?? ""
            // `1,234` groups thousands; `0,125` cannot (no number starts its thousands with 0).
            let thousands = groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 } && !lead.isEmpty && lead != "0"
            if thousands && !(decimalComma && groups.count == 2) {
                t.removeAll { $0 == "," }
            } else if groups.count == 2 {
                t = t.replacingOccurrences(of: ",", with: ".")
            } else {
                return .failure(ValueError("\"\(raw)\" is not a number"))
            }
        }
        guard let d = ExactDecimal(t) else { return .failure(ValueError("\"\(raw)\" is not a number")) }
        guard !d.isNegative else { return .failure(ValueError("\"\(raw)\" is negative; an amount moved is never negative")) }
        return .success(d)
    }

    /// ISO 8601 (kept as written), Unix seconds or milliseconds, `2018-06-19 14:03:00` (UTC),
    /// `2018/06/19 14:03`, `6/19/2018 2:03:00 PM`, `19.06.2018 14:03`: a UTC time the case can hold.
    static func time(_ raw: String) -> Result<String, ValueError> {
        var t = raw.trimmedSpaces
        if t.hasSuffix(" UTC") { t.removeLast(4) }
        if CaseTime.isValid(t) { return .success(t) }
        if !t.isEmpty, t.allSatisfy(\.isASCIIDigit), (9...13).contains(t.count), var seconds = Int(t) {
            if t.count >= 12 { seconds /= 1000 }
            return .success(CaseTime.format(Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
        let patterns: [(Regex<(Substring, Substring, Substring, Substring)>, order: String)] = [
            (/^([0-9]{4})[-\/]([0-9]{1,2})[-\/]([0-9]{1,2})/, "ymd"),
            (/^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})/, "mdy"),
            (/^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})/, "dmy"),
        ]
        for (pattern, order) in patterns {
            guard let m = t.firstMatch(of: pattern) else { continue }
            guard let a = Int(m.output.1), let b = Int(m.output.2), let c = Int(m.output.3) else { continue }
            let (y, mo, d) = order == "ymd" ? (a, b, c) : order == "mdy" ? (c, a, b) : (c, b, a)
            var h = 0, mi = 0, s = 0
            let rest = t[m.range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " T"))
            if !rest.isEmpty {
                guard let tm = rest.firstMatch(of: /^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\.[0-9]+)?\s*([AaPp][Mm])?Z?$/),
                      let hour = Int(tm.output.1), let minute = Int(tm.output.2) else {
                    return .failure(ValueError("\"\(raw)\" is not a time Casebook reads (ISO 8601, Unix seconds, or 2018-06-19 14:03:00)"))
                }
                h = hour
                mi = minute
                s = tm.output.3.flatMap { Int($0) } ?? 0
                if let ampm = tm.output.4?.lowercased() {
                    guard (1...12).contains(h) else { return .failure(ValueError("\"\(raw)\": hour \(h) with AM/PM")) }
                    h = h % 12 + (ampm == "pm" ? 12 : 0)
                }
            }
            func p(_ v: Int, _ n: Int) -> String { String(v).leftPadded(n) }
            let iso = rest.isEmpty ? "\(p(y, 4))-\(p(mo, 2))-\(p(d, 2))"
                : "\(p(y, 4))-\(p(mo, 2))-\(p(d, 2))T\(p(h, 2)):\(p(mi, 2)):\(p(s, 2))Z"
            guard CaseTime.isValid(iso) else { return .failure(ValueError("\"\(raw)\" is not a real date")) }
            return .success(iso)
        }
        return .failure(ValueError("\"\(raw)\" is not a time Casebook reads (ISO 8601, Unix seconds, or 2018-06-19 14:03:00)"))
    }
}

struct ValueError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Without surrounding spaces; cheap when there are none, which is nearly always (Foundation's
    /// trimming bridges every call through NSString).
    var trimmedSpaces: String {
        guard let f = unicodeScalars.first, let l = unicodeScalars.last,
              f.properties.isWhitespace || l.properties.isWhitespace else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
