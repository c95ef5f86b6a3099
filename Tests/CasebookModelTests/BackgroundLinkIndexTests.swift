// A big case's link index is made in the background (the record links and the transfer lists,
// each on its own thread). Whatever is asked first, and however the jobs interleave, every
// record must link exactly what an index made in the foreground links.

import Testing
@testable import CasebookModel

@Suite("Link index made in the background")
struct BackgroundLinkIndexTests {
    @Test("every kind of record links the same records, in the same order, as a foreground index")
    func sameLinks() {
        let c = SyntheticCase.make(transfers: 6_000, seed: 5)
        let foreground = LinkIndex(c)
        let ordered = c.transfers.values.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        let ends = TransferEnds(ids: ordered.map(\.id), from: ordered.map(\.from), to: ordered.map(\.to),
                                incident: ordered.map(\.incident))
        var records: [AnyRecord] = c.actors.values.map(AnyRecord.actor) + c.sources.values.map(AnyRecord.source)
            + c.incidents.values.map(AnyRecord.incident)
        records += c.wallets.values.prefix(200).map(AnyRecord.wallet) + c.transfers.values.prefix(50).map(AnyRecord.transfer)
        var checked = 0
        for round in 0..<3 {
            // A fresh index each round, asked in a different order, so the first question comes
            // while the jobs are still running.
            let background = LinkIndex(c, ends: ends, background: true)
            for r in round == 1 ? records.reversed() : records {
                let a = c.links(of: r, index: background).map { "\($0.0) \($0.1.id)" }
                let b = c.links(of: r, index: foreground).map { "\($0.0) \($0.1.id)" }
                #expect(a == b, "\(r.id)")
                if !a.isEmpty { checked += 1 }
                // Not waiting, as the screen asks: all of it, or what is made so far (the parts
                // still being made come last) and a note of what was left out.
                let now = c.links(of: r, index: LinkIndex(c, ends: ends, background: true), limit: .max, waitingForTransfers: false)
                let shown = now.links.map { "\($0.0) \($0.1.id)" }
                if now.leftOut == nil { #expect(shown == b, "\(r.id)") } else { #expect(Array(b.prefix(shown.count)) == shown, "\(r.id)") }
            }
        }
        #expect(checked > records.count)   // most records link something
    }
}
