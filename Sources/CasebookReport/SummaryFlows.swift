// Where the money went: one FlowRow per incident and asset, its transfers summed by kind.
//
// How it works: one pass over the transfers in table order, with no sort of a million ids and
// no grouping table of them: each transfer in the summary goes to its incident's group (or to
// the group of transfers whose incident is not in the summary), and to that group's row for its
// asset, found in a short list. Sums do not depend on order (exact decimals). What does depend
// on id order is rebuilt without sorting everything: a row lists its bases in order of
// first use, so the smallest id using each basis is kept and the bases sorted by it at the end;
// footnotes are numbered in order of first citation, so the few transfers that cite sources are
// set aside and numbered afterwards in the order the file reads (incident, asset, id). The same
// pass counts the transfers' tags and finds those with notes, so they are walked once.

import CasebookModel

/// One row in the making.
private struct FlowTally {
    var row: FlowRow
    /// Per basis (in `TransferBasis.allCases` order), the smallest id of a transfer with it.
    var firstUse: [String?] = Array(repeating: nil, count: TransferBasis.allCases.count)
    /// Ids of the row's transfers that cite sources.
    var citing: [String] = []
}

extension Summary {
    /// Adds the flow rows, in incident order (`incidents`, then the transfers of no incident in
    /// the summary), assets sorted within each. Returns the ids of the transfers in the summary
    /// that carry notes, and counts them and their tags. `allowed` answers for a record's marking.
    mutating func addFlows(_ c: Case, incidents: [Incident], allowed: (String?) -> Bool, name: (String?) -> String,
                           numbering: inout Footnotes, kept: inout Int, tagCounts: inout [String: Int]) -> [String] {
        var group: [String: Int] = [:]
        for (k, i) in incidents.enumerated() { group[i.id] = k }
        let elsewhere = incidents.count
        var tallies = Array(repeating: [FlowTally](), count: incidents.count + 1)
        var noted: [String] = []
        let bases = TransferBasis.allCases
        // Transfers are read in place: `for (id, t) in c.transfers` copies each one (its bytes and
        // a retain and release of every String in it), which was most of this pass.
        c.transfers.values.withUnsafeBufferPointer { transfers in
            for k in transfers.indices {
                guard allowed(transfers[k].meta.marking) else { continue }
                kept += 1
                let id = transfers[k].id
                if !transfers[k].meta.tags.isEmpty || !transfers[k].meta.notes.isEmpty {
                    for tag in Set(transfers[k].meta.tags) { tagCounts[tag, default: 0] += 1 }
                    if !transfers[k].meta.notes.isEmpty { noted.append(id) }
                }
                let asset = transfers[k].asset
                let g = transfers[k].incident.flatMap { group[$0] } ?? elsewhere
                var r = tallies[g].firstIndex { $0.row.asset == asset } ?? -1
                if r < 0 {
                    let label = g == elsewhere ? "(no incident in this summary)" : name(incidents[g].id)
                    tallies[g].append(FlowTally(row: FlowRow(incident: label, asset: asset)))
                    r = tallies[g].count - 1
                }
                let amount = transfers[k].amount
                switch transfers[k].kind {
                case .theft: tallies[g][r].row.stolen += amount
                case .hop, .swap, .bridge: tallies[g][r].row.movedOn += amount
                case .cashOut: tallies[g][r].row.cashedOut += amount
                case .stockpile: tallies[g][r].row.held += amount
                case .mixer: tallies[g][r].row.inMixers += amount
                case .purchase: tallies[g][r].row.spent += amount
                }
                let b = bases.firstIndex(of: transfers[k].basis)!
                if let first = tallies[g][r].firstUse[b], first <= id {} else { tallies[g][r].firstUse[b] = id }
                if !transfers[k].meta.sources.isEmpty { tallies[g][r].citing.append(id) }
            }
        }
        for var rows in tallies {
            rows.sort { $0.row.asset < $1.row.asset }
            for var tally in rows {
                let used = bases.indices.filter { tally.firstUse[$0] != nil }.sorted { tally.firstUse[$0]! < tally.firstUse[$1]! }
                tally.row.basis = used.map { bases[$0].rawValue }
                var notes = Set<Int>()
                for id in tally.citing.sorted() {
                    if let t = c.transfers[id] { notes.formUnion(numbering.numbers(t.meta.sources)) }
                }
                tally.row.notes = notes.sorted()
                flows.append(tally.row)
            }
        }
        return noted
    }
}
