import Testing
@testable import CasebookModel

// A LinkIndex whose transfer lists are made on another thread links every record as one made
// all at once, before and after edits (the first edit settles the lists in; reads wait for them).

@Suite struct LinkIndexPendingTests {
    static func ends(_ c: Case) -> TransferEnds {
        let ordered = c.transfers.values.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        return TransferEnds(ids: ordered.map(\.id), from: ordered.map(\.from), to: ordered.map(\.to), incident: ordered.map(\.incident))
    }

    static func everyLink(_ c: Case, _ ix: LinkIndex) -> [String] {
        c.allRecords.map { r in r.id + ": " + c.links(of: r, index: ix).map { "\($0.0) \($0.1.id)" }.joined(separator: ", ") }
    }

    @Test func listsMadeInTheBackgroundLinkAsListsMadeAtOnce() throws {
        var c = SyntheticCase.make(transfers: 1_500, seed: 4)
        let atOnce = LinkIndex(c, ends: Self.ends(c))
        var background = LinkIndex(c, ends: Self.ends(c), background: true)
        #expect(background.pending != nil)
        let expected = Self.everyLink(c, atOnce)
        #expect(expected.contains { $0.contains("transfer tx-") })
        #expect(Self.everyLink(c, background) == expected)
        #expect(background.transferListsReady)

        // An edit on an index whose lists are still pending: taken out, changed, put back.
        var pendingAtEdit = LinkIndex(c, ends: Self.ends(c), background: true)
        let id = c.transfers.keys.sorted()[10]
        var t = try #require(c.transfers[id])
        pendingAtEdit.remove(.transfer(t))
        background.remove(.transfer(t))
        t.from = t.to == "wal-1" ? "wal-2" : "wal-1"
        t.time = "2016-01-01T00:00:00Z"
        c.transfers[id] = t
        pendingAtEdit.insert(.transfer(t), in: c)
        background.insert(.transfer(t), in: c)
        #expect(pendingAtEdit.pending == nil)
        let fresh = Self.everyLink(c, LinkIndex(c, ends: Self.ends(c)))
        #expect(fresh != expected)
        #expect(Self.everyLink(c, pendingAtEdit) == fresh)
        #expect(Self.everyLink(c, background) == fresh)
    }
}
