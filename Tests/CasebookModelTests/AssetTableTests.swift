import Testing
@testable import CasebookModel

@Suite("AssetTable")
struct AssetTableTests {
    let table = AssetTable()

    func problem(_ amount: String, _ asset: String, in table: AssetTable? = nil) throws -> String? {
        (table ?? self.table).problem(amount: try #require(ExactDecimal(amount)), asset: asset)
    }

    @Test("valid amounts of built-in assets have no problem", arguments: [
        ("0.00000001", "BTC"), ("21000000", "BTC"), ("1.000000000000000001", "ETH"), ("0", "USD"),
        ("12.34", "USD"), ("50000000000", "KRW"), ("1.123456", "USDT"), ("0.000000000001", "XMR"),
        ("1.50000000000", "BTC"),
    ])
    func validAmounts(amount: String, asset: String) throws {
        #expect(try problem(amount, asset) == nil)
    }

    @Test("an unknown asset is named")
    func unknownAsset() throws {
        #expect(try problem("1", "DOGE") == "unknown asset DOGE")
        // Codes are exact: lower case is not BTC.
        #expect(try problem("1", "btc") == "unknown asset btc")
    }

    @Test("a negative amount is refused")
    func negative() throws {
        let message = try #require(try problem("-0.5", "BTC"))
        #expect(message.contains("negative"))
        #expect(message.contains("-0.5"))
    }

    @Test("more decimals than the asset allows is refused")
    func tooManyDecimals() throws {
        #expect(try problem("0.000000001", "BTC") == "has 9 decimals but BTC allows 8")
        #expect(try problem("0.001", "USD") == "has 3 decimals but USD allows 2")
        #expect(try problem("0.0000000000000000001", "ETH") == "has 19 decimals but ETH allows 18")
    }

    @Test("won and yen have no decimals")
    func wholeUnitCurrencies() throws {
        #expect(try problem("1000.5", "KRW") == "has 1 decimals but KRW allows 0")
        #expect(try problem("1000.00", "KRW") == nil)
        #expect(try problem("0.1", "JPY") != nil)
    }

    @Test("a case can declare a new asset, or override a built-in precision")
    func declaredAssets() throws {
        let custom = AssetTable(declared: [
            Asset(code: "WOO", precision: 3, name: "Woo token"),
            Asset(code: "USD", precision: 4, name: "US dollar, to the basis point"),
        ])
        #expect(try problem("1.234", "WOO", in: custom) == nil)
        #expect(try problem("1.2345", "WOO", in: custom) == "has 4 decimals but WOO allows 3")
        #expect(try problem("1.234", "WOO") == "unknown asset WOO")
        #expect(try problem("0.0001", "USD", in: custom) == nil)
        #expect(custom["WOO"]?.name == "Woo token")
        #expect(custom["BTC"]?.precision == 8)
    }

    @Test("a case's asset table includes its declarations")
    func caseAssetTable() throws {
        let c = Case(info: CaseInfo(title: "t", created: Fixture.created),
                     assets: [Asset(code: "WOO", precision: 3, name: "Woo token")])
        #expect(c.assetTable["WOO"]?.precision == 3)
        #expect(c.assetTable["ETH"]?.precision == 18)
    }
}
