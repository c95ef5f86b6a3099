import CasebookInterop
import CasebookModel
import Testing

@Suite("CSV ledger import")
struct LedgerImportTests {
    static func caseWithHotWallet() -> Case {
        var c = InteropFixtures.emptyCase()
        c.insert(.incident(Incident(meta: RecordMeta(id: "inc-hack", created: "2026-01-01T00:00:00Z"), title: "Hack", kind: .exchangeHack)))
        c.insert(.wallet(Wallet(meta: RecordMeta(id: "wal-hot", created: "2026-01-01T00:00:00Z"), chain: "ETH",
                                address: "0xde0de01e671438228c9efd48df34fef4d2ef6a2a", label: "Exchange hot wallet")))
        return c
    }

    @Test("an Etherscan export is read by its header: exact amounts, USD from the historical price, failed rows reported")
    func etherscan() throws {
        var c = Self.caseWithHotWallet()
        var options = ImportOptions()
        options.incident = "inc-hack"
        let result = try InteropFixtures.importInto(&c, InteropFixtures.bytes("etherscan.csv"), name: "etherscan.csv", options: options)
        #expect(result.notices.first == "read as Etherscan-style export")
        #expect(result.added[.transfer] == 2)
        #expect(result.skipped["failed transactions (status Error(0))"] == 1)
        #expect(result.failures.map(\.line) == [5])
        #expect(result.failures.first?.reason == "Value_OUT: \"not-a-number\" is not a number")
        let big = try #require(c.transfers.values.first { $0.txHash?.hasPrefix("0x6d1d") == true })
        #expect(big.amount == ExactDecimal("1250.5")!, "thousands separator read exactly")
        #expect(big.usd == ExactDecimal("648046.62")!, "1250.5 x 518.23 = 648046.615, rounded half up to the cent")
        #expect(big.time == "2018-06-19T14:03:00Z" && big.asset == "ETH" && big.incident == "inc-hack")
        #expect(big.from == "wal-hot", "the upper-case hex address is the case's wallet")
        let tiny = try #require(c.transfers.values.first { $0.txHash?.hasPrefix("0x7e2e") == true })
        #expect(tiny.amount == ExactDecimal(units: 1, scale: 5), "1e-05 is exact")
        #expect(tiny.from == big.to, "one wallet for one address in two letter cases")
        #expect(c.wallets.count == 3)
        #expect(c.validate().isEmpty)
    }

    @Test("--strict refuses the whole file when any row fails")
    func strict() throws {
        let c = Self.caseWithHotWallet()
        var options = ImportOptions()
        options.strict = true
        #expect(throws: ImportError.self) {
            try Importer.plan(InteropFixtures.bytes("etherscan.csv"), fileName: "etherscan.csv", into: c, options: options, editor: InteropFixtures.editor)
        }
    }

    @Test("other files through --map and --set; times in several forms; amounts with separators")
    func mapped() throws {
        let csv = """
        Hash;When;Sender;Receiver;Qty;Note
        aa11;1529416980;bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh;bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq;1.234,5;x
        bb22;2018-06-19 14:03;bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq;BC1QXY2KGDYGJRSQTZQ2N0YRF2493P83KKFJHX0WLH;0.5;y
        cc33;6/19/2018 2:03:00 PM;bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq;bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh;2e-3;z
        dd44;yesterday;bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq;bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh;1;w
        """
        var c = InteropFixtures.emptyCase()
        var options = ImportOptions()
        options.map = ["When": "time", "Qty": "amount"]
        options.set = ["asset": "BTC", "kind": "mixer"]
        let result = try InteropFixtures.importInto(&c, Array(csv.utf8), name: "mixer.csv", options: options)
        #expect(result.added[.transfer] == 3 && result.added[.wallet] == 2, "bech32 addresses compare case-blind")
        #expect(result.failures.count == 1 && result.failures[0].line == 5 && result.failures[0].reason.hasPrefix("time:"))
        let byHash = Dictionary(uniqueKeysWithValues: c.transfers.values.map { ($0.txHash!, $0) })
        #expect(byHash["aa11"]?.amount == ExactDecimal("1234.5")! && byHash["aa11"]?.time == "2018-06-19T14:03:00Z")
        #expect(byHash["bb22"]?.time == "2018-06-19T14:03:00Z" && byHash["cc33"]?.time == "2018-06-19T14:03:00Z")
        #expect(byHash["cc33"]?.amount == ExactDecimal("0.002")! && byHash["cc33"]?.kind == .mixer)
    }

    @Test("a file Casebook cannot read as a ledger says which columns it needs")
    func missingColumns() {
        let csv = "alpha,beta\n1,2\n"
        #expect(throws: ImportError.self) {
            try Importer.plan(Array(csv.utf8), fileName: "odd.csv", into: InteropFixtures.emptyCase(), options: ImportOptions(), editor: InteropFixtures.editor)
        }
        do {
            _ = try Importer.plan(Array(csv.utf8), fileName: "odd.csv", into: InteropFixtures.emptyCase(), options: ImportOptions(), editor: InteropFixtures.editor)
        } catch {
            #expect(error.message.contains("time, from, to, amount, asset") && error.message.contains("--map"))
        }
    }

    @Test("unknown assets and too many decimals fail their row, not the file")
    func assetChecks() throws {
        let csv = "time,from,to,asset,amount\n2020-01-01,bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh,bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq,DOGE,5\n2020-01-01,bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh,bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq,BTC,0.000000001\n2020-01-01,bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh,bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq,BTC,0.00000001\n"
        var c = InteropFixtures.emptyCase()
        let result = try InteropFixtures.importInto(&c, Array(csv.utf8), name: "x.csv")
        #expect(result.failures.map(\.line) == [2, 3])
        #expect(result.failures[0].reason.hasPrefix("unknown asset DOGE"))
        #expect(result.failures[1].reason.contains("has 9 decimals but BTC allows 8"))
        #expect(c.transfers.values.first?.amount == ExactDecimal(units: 1, scale: 8))
    }
}

@Suite("Address list import")
struct AddressListTests {
    static func caseWithLazarus() -> Case {
        var c = InteropFixtures.emptyCase()
        c.insert(.actor(Actor(meta: RecordMeta(id: "act-lazarus", created: "2026-01-01T00:00:00Z"), name: "Lazarus Group", kind: .group)))
        return c
    }

    @Test("a sanctions table becomes wallets attributed to the named actor, citing the authority's notice")
    func table() throws {
        var c = Self.caseWithLazarus()
        let result = try InteropFixtures.importInto(&c, InteropFixtures.bytes("addresses.csv"), name: "addresses.csv")
        #expect(result.added[.wallet] == 3, "the same ETH address in two letter cases is one wallet")
        #expect(result.failures.map(\.line) == [6])
        let eth = try #require(c.wallets.values.first { $0.chain == "ETH" })
        #expect(eth.owner == "act-lazarus" && eth.attributions.first?.confidence == 90)
        #expect(eth.meta.tags == ["sanctioned"])
        let btc = try #require(c.wallets.values.first { $0.address == "1PfwHNxUnkpfkK9MKjMqzR3Xq3KCtq9u17" })
        #expect(btc.chain == "BTC", "XBT is Bitcoin")
        let source = try #require(btc.meta.sources.first.flatMap { c.sources[$0.source] })
        #expect(source.url == "https://www.treasury.gov/Pages/20200302.aspx" && source.date == "2022-04-15")
        let blender = try #require(c.wallets.values.first { $0.address == "3NDzzVxiLBUs1WPvVGRfCYDTAD2Ua2PvW4" })
        #expect(blender.label == nil, "the label named the owner; the wallet shows its address")
        #expect(c.actors[blender.owner ?? ""]?.name == "Blender.io", "an owner the case lacks is made, and said so")
        #expect(result.notices.contains { $0.contains("made actor Blender.io") })
        #expect(c.validate().isEmpty)
    }

    @Test("a bare list takes its chain from the addresses (or file name) and its owner from --set")
    func bareList() throws {
        var c = Self.caseWithLazarus()
        var options = ImportOptions()
        options.set = ["owner": "Lazarus Group", "confidence": "95", "authority": "OFAC SDN"]
        let result = try InteropFixtures.importInto(&c, InteropFixtures.bytes("sanctioned_addresses_ETH.txt"),
                                                    name: "lists/sanctioned_addresses_ETH.txt", options: options)
        #expect(result.added[.wallet] == 2 && result.failures.isEmpty)
        #expect(c.wallets.values.allSatisfy { $0.chain == "ETH" && $0.owner == "act-lazarus" && $0.attributions[0].confidence == 95 })
        #expect(c.sources.values.first?.title == "Address list sanctioned_addresses_ETH.txt")
        #expect(ImportFormat.detect(InteropFixtures.bytes("sanctioned_addresses_ETH.txt")) == .addresses)
    }
}
