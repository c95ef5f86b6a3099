import CasebookModel

// A filter is words, all of which must match a row:
//   bithumb            any column contains "bithumb" (case-insensitive)
//   kind:exchange-hack the kind column contains it;  kind=ransomware: equals it
//   amount>1000000     a numeric column compared exactly (>, <, >=, <=, =)
//   tag:laundering     the record has that tag; also id:, note:, marking:
//   !kind:hop          any word starting with ! is negated
// Quotes group words with spaces: victim:"bank in india".

public struct FilterQuery: Sendable {
    enum Op: String, Sendable { case contains = ":", equal = "=", greater = ">", less = "<", greaterOrEqual = ">=", lessOrEqual = "<=" }

    struct Term: Sendable {
        var negated: Bool
        var field: String?
        var op: Op
        var value: String
        var number: ExactDecimal?
    }

    var terms: [Term]
    public let text: String

    public static let extraFields = ["tag", "id", "note", "marking"]

    public init(_ text: String, columns: [Column]) throws(FilterError) {
        self.text = text
        terms = []
        for word in Self.words(text) {
            var w = Substring(word)
            var negated = false
            if w.hasPrefix("!") { negated = true; w = w.dropFirst() }
            guard !w.isEmpty else { continue }
            if let (field, op, value) = Self.split(w) {
                let name = field.lowercased()
                guard let column = columns.first(where: { $0.id == name }) else {
                    guard Self.extraFields.contains(name), op == .contains || op == .equal else {
                        let known = (columns.map(\.id) + Self.extraFields).joined(separator: ", ")
                        throw FilterError("no field '\(field)' here; fields: \(known)")
                    }
                    terms.append(Term(negated: negated, field: name, op: op, value: value.lowercased()))
                    continue
                }
                var number: ExactDecimal? = nil
                if op != .contains && column.number != nil {
                    guard let n = ExactDecimal(value.replacingOccurrences(of: ",", with: "")) else {
                        throw FilterError("'\(value)' is not a number for \(column.id)")
                    }
                    number = n
                } else if op != .contains && op != .equal {
                    throw FilterError("\(column.id) is not a number column; use \(column.id):text")
                }
                terms.append(Term(negated: negated, field: name, op: op, value: value.lowercased(), number: number))
            } else {
                terms.append(Term(negated: negated, field: nil, op: .contains, value: String(w).lowercased()))
            }
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Whether notes or tags can change what matches (tag:, note:), so an annotation must re-filter.
    public var readsAnnotations: Bool { terms.contains { $0.field == "tag" || $0.field == "note" } }

    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        for ch in text {
            if ch == "\"" { quoted.toggle(); continue }
            if ch == " " && !quoted {
                if !current.isEmpty { out.append(current) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func split(_ w: Substring) -> (String, Op, String)? {
        guard let i = w.firstIndex(where: { ":=<>".contains($0) }), i != w.startIndex else { return nil }
        let field = String(w[..<i])
        guard field.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        var rest = w[i...]
        let op: Op
        if rest.hasPrefix(">=") { op = .greaterOrEqual; rest = rest.dropFirst(2) }
        else if rest.hasPrefix("<=") { op = .lessOrEqual; rest = rest.dropFirst(2) }
        else { op = Op(rawValue: String(rest.first!))!; rest = rest.dropFirst() }
        return (field, op, String(rest))
    }

    public func matches(_ record: AnyRecord, _ view: CaseView, columns: [Column]) -> Bool {
        terms.allSatisfy { term in Self.test(term, record, view, columns) != term.negated }
    }

    static func test(_ t: Term, _ r: AnyRecord, _ v: CaseView, _ columns: [Column]) -> Bool {
        guard let field = t.field else {
            return r.id.lowercased().contains(t.value) || columns.contains { $0.text(r, v).lowercased().contains(t.value) }
        }
        switch field {
        case "tag": return r.meta.tags.contains { t.op == .equal ? $0.lowercased() == t.value : $0.lowercased().contains(t.value) }
        case "id": return t.op == .equal ? r.id.lowercased() == t.value : r.id.lowercased().contains(t.value)
        case "note": return r.meta.notes.contains { $0.text.lowercased().contains(t.value) }
        case "marking": return (r.meta.marking ?? v.content.info.marking ?? "").lowercased().contains(t.value)
        default: break
        }
        guard let column = columns.first(where: { $0.id == field }) else { return false }
        if let wanted = t.number, let number = column.number {
            guard let n = number(r, v) else { return false }
            switch t.op {
            case .greater: return n > wanted
            case .less: return n < wanted
            case .greaterOrEqual: return n >= wanted
            case .lessOrEqual: return n <= wanted
            case .equal: return n == wanted
            case .contains: break
            }
        }
        let text = column.text(r, v).lowercased()
        return t.op == .equal ? text == t.value : text.contains(t.value)
    }
}

public struct FilterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
