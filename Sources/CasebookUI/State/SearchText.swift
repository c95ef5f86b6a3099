import Foundation
import Synchronization

// Incremental search must answer within a keystroke on 100,000 rows. Each pane's rows are made
// into lower-cased text once (on the first search, split over the cores) and kept as one byte
// buffer with row offsets, so a keystroke is a byte scan over each row: a few milliseconds, where
// Swift's Unicode-aware String.contains took a quarter of a second.

public final class SearchText: Sendable {
    struct Table: Sendable {
        var bytes: [UInt8]
        var starts: [Int]
        var position: [String: Int]
    }

    private let cache = Mutex<[PaneKind: Table]>([:])

    public init() {}

    /// The pane's table, built on first use. The lock is held while building, so a search that
    /// arrives during the loader's warm-up waits for it instead of building a second copy.
    func table(for pane: PaneKind, in view: CaseView) -> Table {
        cache.withLock { tables in
            if let done = tables[pane] { return done }
            let table = Self.build(pane, view)
            tables[pane] = table
            return table
        }
    }

    /// Builds every pane's table now (the loader calls this after the case is shown).
    public func warm(_ view: CaseView) {
        for pane in PaneKind.allCases { _ = table(for: pane, in: view) }
    }

    static func build(_ pane: PaneKind, _ view: CaseView) -> Table {
        let ids = view.baseRows[pane] ?? []
        let columns = pane.columns
        let parts = 2
        let chunk = (ids.count + parts - 1) / max(1, parts)
        let pieces = Mutex<[Int: [String]]>([:])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = min(ids.count, part * chunk)..<min(ids.count, (part + 1) * chunk)
            var texts: [String] = []
            texts.reserveCapacity(range.count)
            for id in ids[range] {
                guard let r = view.content.record(id: id) else { texts.append(""); continue }
                texts.append(columns.map { $0.text(r, view) }.joined(separator: "\u{1}").lowercased())
            }
            pieces.withLock { $0[part] = texts }
        }
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(ids.count + 1)
        let all = pieces.withLock { p in (0..<parts).flatMap { p[$0] ?? [] } }
        for text in all {
            bytes.append(contentsOf: text.utf8)
            starts.append(bytes.count)
        }
        var position: [String: Int] = [:]
        position.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { position[id] = i }
        return Table(bytes: bytes, starts: starts, position: position)
    }
}

extension SearchText.Table {
    /// Whether row `id` contains `needle` (already lower-cased UTF-8).
    func contains(_ id: String, _ needle: [UInt8]) -> Bool {
        guard let p = position[id] else { return false }
        let start = starts[p], length = starts[p + 1] - start
        guard length >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            needle.withUnsafeBufferPointer { n in
                let first = n[0], last = start + length - n.count
                var i = start
                while i <= last {
                    if b[i] == first {
                        var k = 1
                        while k < n.count && b[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
