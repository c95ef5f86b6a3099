import Testing
@testable import CasebookModel

@Suite("Case.validate")
struct ValidationTests {
    /// The problems of the clean fixture case after `change`.
    func problems(after change: (inout Case) -> Void) -> [Problem] {
        var c = Fixture.bithumb()
        change(&c)
        return c.validate()
    }

    /// "record: field" for each problem, the way a person finds it.
    func places(_ problems: [Problem]) -> [String] { problems.map { "\($0.recordID): \($0.field)" } }

    @Test("a clean case has no problems")
    func clean() {
        #expect(Fixture.bithumb().validate() == [])
        #expect(Case(info: CaseInfo(title: "Empty", created: Fixture.created)).validate() == [])
    }

    // MARK: References

    @Test("a victim that is not in the case")
    func danglingVictim() {
        let found = problems { $0.incidents["inc-bithumb"]!.victim = "act-nobody" }
        #expect(found == [Problem(recordID: "inc-bithumb", field: "victim",
                                  message: "refers to act-nobody, which is not in the case")])
    }

    @Test("a victim that is a wallet, not an actor")
    func victimIsWallet() {
        let found = problems { $0.incidents["inc-bithumb"]!.victim = "w-a" }
        #expect(found == [Problem(recordID: "inc-bithumb", field: "victim",
                                  message: "refers to w-a, a wallet, but must be a actor")])
    }

    @Test("an attribution to a missing actor, citing a missing source")
    func danglingAttribution() {
        let found = problems {
            $0.incidents["inc-bithumb"]!.attributions.append(
                Attribution(actor: "act-ghost", confidence: 50, sources: [Citation(source: "src-report"),
                                                                          Citation(source: "src-ghost")]))
        }
        #expect(places(found) == ["inc-bithumb: attributions[1].actor", "inc-bithumb: attributions[1].sources[1]"])
        #expect(found[0].message.contains("act-ghost"))
        #expect(found[1].message.contains("src-ghost"))
    }

    @Test("a wallet attribution to an incident is the wrong kind")
    func walletAttributedToIncident() {
        let found = problems { $0.wallets["w-a"]!.attributions = [Attribution(actor: "inc-bithumb", confidence: 10)] }
        #expect(found == [Problem(recordID: "w-a", field: "attributions[0].actor",
                                  message: "refers to inc-bithumb, a incident, but must be a actor")])
    }

    @Test("a citation of a missing source, or of something that is not a source")
    func citations() {
        let found = problems {
            $0.transfers["t-2"]!.meta.sources = [Citation(source: "src-report", locator: "p. 4"),
                                                 Citation(source: "src-missing"), Citation(source: "act-lazarus")]
        }
        #expect(places(found) == ["t-2: sources[1]", "t-2: sources[2]"])
        #expect(found[1].message == "refers to act-lazarus, a actor, but must be a source")
    }

    @Test("a transfer from, to and for records that are not in the case")
    func danglingTransfer() {
        let found = problems {
            $0.transfers["t-1"]!.from = "w-gone"
            $0.transfers["t-1"]!.to = "w-elsewhere"
            $0.transfers["t-1"]!.incident = "inc-gone"
        }
        #expect(places(found) == ["t-1: from", "t-1: to", "t-1: incident"])
        #expect(found.map(\.message) == ["refers to w-gone, which is not in the case",
                                         "refers to w-elsewhere, which is not in the case",
                                         "refers to inc-gone, which is not in the case"])
    }

    @Test("every transfer for a missing incident is reported, however many name it in a row")
    func sameMissingIncidentTwice() {
        var c = SyntheticCase.make(transfers: 300, seed: 4)
        let ids = c.transfers.values.map(\.id)   // table order: the order the checker walks
        for id in ids { c.transfers[id]!.incident = "inc-gone" }
        let found = c.validate().filter { $0.field == "incident" }
        #expect(found.count == ids.count)
        #expect(Set(found.map(\.recordID)) == Set(ids))
    }

    @Test("a transfer may run between actors, but not from a source or for a wallet")
    func transferKinds() {
        #expect(problems { $0.transfers["t-1"]!.from = "act-bithumb"; $0.transfers["t-1"]!.to = "act-lazarus" } == [])
        let found = problems {
            $0.transfers["t-1"]!.from = "src-news"
            $0.transfers["t-1"]!.incident = "w-b"
        }
        #expect(found.map(\.message) == ["refers to src-news, a source, but must be a actor or wallet",
                                         "refers to w-b, a wallet, but must be a incident"])
    }

    @Test("actor parents, alias sources and sanction dates")
    func actorReferences() {
        let found = problems {
            $0.actors["act-lazarus"]!.parent = "act-lazarus"
            $0.actors["act-lazarus"]!.aliases = [Alias(name: "Hidden Cobra", source: "src-gone")]
            $0.actors["act-lazarus"]!.sanctions = [Sanction(programme: "DPRK3", authority: "OFAC", date: "2019-9-13")]
        }
        #expect(places(found) == ["act-lazarus: aliases[0].source", "act-lazarus: sanctions[0].date",
                                  "act-lazarus: parent"])
        #expect(found.last?.message == "is the actor itself")
    }

    @Test("the same id used by two kinds")
    func sharedID() {
        var c = Fixture.bithumb()
        let clashKept = c.insertLoaded(Fixture.wallet("act-lazarus", address: "bc1qclash"))
        let sameKindKept = c.insertLoaded(Fixture.wallet("w-a", address: "bc1qsame"))
        #expect(clashKept, "a clash across kinds is kept, to be reported")
        #expect(!sameKindKept, "same kind, same id is not kept")
        #expect(c.wallets["w-a"]?.address == "bc1qaaaa")
        let found = c.validate()
        #expect(found == [Problem(recordID: "act-lazarus", field: "id", message: "is used by a actor and a wallet")])
    }

    @Test("an id with a space")
    func idWithSpace() {
        let found = problems { $0.insert(Fixture.source("src bad")) }
        #expect(places(found) == ["src bad: id"])
    }

    // MARK: Amounts

    @Test("negative, over-precise and unknown-asset amounts name their field")
    func amounts() {
        let found = problems {
            $0.transfers["t-1"]!.amount = Fixture.dec("-1")
            $0.transfers["t-2"]!.amount = Fixture.dec("0.000000001")
            $0.transfers["t-2"]!.usd = Fixture.dec("10.001")
            $0.transfers["t-3"]!.asset = "DOGE"
            $0.incidents["inc-bithumb"]!.losses.append(Loss(asset: "KRW", amount: Fixture.dec("5.5"),
                                                            usd: Fixture.dec("-3")))
        }
        #expect(places(found) == ["inc-bithumb: losses[1].amount", "inc-bithumb: losses[1].usd",
                                  "t-1: amount", "t-2: amount", "t-2: usd", "t-3: amount"])
        #expect(found.map(\.message) == [
            "has 1 decimals but KRW allows 0", "is negative (-3)", "is negative (-1)",
            "has 9 decimals but BTC allows 8", "has 3 decimals but USD allows 2", "unknown asset DOGE",
        ])
    }

    @Test("an asset the case declares is known")
    func declaredAsset() {
        let found = problems {
            $0.assets = [Asset(code: "WOO", precision: 3, name: "Woo")]
            $0.transfers["t-3"]!.asset = "WOO"
            $0.transfers["t-3"]!.amount = Fixture.dec("12.345")
        }
        #expect(found == [])
    }

    // MARK: Confidence, dates, required text

    @Test("confidence outside 0-100 (other than the unknown marker)", arguments: [101, -2, 1000])
    func confidence(value: Int) {
        let found = problems { $0.wallets["w-b"]!.attributions[0].confidence = value }
        #expect(found == [Problem(recordID: "w-b", field: "attributions[0].confidence",
                                  message: "\(value) is outside 0-100")])
    }

    @Test("confidence at the ends of the scale, or unknown, is fine", arguments: [0, 100, Attribution.unknownConfidence])
    func confidenceBounds(value: Int) {
        #expect(problems { $0.wallets["w-b"]!.attributions[0].confidence = value } == [])
    }

    @Test("malformed dates in every dated field")
    func dates() {
        let found = problems {
            $0.sources["src-news"]!.date = "2019-13"
            $0.incidents["inc-bithumb"]!.started = "June 2018"
            $0.incidents["inc-bithumb"]!.ended = "2018-06-32"
            $0.incidents["inc-bithumb"]!.meta.notes = [Note(id: "n1", author: "a", time: "today", text: "x")]
            $0.transfers["t-2"]!.time = "2018-06-19 14:03"
            $0.wallets["w-a"]!.meta.modified = "later"
        }
        #expect(places(found) == ["src-news: date", "inc-bithumb: notes[0].time", "inc-bithumb: started",
                                  "inc-bithumb: ended", "w-a: modified", "t-2: time"])
        #expect(found.first { $0.field == "started" }?.message == "\"June 2018\" is not an ISO 8601 date or time")
    }

    @Test("empty titles, names, addresses and chains")
    func requiredText() {
        let found = problems {
            $0.sources["src-news"]!.title = "   "
            $0.incidents["inc-bithumb"]!.title = ""
            $0.actors["act-bithumb"]!.name = ""
            $0.wallets["w-a"]!.address = ""
            $0.wallets["w-a"]!.chain = " "
        }
        #expect(places(found) == ["src-news: title", "inc-bithumb: title", "act-bithumb: name",
                                  "w-a: address", "w-a: chain"])
        #expect(found.allSatisfy { $0.message == "is empty" })
    }
}
