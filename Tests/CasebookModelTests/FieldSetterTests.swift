import Testing
@testable import CasebookModel

@Suite("Editor.set")
struct FieldSetterTests {
    let c = Fixture.bithumb()
    let editor = Fixture.editor

    /// The case after setting `field` of `id` to `value`.
    func set(_ field: String, _ value: String, on id: String, in c: Case? = nil) throws -> Case {
        let c = c ?? self.c
        let edit = try editor.set(field: field, value: value, id: id, in: c)
        let after = try c.applying(edit)
        #expect(after.record(id: id)?.meta.modified == Fixture.editTime)
        return after
    }

    /// The refusal message for setting `field` of `id` to `value`.
    func refusal(_ field: String, _ value: String, on id: String, in c: Case? = nil) -> String? {
        let c = c ?? self.c
        return editError { () throws(EditError) in try editor.set(field: field, value: value, id: id, in: c) }
    }

    @Test("the label says what was set to what")
    func labels() throws {
        #expect(try editor.set(field: "status", value: "confirmed", id: "inc-bithumb", in: c).label
            == "Set status of Bithumb hack (2018) to 'confirmed'")
        #expect(try editor.set(field: "label", value: "", id: "w-hot", in: c).label
            == "Set label of Bithumb hot wallet to (cleared)")
        let long = String(repeating: "x", count: 50)
        #expect(try editor.set(field: "summary", value: long, id: "inc-bithumb", in: c).label
            == "Set summary of Bithumb hack (2018) to '\(String(repeating: "x", count: 39))…'")
    }

    @Test("source fields")
    func sourceFields() throws {
        var after = try set("title", "Mandiant APT38 report", on: "src-report")
        after = try set("publisher", "", on: "src-report", in: after)
        after = try set("date", "2018-10-03", on: "src-report", in: after)
        after = try set("reliability", "A", on: "src-report", in: after)
        let s = try #require(after.sources["src-report"])
        #expect(s.title == "Mandiant APT38 report" && s.publisher == nil && s.date == "2018-10-03")
        #expect(s.reliability == .a)
        #expect(try set("reliability", "", on: "src-report").sources["src-report"]?.reliability == nil)
        #expect(refusal("reliability", "G", on: "src-report") == "src-report.reliability: \"G\" is not one of A, B, C, D, E, F")
        #expect(refusal("date", "03/10/2018", on: "src-report")
            == "src-report.date: \"03/10/2018\" is not an ISO 8601 date or time")
        #expect(refusal("title", "", on: "src-report") == "src-report.title: may not be empty")
    }

    @Test("incident enums, dates and references are checked")
    func incidentFields() throws {
        let after = try set("kind", "ransomware", on: "inc-bithumb")
        #expect(after.incidents["inc-bithumb"]?.kind == .ransomware)
        #expect(try set("status", "attributed", on: "inc-bithumb").incidents["inc-bithumb"]?.status == .attributed)
        #expect(try set("ended", "2018-06-20T02:00:00Z", on: "inc-bithumb").incidents["inc-bithumb"]?.ended
            == "2018-06-20T02:00:00Z")
        #expect(try set("victim", "", on: "inc-bithumb").incidents["inc-bithumb"]?.victim == nil)
        #expect(refusal("kind", "heist", on: "inc-bithumb") == "inc-bithumb.kind: \"heist\" is not one of "
            + "exchange-hack, bank-heist, ransomware, atm-cashout, phishing, destructive, other")
        #expect(refusal("status", "", on: "inc-bithumb")?.hasPrefix("inc-bithumb.status: \"\" is not one of") == true)
        #expect(refusal("started", "2018-13-01", on: "inc-bithumb")?.contains("not an ISO 8601") == true)
        #expect(refusal("victim", "act-nobody", on: "inc-bithumb")
            == "inc-bithumb: victim: refers to act-nobody, which is not in the case")
        #expect(refusal("victim", "w-a", on: "inc-bithumb")
            == "inc-bithumb: victim: refers to w-a, a wallet, but must be a actor")
    }

    @Test("losses are set per asset, with an optional USD value")
    func losses() throws {
        let replaced = try set("loss.BTC", "2000.5 usd 4100000", on: "inc-bithumb")
        #expect(replaced.incidents["inc-bithumb"]?.losses
            == [Loss(asset: "BTC", amount: Fixture.dec("2000.5"), usd: Fixture.dec("4100000"))])
        let changed = try set("loss.BTC", "1999.99999999 USD 4099999.99", on: "inc-bithumb")
        #expect(changed.incidents["inc-bithumb"]?.losses.first?.amount.description == "1999.99999999")
        #expect(changed.incidents["inc-bithumb"]?.lossUSD == Fixture.dec("4099999.99"))

        let added = try set("loss.ETH", "1.000000000000000001", on: "inc-bithumb")
        #expect(added.incidents["inc-bithumb"]?.losses.map(\.asset) == ["BTC", "ETH"])
        #expect(added.incidents["inc-bithumb"]?.losses.last == Loss(asset: "ETH", amount: Fixture.dec("1.000000000000000001")))

        let cleared = try set("loss.BTC", "", on: "inc-bithumb", in: added)
        #expect(cleared.incidents["inc-bithumb"]?.losses.map(\.asset) == ["ETH"])
        #expect(refusal("loss.KRW", "", on: "inc-bithumb") == "inc-bithumb has no KRW loss to clear")
    }

    @Test("a loss must fit its asset and be written as AMOUNT [usd VALUE]")
    func lossRefusals() {
        #expect(refusal("loss.BTC", "0.000000001", on: "inc-bithumb")
            == "inc-bithumb: losses[0].amount: has 9 decimals but BTC allows 8")
        #expect(refusal("loss.KRW", "1500.5", on: "inc-bithumb")
            == "inc-bithumb: losses[1].amount: has 1 decimals but KRW allows 0")
        #expect(refusal("loss.FOO", "1", on: "inc-bithumb") == "inc-bithumb: losses[1].amount: unknown asset FOO")
        #expect(refusal("loss.BTC", "1 usd 0.001", on: "inc-bithumb")
            == "inc-bithumb: losses[0].usd: has 3 decimals but USD allows 2")
        let format = "inc-bithumb.loss.BTC: write AMOUNT or AMOUNT usd USD-VALUE, e.g. \"2000.5 usd 4100000\""
        for bad in ["2000.5 usd", "2000.5 eur 10", "lots", "1 usd lots", "1 2", "1,000"] {
            #expect(refusal("loss.BTC", bad, on: "inc-bithumb") == format, "\(bad)")
        }
        #expect(refusal("loss.", "1", on: "inc-bithumb") == "inc-bithumb: say which asset, as loss.BTC")
    }

    @Test("actor fields")
    func actorFields() throws {
        let after = try set("aliases", "Hidden Cobra, APT38,, ", on: "act-lazarus")
        #expect(after.actors["act-lazarus"]?.aliases == [Alias(name: "Hidden Cobra"), Alias(name: "APT38")])
        #expect(try set("kind", "unit", on: "act-lazarus").actors["act-lazarus"]?.kind == .unit)
        #expect(try set("parent", "act-bithumb", on: "act-lazarus").actors["act-lazarus"]?.parent == "act-bithumb")
        #expect(refusal("parent", "act-lazarus", on: "act-lazarus") == "act-lazarus: parent: is the actor itself")
        #expect(refusal("parent", "act-dprk", on: "act-lazarus")?.contains("act-dprk, which is not in the case") == true)
        #expect(refusal("name", "", on: "act-lazarus") == "act-lazarus.name: may not be empty")
        #expect(refusal("kind", "cartel", on: "act-lazarus")?.contains("state, unit, group") == true)
    }

    @Test("wallet fields and the marking every kind has")
    func walletFields() throws {
        let after = try set("label", "Peel chain start", on: "w-a")
        #expect(after.wallets["w-a"]?.displayName == "Peel chain start")
        #expect(try set("label", "", on: "w-hot").wallets["w-hot"]?.label == nil)
        #expect(refusal("address", "", on: "w-a") == "w-a.address: may not be empty")
        for id in ["src-news", "inc-bithumb", "act-lazarus", "w-a", "t-1"] {
            #expect(try set("marking", "TLP:RED", on: id).record(id: id)?.meta.marking == "TLP:RED")
        }
    }

    @Test("transfer fields")
    func transferFields() throws {
        var after = try set("amount", "100.00000001", on: "t-1")
        #expect(after.transfers["t-1"]?.amount.description == "100.00000001")
        after = try set("usd", "650000.25", on: "t-1", in: after)
        after = try set("kind", "cash-out", on: "t-1", in: after)
        after = try set("basis", "inferred", on: "t-1", in: after)
        after = try set("from", "act-bithumb", on: "t-1", in: after)
        after = try set("txHash", "abc123", on: "t-1", in: after)
        let t = try #require(after.transfers["t-1"])
        #expect(t.usd == Fixture.dec("650000.25") && t.kind == .cashOut && t.basis == .inferred)
        #expect(t.from == "act-bithumb" && t.txHash == "abc123")
        #expect(try set("usd", "", on: "t-1", in: after).transfers["t-1"]?.usd == nil)
        #expect(try set("incident", "", on: "t-1").transfers["t-1"]?.incident == nil)
    }

    @Test("transfer amounts must fit the asset", arguments: [
        ("amount", "0.000000001", "t-1: amount: has 9 decimals but BTC allows 8"),
        ("amount", "-5", "t-1: amount: is negative (-5)"),
        ("amount", "lots", "t-1.amount: \"lots\" is not a decimal number"),
        ("amount", "", "t-1.amount: may not be empty"),
        ("asset", "DOGE", "t-1: amount: unknown asset DOGE"),
        ("asset", "KRW", nil),
        ("usd", "1.001", "t-1: usd: has 3 decimals but USD allows 2"),
        ("time", "", "t-1.time: may not be empty"),
        ("time", "2018-06-19T14:03", "t-1.time: \"2018-06-19T14:03\" is not an ISO 8601 date or time"),
        ("from", "w-missing", "t-1: from: refers to w-missing, which is not in the case"),
        ("to", "src-news", "t-1: to: refers to src-news, a source, but must be a actor or wallet"),
        ("incident", "t-2", "t-1: incident: refers to t-2, a transfer, but must be a incident"),
        ("basis", "rumour", "t-1.basis: \"rumour\" is not one of observed, reported, inferred, illustrative"),
    ] as [(String, String, String?)])
    func transferRefusals(field: String, value: String, message: String?) {
        // 100.5 KRW has a decimal, so changing the asset to KRW is refused too.
        let expected = message ?? "t-1: amount: has 1 decimals but KRW allows 0"
        #expect(refusal(field, value, on: "t-1") == expected)
    }

    @Test("an unknown field lists the fields that can be set")
    func unknownField() {
        #expect(refusal("colour", "red", on: "t-1") == "t-1 is a transfer, which has no settable field colour; fields: "
            + "time, from, to, asset, amount, usd, rateSource, txHash, incident, kind, basis, marking")
        #expect(refusal("address", "x", on: "src-news") == "src-news is a source, which has no settable field address; "
            + "fields: title, publisher, date, url, reliability, excerpt, marking")
        #expect(refusal("title", "x", on: "nope") == "no record with id nope")
    }

    @Test("a record with an old problem can still be edited elsewhere")
    func oldProblemsDoNotBlock() throws {
        var loaded = c
        loaded.transfers["t-2"]!.amount = Fixture.dec("0.000000001")
        let after = try set("kind", "mixer", on: "t-2", in: loaded)
        #expect(after.transfers["t-2"]?.kind == .mixer)
        #expect(after.validate().map(\.field) == ["amount"])
    }

    @Test("clearing one loss does not trip over an old problem in a later loss")
    func oldProblemInLaterLoss() throws {
        var loaded = c
        loaded.incidents["inc-bithumb"]!.losses.append(Loss(asset: "KRW", amount: Fixture.dec("0.5")))
        // The KRW problem moves from losses[1] to losses[0]; it is not a new problem.
        let after = try set("loss.BTC", "", on: "inc-bithumb", in: loaded)
        #expect(after.incidents["inc-bithumb"]?.losses.map(\.asset) == ["KRW"])
    }

    @Test("the case's own title, marking and summary")
    func caseInfo() throws {
        let edit = try editor.set(field: "title", value: "DPRK exchange hacks", id: "case", in: c)
        #expect(edit.label == "Set case title to 'DPRK exchange hacks'")
        #expect(edit.targetIDs == ["case"])
        let after = try c.applying(edit)
        #expect(after.info.title == "DPRK exchange hacks")
        var expected = c
        expected.info.title = "DPRK exchange hacks"
        #expect(after == expected)
        #expect(try c.applying(editor.set(field: "marking", value: "", id: "case", in: c)).info.marking == nil)
        #expect(try c.applying(editor.set(field: "summary", value: "Four hacks", id: "case", in: c)).info.summary == "Four hacks")
        #expect(refusal("title", "", on: "case") == "case.title: may not be empty")
        #expect(refusal("created", "2020", on: "case") == "case has no settable field created; fields: title, marking, summary")
    }
}
