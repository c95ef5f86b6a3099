import Testing
@testable import CasebookModel

@Suite("Case.links")
struct LinksTests {
    let c = Fixture.bithumb()

    /// "how: id" for each link of the record with `id`.
    func links(_ id: String, in c: Case? = nil) throws -> [String] {
        let c = c ?? self.c
        let record = try #require(c.record(id: id))
        return c.links(of: record).map { "\($0.0): \($0.1.id)" }
    }

    @Test("an incident links its victim, its attributed actors and its transfers")
    func incident() throws {
        #expect(try links("inc-bithumb") == ["victim: act-bithumb", "attributed to: act-lazarus",
                                             "transfer: t-1", "transfer: t-2", "transfer: t-3"])
    }

    @Test("an incident's actors come strongest first")
    func incidentAttributionOrder() throws {
        var c = self.c
        c.incidents["inc-bithumb"]!.attributions.append(Attribution(actor: "act-bithumb", confidence: 95))
        #expect(try links("inc-bithumb", in: c).prefix(3)
            == ["victim: act-bithumb", "attributed to: act-bithumb", "attributed to: act-lazarus"])
    }

    @Test("an actor links its incidents, the wallets it owns and their transfers")
    func actor() throws {
        #expect(try links("act-lazarus") == ["attributed incident: inc-bithumb", "wallet: w-b",
                                             "transfer: t-2", "transfer: t-3"])
        #expect(try links("act-bithumb") == ["victim of: inc-bithumb"])
    }

    @Test("an actor links its parent and its members")
    func actorHierarchy() throws {
        var c = self.c
        c.insert(Fixture.actor("act-dprk", name: "DPRK", kind: .state))
        c.actors["act-lazarus"]!.parent = "act-dprk"
        #expect(try links("act-lazarus", in: c).first == "part of: act-dprk")
        #expect(try links("act-dprk", in: c) == ["member: act-lazarus"])
    }

    @Test("a wallet links its owner and its transfers in time order")
    func wallet() throws {
        #expect(try links("w-b") == ["owner: act-lazarus", "transfer: t-2", "transfer: t-3"])
        var c = self.c
        c.transfers["t-3"]!.time = "2018-06-19T13:00:00Z"
        #expect(try links("w-a", in: c) == ["transfer: t-3", "transfer: t-1", "transfer: t-2"])
    }

    @Test("a transfer links its ends and its incident")
    func transfer() throws {
        #expect(try links("t-1") == ["from: w-hot", "to: w-a", "incident: inc-bithumb"])
    }

    @Test("a source links the records that cite it, in citations or in attributions")
    func source() throws {
        #expect(try links("src-report") == ["cited by: inc-bithumb"])
        var c = self.c
        c.transfers["t-2"]!.meta.sources = [Citation(source: "src-news")]
        c.wallets["w-b"]!.attributions[0].sources = [Citation(source: "src-news", locator: "p. 3")]
        #expect(try links("src-news", in: c) == ["cited by: w-b", "cited by: t-2"])
    }

    @Test("missing records and the record itself are not links")
    func danglingAndSelf() throws {
        var c = self.c
        c.incidents["inc-bithumb"]!.victim = "act-gone"
        c.actors["act-lazarus"]!.parent = "act-lazarus"
        c.transfers["t-1"]!.from = "w-gone"
        #expect(try links("inc-bithumb", in: c).first == "attributed to: act-lazarus")
        #expect(try !links("act-lazarus", in: c).contains { $0.hasPrefix("part of") || $0.hasPrefix("member") })
        #expect(try links("t-1", in: c) == ["to: w-a", "incident: inc-bithumb"])
    }
}
