import CasebookModel
import Foundation
import Synchronization

// A filter over a million rows: each term is tested on the screen's caches rather than on the
// record. Number terms compare the column's cached numbers; text terms search the row's
// lower-cased text (SearchText, through TextMatcher), whole or one field of it, when both the
// field (or row) and the typed word are printable ASCII, where a byte match is exactly String.contains. Anything else (tag:, note:,
// marking:, id:, non-ASCII text) asks `test` on the record as before. Rows are split over both cores.

extension FilterQuery {
    /// The slots among `ids` (kept in their order) whose rows match.
    func matching(_ ids: [Int32], _ pane: PaneKind, _ view: CaseView) -> [Int32] {
        let columns = pane.columns
        let index = view.indexes[pane]!
        let text = view.searchText.table(for: pane, in: view)
        struct Plan {
            var column: Int?; var numbers: NumberColumn?; var matcher: TextMatcher?; var fast: Bool
            /// The ledger's answers per slot for a term naming a column (made in slot order:
            /// a sorted pane's rows would read its arrays at random).
            var answers: [UInt8]? = nil
        }
        let plans: [Plan] = terms.map { t in
            let printable = t.value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            func matcher(equal: Bool) -> TextMatcher? {
                printable ? TextMatcher(text, pane, needle: Array(t.value.utf8), equal: equal, exact: true, rows: t.field == nil, view: view) : nil
            }
            guard let field = t.field else { return Plan(column: nil, matcher: matcher(equal: false), fast: printable) }
            guard let k = columns.firstIndex(where: { $0.id == field }) else { return Plan(fast: false) }
            if t.number != nil, columns[k].number != nil {
                return Plan(column: k, numbers: view.columnCache.numbers(pane, k, view), fast: true)
            }
            let m = matcher(equal: t.op == .equal)
            return Plan(column: k, matcher: m, fast: printable, answers: m?.fieldAnswers(k))
        }
        let parts = Mutex<[Int: [Int32]]>([:])
        ParallelSort.halves(ids.count) { range, part in
            // Term by term over the rows still kept, so each term's plan is taken once, not
            // copied (and its arrays retained and released) for every row.
            var keep = [Bool](repeating: true, count: range.count)
            var scratch: [UInt8] = []
            for ti in terms.indices {
                let t = terms[ti], plan = plans[ti]
                for (j, i) in range.enumerated() where keep[j] {
                    let slot = ids[i], s = Int(slot)
                    func slow() -> Bool {
                        guard let r = view.record(pane, index.ids[s]) else { return false }
                        return Self.test(t, r, view, columns)
                    }
                    let ok: Bool
                    if !plan.fast {
                        ok = slow() != t.negated
                    } else if let numbers = plan.numbers, let wanted = t.number {
                        if let n = numbers[s] {
                            let hit: Bool = switch t.op {
                            case .greater: n > wanted
                            case .less: n < wanted
                            case .greaterOrEqual: n >= wanted
                            case .lessOrEqual: n <= wanted
                            case .equal: n == wanted
                            case .contains: false
                            }
                            ok = hit != t.negated
                        } else {
                            ok = t.negated
                        }
                    } else if let answers = plan.answers, s < answers.count, answers[s] != 2 {
                        ok = (answers[s] == 1) != t.negated
                    } else if let m = plan.matcher, m.plain(plan.column, slot) {
                        if let k = plan.column {
                            ok = m.field(k, slot, &scratch) != t.negated
                        } else if m.row(slot, &scratch) {
                            // Any column (fields joined by 0x01, which a printable word cannot span).
                            ok = !t.negated
                        } else {
                            // Or the id.
                            ok = m.needle.withUnsafeBufferPointer { nd in (Self.idContains(index.ids[s], nd) ?? slow()) != t.negated }
                        }
                    } else {
                        ok = slow() != t.negated
                    }
                    if !ok { keep[j] = false }
                }
            }
            var kept: [Int32] = []
            for (j, i) in range.enumerated() where keep[j] { kept.append(ids[i]) }
            parts.withLock { $0[part] = kept }
        }
        return parts.withLock { ($0[0] ?? []) + ($0[1] ?? []) }
    }

    /// Whether a printable-ASCII id, lower-cased, contains `needle`; nil for any other id.
    static func idContains(_ id: String, _ needle: UnsafeBufferPointer<UInt8>) -> Bool? {
        var id = id
        return id.withUTF8 { b -> Bool? in
            guard !b.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return nil }
            let n = needle.count
            guard n <= b.count else { return false }
            for i in 0...(b.count - n) {
                var k = 0
                while k < n {
                    let c = b[i + k]
                    if (c >= 65 && c <= 90 ? c + 32 : c) != needle[k] { break }
                    k += 1
                }
                if k == n { return true }
            }
            return false
        }
    }
}
