import CasebookModel
import CasebookStore
import CasebookTesting
import CasebookUI
import Testing

/// Records made, changed and deleted on screen: the `a` form, `e` in a column, `d` with its warning.
@Suite struct RecordFormTests {
    /// The records whose fields name `id` (a victim, an attribution, a parent, a transfer's end,
    /// a citation): what deleting `id` would leave pointing at nothing.
    func referrers(of id: String, in c: Case) -> Set<String> {
        var out = Set<String>()
        for i in c.incidents.values where i.victim == id || i.attributions.contains(where: { $0.actor == id }) { out.insert(i.id) }
        for a in c.actors.values where a.parent == id { out.insert(a.id) }
        for w in c.wallets.values where w.attributions.contains(where: { $0.actor == id }) { out.insert(w.id) }
        for t in c.transfers.values where t.from == id || t.to == id || t.incident == id { out.insert(t.id) }
        for r in c.allRecords where r.meta.sources.contains(where: { $0.source == id }) { out.insert(r.id) }
        return out.subtracting([id])
    }

    @Test func aNewIncidentFromTheFormWithExactLossAndAVictimByName() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        let entries = s.store.history.entries.count

        s.press("a")
        #expect(s.screen.contains("New incident: Tab moves, Enter on the last field saves, Esc cancels"))
        s.type("Upbit hack (2019)").press("Tab").type("exchange-hack").press("Tab", "Tab").type("2019-11-27")
        s.press("Tab").type("Bithumb").press("Tab").type("KR").press("Tab").type("100.123456789 BTC usd 5000")
        s.press("Enter", "Enter", "Enter")   // summary, id, then save from the last field
        // Nine decimals for BTC (eight allowed): refused in the form, nothing saved.
        guard case .form(var form)? = s.state.overlay else { Issue.record("the form closed"); return }
        let error = try #require(form.error)
        #expect(error.contains("losses[0].amount") && error.contains("9 decimals but BTC allows 8"), "\(error)")
        #expect(s.screen.contains("9 decimals but BTC allows 8"))
        #expect(form.fields[form.focus].name == "loss", "the cursor goes to the field at fault")
        #expect(s.store.history.entries.count == entries && s.store.content.incidents.count == 10)
        #expect(try file.onDisk() == Demo.content)

        // Put the cursor back on the loss (wherever the form left it) and write a valid one.
        while form.fields[form.focus].name != "loss" {
            s.press("Shift-Tab")
            guard case .form(let f)? = s.state.overlay else { break }
            form = f
        }
        s.fill("100.5 BTC usd 5000").press("Enter", "Enter", "Enter")
        #expect(s.state.overlay == nil)
        #expect(s.messageLine == "Saved: Add incident Upbit hack (2019)")
        let id = "inc-upbit-hack-2019"
        let incident = try #require(s.store.content.incidents[id])
        #expect(incident.kind == .exchangeHack && incident.status == .suspected && incident.started == "2019-11-27")
        #expect(incident.victim == "act-bithumb", "the name was resolved to its id")
        #expect(incident.losses == [Loss(asset: "BTC", amount: ExactDecimal("100.5")!, usd: ExactDecimal("5000")!)])
        #expect(incident.meta.created == fixedTime)
        #expect(try file.onDisk().incidents[id] == incident)
        // In the pane, under the cursor, with its victim by name; the header counts it.
        #expect(s.state.pane == .incidents && s.state.current.selectedID == id)
        let row = try #require(s.listRow(id))
        #expect(row.hasPrefix("▶ 2019-11-27 Upbit hack (2019)") && row.contains("Bithumb") && row.contains("5,000.00"))
        #expect(s.lines[0].contains("11 incidents") && s.lines[1].contains("1 Incidents 11"))

        expectUndoRedo(s, label: "Add incident Upbit hack (2019)", id: id, before: nil, after: .incident(incident))
        s.press("u")
        #expect(s.listRow(id) == nil && s.lines[1].contains("1 Incidents 10"), "u takes it out of the pane")
    }

    @Test func theFormNamesTheFieldAtFaultAndEscCancels() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        s.press("a").type("Nowhere hack").press("Tab").type("exchange-hack").press("Tab", "Tab", "Tab").type("Nobody Exchange")
        s.press("Tab", "Tab", "Tab", "Tab", "Enter")
        guard case .form(let form)? = s.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.error == "victim: no actor called \"Nobody Exchange\"")
        #expect(form.fields[form.focus].name == "victim")
        #expect(s.screen.contains("victim: no actor called \"Nobody Exchange\""))
        s.press("Esc")
        #expect(s.state.overlay == nil && s.messageLine == "Cancelled")
        #expect(s.store.content == Demo.content && s.store.history.entries.isEmpty)
    }

    @Test func aNewTransferOnTheLedgerKeepsItsExactAmount() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        s.press("3", "a")
        #expect(s.screen.contains("New transfer: Tab moves"))
        s.type("2018-06-27T10:00:00Z").press("Tab").type("wal-lazarus-stockpile-btc").press("Tab").type("OTC broker (illustrative)")
        s.press("Tab").type("btc").press("Tab").type("12.34567891").press("Tab").type("80000.5").press("Tab", "Tab")
        s.type("Bithumb hack (2018)").press("Enter", "Enter", "Enter", "Enter")
        #expect(s.state.overlay == nil, "\(String(describing: s.state.overlay))")
        let id = "tx-2018-06-27t10-00-00z"
        #expect(s.messageLine.hasPrefix("Saved: Add transfer"))
        let t = try #require(s.store.content.transfers[id])
        #expect(t.amount == ExactDecimal("12.34567891")! && t.amount.description == "12.34567891")
        #expect(t.usd == ExactDecimal("80000.5")! && t.asset == "BTC")
        #expect(t.from == "wal-lazarus-stockpile-btc" && t.to == "act-demo-broker" && t.incident == "inc-bithumb-2018")
        #expect(t.kind == .hop && t.basis == .observed)
        #expect(s.state.pane == .ledger && s.state.current.selectedID == id)
        #expect(s.listRow(id)?.contains("12.34567891") == true, "every decimal shown")
        #expect(s.listRow(id)?.contains("80,000.50") == true)
        expectUndoRedo(s, label: s.store.history.entries.last!.label, id: id, before: nil, after: .transfer(t))
    }

    @Test func editingTheStatusColumnInPlace() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        let sony = "inc-sony-pictures-2014"
        let before = s.store.content.record(id: sony)
        for _ in 0..<6 { s.press("l") }   // Date Title Victim Kind Loss Attribution [Status]
        s.press("e")
        #expect(s.messageLine.hasPrefix("Status of Sony Pictures hack (2014): attributed"), "the stored value, ready to edit")
        s.fill("teleported").press("Enter")
        #expect(s.state.message?.contains("\"teleported\" is not one of suspected, confirmed, attributed, closed") == true)
        #expect(s.state.prompt?.editor.text == "teleported", "refused: asked again, with the text as typed")
        #expect(s.store.content.record(id: sony) == before && s.store.history.entries.isEmpty)

        s.fill("confirmed").press("Enter")
        #expect(s.messageLine == "Saved: Set status of Sony Pictures hack (2014) to 'confirmed'")
        #expect(s.store.content.incidents[sony]?.status == .confirmed)
        #expect(s.listRow(sony)?.hasSuffix("confirmed") == true)
        #expect(try file.onDisk().incidents[sony]?.status == .confirmed)
        expectUndoRedo(s, label: "Set status of Sony Pictures hack (2014) to 'confirmed'", id: sony,
                       before: before, after: s.store.content.record(id: sony))

        // A column that is not a field says what to use instead.
        s.press("h", "e")
        #expect(s.messageLine == "Attribution is not edited here: = attributes")
    }

    @Test func editingAnAmountInPlaceKeepsTheAssetsPrecision() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        let tx = "tx-bithumb18-01-theft-btc"
        s.press("3")
        #expect(s.state.current.selectedID == tx)
        let before = s.store.content.record(id: tx)
        for _ in 0..<4 { s.press("l") }   // Time From To Asset [Amount]
        s.press("e")
        #expect(s.messageLine.hasPrefix("Amount of 1,200 BTC "))
        #expect(s.state.prompt?.editor.text == "1200", "the stored amount, not the formatted one")
        s.fill("1200.123456789").press("Enter")
        #expect(s.state.message?.contains("9 decimals but BTC allows 8") == true, "\(s.messageLine)")
        #expect(s.state.prompt?.editor.text == "1200.123456789", "refused: asked again, with the text as typed")
        #expect(s.store.content.record(id: tx) == before && s.store.history.entries.isEmpty)
        s.fill("1200.12345678").press("Enter")
        #expect(s.messageLine.hasPrefix("Saved: Set amount of "))
        #expect(s.store.content.transfers[tx]?.amount == ExactDecimal("1200.12345678")!)
        #expect(s.listRow(tx)?.contains("1,200.12345678") == true)
        expectUndoRedo(s, label: s.store.history.entries.last!.label, id: tx, before: before, after: s.store.content.record(id: tx))
    }

    @Test func deletingAnActorSaysWhatRefersToItAndUndoBringsItBack() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        let lazarus = "act-lazarus"
        let before = s.store.content.record(id: lazarus)
        let referring = referrers(of: lazarus, in: s.store.content)
        #expect(referring.count == 9, "3 incidents attributed, 1 member, 5 wallets attributed: \(referring.sorted())")

        s.press("2", "/").type("Lazarus Group").press("Enter")
        #expect(s.state.current.selectedID == lazarus)
        s.press("d")
        #expect(s.messageLine.hasPrefix("Delete Lazarus Group?"))
        #expect(s.messageLine.contains(" \(referring.count) other records refer to it and will point at nothing"),
                "transfers between its wallets do not refer to it: \(s.messageLine)")
        #expect(s.messageLine.contains("y deletes"), "the answer key is in sight at 120 columns")
        s.press("n")
        #expect(s.messageLine == "Cancelled" && s.store.content.actors[lazarus] != nil)

        s.press("d", "y")
        #expect(s.messageLine == "Saved: Delete actor Lazarus Group")
        #expect(s.store.content.actors[lazarus] == nil && s.store.content.actors.count == 15)
        #expect(s.listRow(lazarus) == nil && s.lines[1].contains("2 Actors 15"))
        #expect(try file.onDisk().actors[lazarus] == nil)
        s.press("@", "Enter")
        #expect(s.messageLine == "The records of #1 are no longer in the case")
        expectUndoRedo(s, label: "Delete actor Lazarus Group", id: lazarus, before: before, after: nil)
        s.press("u")
        #expect(s.store.content == Demo.content, "everything that pointed at it points at it again")
        #expect(s.state.pane == .actors && s.state.current.selectedID == lazarus)
        #expect(s.listRow(lazarus)?.hasPrefix("▶ Lazarus Group") == true)
    }
}
