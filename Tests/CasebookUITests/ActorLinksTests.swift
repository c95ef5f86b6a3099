@testable import CasebookModel
import CasebookUI
import Testing

// An actor's detail lists the transfers of the actor and of its wallets once each, by time. The
// screen keeps those lists per owner (LinkIndex.transfersByOwner) and follows edits; these tests
// hold it to the plain definition, and check that ordinary edits keep the kept lists in use.

@Suite struct ActorLinksTests {
    /// The definition: every transfer with an end at the actor or one of its wallets, by (time, id).
    static func expected(_ actor: String, _ c: Case) -> [String] {
        let group = Set([actor] + c.wallets.values.filter { $0.owner == actor }.map(\.id))
        return c.transfers.values.filter { group.contains($0.from) || group.contains($0.to) }
            .sorted { ($0.time, $0.id) < ($1.time, $1.id) }.map(\.id)
    }

    static func shown(_ actor: String, _ view: CaseView) -> [String] {
        view.content.links(of: .actor(view.content.actors[actor]!), index: view.links)
            .filter { $0.0 == "transfer" }.map(\.1.id)
    }

    static func apply(_ edit: Edit, _ content: inout Case, _ view: inout CaseView) throws {
        try content.apply(edit)
        view.releaseContent()
        view.update(content, after: edit.changes)
    }

    @Test func everyActorListsItsAndItsWalletsTransfersOnceByTime() {
        let content = SyntheticCase.make(transfers: 3_000)
        let view = CaseView(content)
        #expect(view.links.ownerListsValid)
        for actor in content.actors.keys.sorted() { #expect(Self.shown(actor, view) == Self.expected(actor, content), "\(actor)") }
    }

    @Test func anActorsOwnTransferAmongItsWalletsGoesInByTime() throws {
        var content = SyntheticCase.make(transfers: 2_000)
        var view = CaseView(content)
        let editor = Editor(author: "Tester", time: "2026-11-22T12:00:00Z")
        let owner = content.wallets.values.compactMap(\.owner).sorted()[0]
        // Two transfers made to touch the actor itself: one from an owned wallet, one from elsewhere.
        let owned = content.wallets.values.filter { $0.owner == owner }.map(\.id).sorted()[0]
        let foreign = content.wallets.values.filter { $0.owner != owner }.map(\.id).sorted()[0]
        for (k, from) in [owned, foreign].enumerated() {
            var t = content.transfers[content.transfers.keys.sorted()[k * 7]]!
            t.meta.id = "tx-direct-\(k)"
            t.from = from
            t.to = owner
            try Self.apply(try editor.add(.transfer(t), in: content), &content, &view)
        }
        #expect(view.links.ownerListsValid)
        #expect(Self.shown(owner, view) == Self.expected(owner, content))
        #expect(Self.shown(owner, view) == Self.shown(owner, CaseView(content)))
    }

    @Test func editsKeepTheListsAndAnOwnerChangeFallsBackToMerging() throws {
        var content = SyntheticCase.make(transfers: 2_000)
        var view = CaseView(content)
        let editor = Editor(author: "Tester", time: "2026-11-22T12:00:00Z")
        let transfer = content.transfers.values.filter { content.wallets[$0.from]?.owner != nil }.map(\.id).sorted()[0]
        let wallet = content.transfers[transfer]!.from
        let before = content.wallets[wallet]!.owner!
        // A label, a note and a moved transfer leave the owners as they were: the lists stay in use.
        try Self.apply(try editor.set(field: "label", value: "Relabelled", id: wallet, in: content), &content, &view)
        try Self.apply(try editor.set(field: "time", value: "2011-01-01T00:00:00Z", id: transfer, in: content), &content, &view)
        #expect(view.links.ownerListsValid)
        #expect(Self.shown(before, view) == Self.expected(before, content))
        // The wallet now belongs to someone else: the answer is still the definition's.
        let other = content.actors.keys.sorted().first { $0 != before }!
        try Self.apply(try editor.attribute(ids: [wallet], to: other, confidence: 100, basis: nil, sources: [], in: content), &content, &view)
        #expect(content.wallets[wallet]!.owner == other)
        for actor in [before, other] { #expect(Self.shown(actor, view) == Self.expected(actor, content), "\(actor)") }
        #expect(CaseView(content).links.ownerListsValid)
    }
}
