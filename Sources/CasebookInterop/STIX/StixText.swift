import CasebookModel
import CasebookReport

/// Text and identifier helpers shared by the STIX reader and writer.
enum StixText {
    /// ATT&CK descriptions are Markdown with `(Citation: Name)` markers:
    /// `[APT38](https://attack.mitre.org/groups/G0082) is … (Citation: FireEye APT38 Oct 2018)`.
    /// On a terminal the link becomes its text and the markers go (the citations are kept as
    /// the record's sources).
    static func plain(_ text: String?) -> String? {
        guard var t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        t = t.replacing(/\(Citation: [^)]*\)/, with: "")
        t = t.replacing(/\[([^\]]*)\]\((https?:[^)\s]*)\)/) { String($0.output.1) }
        t = t.replacing(/[ \t]+([.,;:])/) { String($0.output.1) }
        t = t.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// The names inside `(Citation: A)(Citation: B)`.
    static func citations(in text: String?) -> [String] {
        guard let text else { return [] }
        return text.matches(of: /\(Citation: ([^)]*)\)/).map { String($0.output.1) }
    }

    /// A readable id fragment: `CrowdStrike Labyrinth Chollima` -> `crowdstrike-labyrinth-chollima`.
    static func slug(_ text: String, limit: Int = 40) -> String {
        var out = ""
        var dash = false
        for ch in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) {
                if dash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(ch)
                dash = false
            } else {
                dash = true
            }
            if out.count >= limit { break }
        }
        return out.isEmpty ? "x" : out
    }

    /// A short stable hash of `text`, for ids that must not change between imports.
    static func shortHash(_ text: String, length: Int = 8) -> String {
        String(SHA256.hex(text).prefix(length))
    }

    /// `intrusion-set--00f67a77-86a4-4adf-be26-1a54fc713340`: a STIX id (type, two dashes, UUID).
    static func isStixID(_ id: String, types: Set<String>? = nil) -> Bool {
        guard let range = id.range(of: "--") else { return false }
        let type = String(id[..<range.lowerBound])
        let uuid = id[range.upperBound...]
        if let types, !types.contains(type) { return false }
        guard uuid.count == 36 else { return false }
        for (k, ch) in uuid.enumerated() {
            if [8, 13, 18, 23].contains(k) { if ch != "-" { return false } } else if !ch.isHexDigit { return false }
        }
        return !type.isEmpty
    }

    static func type(ofID id: String) -> String? {
        id.range(of: "--").map { String(id[..<$0.lowerBound]) }
    }

    /// A STIX id for a Casebook record whose own id is not one: name-based, so exporting the same
    /// case twice gives the same ids. It is the first 16 bytes of SHA-256 over `type/recordID`,
    /// shaped as an RFC 4122 version-4 UUID (what STIX recommends for SDOs).
    static func stixID(type: String, for recordID: String) -> String {
        var b = Array(SHA256.digest(Array("casebook/\(type)/\(recordID)".utf8)).prefix(16))
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = b.map { String($0, radix: 16).leftPadded(2) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return type + "--" + parts.joined(separator: "-")
    }

    /// A STIX 2.1 timestamp with the milliseconds `created` and `modified` must have:
    /// `2026-11-22T00:00:00Z` -> `2026-11-22T00:00:00.000Z`.
    static func precise(_ time: String?) -> String? {
        guard let t = timestamp(time) else { return nil }
        let body = t.dropLast()
        guard let dot = body.lastIndex(of: ".") else { return body + ".000Z" }
        let fraction = body[body.index(after: dot)...].count
        return fraction >= 3 ? t : body + String(repeating: "0", count: 3 - fraction) + "Z"
    }

    /// A STIX timestamp from a Casebook time, which may be partial (`2019`, `2019-06`, `2019-06-01`).
    static func timestamp(_ time: String?) -> String? {
        guard let time, CaseTime.isValid(time) else { return nil }
        switch time.count {
        case 4: return time + "-01-01T00:00:00Z"
        case 7: return time + "-01T00:00:00Z"
        case 10: return time + "T00:00:00Z"
        default:
            return time.hasSuffix("Z") ? time : nil
        }
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
