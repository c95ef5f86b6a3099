import CasebookModel
import CasebookStore
import CasebookTesting
import CasebookUI
import Testing

/// Tags, citations and attributions, made on screen as an investigator makes them.
@Suite struct AnnotationTests {
    let sony = "inc-sony-pictures-2014"
    let bithumb = "inc-bithumb-2018"

    // MARK: Tags

    @Test func tabCompletesAnExistingTagAndMinusRemovesIt() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        let before = s.store.content.record(id: sony)
        #expect(s.store.content.incidents[sony]?.meta.tags.contains("laundering") == false)

        s.press("t")
        #expect(s.messageLine.hasPrefix("Tag Sony Pictures hack (2014) (Tab completes, -tag removes):"))
        s.type("laund").press("Tab")
        #expect(s.state.prompt?.editor.text == "laundering")
        #expect(s.messageLine.contains("-tag removes): laundering"))
        s.press("Enter")
        #expect(s.messageLine == "Saved: Tag Sony Pictures hack (2014) 'laundering'")
        #expect(s.store.content.incidents[sony]?.meta.tags == ["dprk", "lazarus", "destructive", "laundering"])
        #expect(s.row(containing: "tags")?.contains("dprk, lazarus, destructive, laundering") == true, "the detail shows it")
        #expect(try file.onDisk().incidents[sony]?.meta.tags.last == "laundering")
        let tagged = s.store.content.record(id: sony)
        expectUndoRedo(s, label: "Tag Sony Pictures hack (2014) 'laundering'", id: sony, before: before, after: tagged)

        // The filter finds it with the incident that was tagged already.
        s.press("1", "\\").type("tag:laundering").press("Enter")
        #expect(Set(s.state.current.rows) == [bithumb, sony])
        #expect(s.screen.contains("1 Incidents 2/10"))
        #expect(s.row(containing: "Sony Pictures hack (2014)") != nil && s.listRow(bithumb) != nil)

        // -laundering removes it again (Tab completes after the minus too).
        s.press("/").type("Sony").press("Enter")
        s.press("t").type("-laun").press("Tab")
        #expect(s.state.prompt?.editor.text == "-laundering")
        s.press("Enter")
        #expect(s.messageLine == "Saved: Remove tag 'laundering' from Sony Pictures hack (2014)")
        #expect(s.store.content.incidents[sony]?.meta.tags == ["dprk", "lazarus", "destructive"])
        #expect(s.state.current.rows == [bithumb], "the filter now hides it")
        s.press("u")
        #expect(s.messageLine == "Undid: Remove tag 'laundering' from Sony Pictures hack (2014)")
        #expect(s.store.content.record(id: sony) == tagged)
        #expect(s.state.current.selectedID == sony, "back in the filtered rows, under the cursor")
        s.press("Ctrl-R")
        #expect(s.store.content.incidents[sony]?.meta.tags.contains("laundering") == false)
    }

    @Test func tabCompletionShowsAndCyclesThroughTheCandidates() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        // Two tags in the demo start with "se": secondhand and seed.
        s.press("t").type("se").press("Tab")
        #expect(s.state.prompt?.editor.text == "secondhand")
        #expect(s.messageLine.contains("secondhand, seed"), "the candidates are listed while the prompt is open")
        s.press("Tab")
        #expect(s.state.prompt?.editor.text == "seed", "Tab again goes on to the next tag that starts with 'se'")
        s.press("Esc")
        s.press("t").type("zzz").press("Tab")
        #expect(s.messageLine.contains("No tag starts with zzz"))
        #expect(s.state.prompt?.editor.text == "zzz")
    }

    // MARK: Citations

    @Test func citingAPickedSourceWithALocator() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        let before = s.store.content.record(id: sony)

        s.press("c")
        #expect(s.screen.contains("Cite a source for Sony Pictures hack (2014): type to narrow, Enter picks"))
        #expect(s.row(containing: "+ New source…") != nil, "the first item makes a new source")
        s.type("crypto gap")
        guard case .picker(let picker)? = s.state.overlay else { Issue.record("no picker"); return }
        #expect(picker.matches.first?.id == "src-rusi-2019")
        #expect(picker.matches.count < picker.items.count, "typing narrows the list")
        #expect(s.screen.contains("> crypto gap"))
        #expect(s.row(containing: "Closing the Crypto Gap") != nil)
        s.press("Enter")
        #expect(s.messageLine.hasPrefix("Where in it (page, paragraph, quote; Enter for none):"))
        s.type("p. 12").press("Enter")

        let label = "Cite 'Closing the Crypto Gap: Guidance for Countering North Korean Cryptocurrency Activity in Southeast Asia' for Sony Pictures hack (2014)"
        #expect(s.message == "Saved: " + label)
        let cited = try #require(before?.meta.sources)
        #expect(s.store.content.incidents[sony]?.meta.sources == cited + [Citation(source: "src-rusi-2019", locator: "p. 12")])
        // The detail's Sources section lists it after the one cited already, with its grade and the locator.
        let sources = s.section("Sources").joined(separator: " ")
        #expect(sources.hasPrefix("North Korea Dodges Sanctions"))
        #expect(sources.contains("Closing the Crypto Gap: Guidance for Countering North Korean Cryptocurrency Activity in Southeast Asia (B)"))
        #expect(sources.hasSuffix("p. 12"))
        expectUndoRedo(s, label: label, id: sony, before: before, after: s.store.content.record(id: sony))
    }

    @Test func aNewSourceFromTheFormIsSavedThenCited() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        let before = s.store.content.record(id: sony)
        let entries = s.store.history.entries.count

        s.press("c", "Enter")   // "+ New source…" is the first item
        #expect(s.screen.contains("New source: Tab moves, Enter on the last field saves, Esc cancels"))
        s.type("Chainalysis 2019 Crypto Crime Report").press("Tab").type("Chainalysis").press("Tab").type("2019-01")
        s.press("Tab", "Tab").type("Z").press("Enter", "Enter", "Enter")
        // A bad grade: said in the form, the cursor back on the field, nothing saved.
        guard case .form(let form)? = s.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.error == "reliability: a grade from A to F")
        #expect(form.fields[form.focus].name == "reliability")
        #expect(s.screen.contains("reliability: a grade from A to F"))
        #expect(s.store.content.sources.count == 5 && s.store.history.entries.count == entries)

        s.press("Backspace").type("b").press("Enter", "Enter", "Enter")
        #expect(s.state.overlay == nil)
        let id = "src-chainalysis-2019-crypto-crime-report"
        let source = try #require(s.store.content.sources[id])
        #expect(source.title == "Chainalysis 2019 Crypto Crime Report" && source.publisher == "Chainalysis")
        #expect(source.date == "2019-01" && source.reliability == .b && source.url == nil)
        #expect(s.messageLine.hasPrefix("Where in it (page, paragraph, quote; Enter for none):"), "then it asks where in it")
        s.type("p. 4").press("Enter")
        #expect(s.messageLine == "Saved: Cite 'Chainalysis 2019 Crypto Crime Report' for Sony Pictures hack (2014)")
        let cited = try #require(before?.meta.sources)
        #expect(s.store.content.incidents[sony]?.meta.sources == cited + [Citation(source: id, locator: "p. 4")])
        #expect(s.section("Sources").last?.hasPrefix("Chainalysis 2019 Crypto Crime Report (B)") == true)
        #expect(s.section("Sources").last?.hasSuffix("p. 4") == true)
        #expect(s.store.history.entries.suffix(2).map(\.label) == [
            "Add source Chainalysis 2019 Crypto Crime Report", "Cite 'Chainalysis 2019 Crypto Crime Report' for Sony Pictures hack (2014)"])

        s.press("u")
        #expect(s.messageLine == "Undid: Cite 'Chainalysis 2019 Crypto Crime Report' for Sony Pictures hack (2014)")
        #expect(s.store.content.record(id: sony) == before && s.state.current.selectedID == sony)
        s.press("u")
        #expect(s.messageLine == "Undid: Add source Chainalysis 2019 Crypto Crime Report")
        #expect(s.store.content == Demo.content)
        s.press("Ctrl-R", "Ctrl-R")
        #expect(s.store.content.sources[id] == source)
        #expect(s.store.content.incidents[sony]?.meta.sources.last == Citation(source: id, locator: "p. 4"))
    }

    // MARK: Attribution

    @Test func attributingToLazarusWithConfidenceAndBasis() throws {
        let file = try DemoCaseFile()
        let s = try file.open(width: 140)   // room for the whole Attribution column (see the next test for 120)
        defer { s.close() }
        s.press("/").type("Bithumb hack (2018)").press("Enter")
        #expect(s.state.current.selectedID == bithumb)
        #expect(s.listRow(bithumb)?.contains("(moderate 60)") == true)
        let before = s.store.content.record(id: bithumb)

        s.press("=")
        #expect(s.screen.contains("Attribute Bithumb hack (2018) to: type to narrow, Enter picks"))
        s.type("Lazarus")
        guard case .picker(let picker)? = s.state.overlay else { Issue.record("no picker"); return }
        #expect(picker.matches.first?.id == "act-lazarus")
        s.press("Enter")
        #expect(s.messageLine.hasPrefix("Confidence 0-100 that Lazarus Group (group) did it, then the basis:"))
        // Not a number: said, and asked again with the text kept.
        s.type("high").press("Enter")
        #expect(s.state.prompt?.purpose == .confidence(ids: [bithumb], actor: "act-lazarus"))
        #expect(s.messageLine.contains("Confidence is a number from 0 to 100"))
        #expect(s.store.content.record(id: bithumb) == before)
        s.press("Ctrl-U").type("70 TTP overlap").press("Enter")
        // Last, the source that supports it: picked like a citation.
        guard case .picker(let sources)? = s.state.overlay else { Issue.record("no source picker"); return }
        #expect(sources.items.first?.label == "(no source)")
        s.type("panel").press("Enter")

        #expect(s.messageLine == "Saved: Attribute Bithumb hack (2018) to Lazarus Group (high, 70)")
        let list = try #require(s.store.content.incidents[bithumb]?.attributions)
        #expect(list.contains(Attribution(actor: "act-lazarus", confidence: 70, basis: "TTP overlap",
                                          sources: [Citation(source: "src-un-poe-2019")])))
        #expect(list.count == 2)
        #expect(s.listRow(bithumb)?.contains("Lazarus Group (high 70)") == true, "now the strongest")
        // The detail lists every attribution, strongest first, each with its basis.
        let attributions = s.section("Attributions")
        #expect(attributions.first?.hasPrefix("Lazarus Group") == true && attributions.first?.hasSuffix(": high (70)") == true)
        #expect(attributions.dropFirst().first?.hasSuffix("TTP overlap") == true)
        #expect(attributions.dropFirst(2).first?.contains("source: Report of the Panel of Experts") == true)
        #expect(attributions.dropFirst(3).first?.hasPrefix("Democratic People's Republic of Korea (North Korea)") == true)
        #expect(attributions.dropFirst(3).first?.hasSuffix(": moderate (60)") == true)
        let lazarus = s.store.content.record(id: bithumb)
        expectUndoRedo(s, label: "Attribute Bithumb hack (2018) to Lazarus Group (high, 70)", id: bithumb,
                       before: before, after: lazarus)

        // A second actor at 40 sits alongside; the strongest stays Lazarus.
        s.press("=").type("park jin").press("Enter").type("40").press("Enter", "Enter")   // (no source)
        #expect(s.messageLine == "Saved: Attribute Bithumb hack (2018) to Park Jin Hyok (moderate, 40)")
        #expect(s.store.content.incidents[bithumb]?.attributions.map(\.actor).sorted() == ["act-dprk", "act-lazarus", "act-park-jin-hyok"])
        #expect(s.listRow(bithumb)?.contains("Lazarus Group (high 70)") == true)
        #expect(s.section("Attributions").contains { $0.hasPrefix("Park Jin Hyok") && $0.hasSuffix(": moderate (40)") })
        expectUndoRedo(s, label: "Attribute Bithumb hack (2018) to Park Jin Hyok (moderate, 40)", id: bithumb,
                       before: lazarus, after: s.store.content.record(id: bithumb))
    }

    @Test(arguments: [120, 200])
    func theAttributionColumnKeepsTheConfidenceWhenItIsNarrow(width: Int) throws {
        let file = try DemoCaseFile()
        let s = try file.open(width: width)
        defer { s.close() }
        s.press("/").type("Bithumb hack (2018)").press("Enter", "=").type("Lazarus").press("Enter").type("70").press("Enter", "Enter")
        #expect(s.store.content.incidents[bithumb]?.strongestAttribution?.actor == "act-lazarus")
        // Cut the actor's name, not the confidence: "Lazarus Gr… (high 70)", never "Lazarus Group (high …".
        let row = try #require(s.listRow(bithumb))
        #expect(row.contains("(high 70)"), "\(row)")
        #expect(s.listRow(sony)?.contains("(high 70)") == true)
    }

    @Test func attributeDoesNothingOnTheActorsPane() throws {
        let file = try DemoCaseFile()
        let s = try file.open()
        defer { s.close() }
        s.press("2", "=")
        #expect(s.state.overlay == nil && s.state.prompt == nil)
        #expect(s.messageLine == "= does nothing here (? lists the keys)")
        #expect(s.store.history.entries.isEmpty)
        // The palette says so too.
        s.press(":").type("attribute").press("Enter")
        #expect(s.messageLine == "attribute does not apply here")
        #expect(s.state.overlay == nil)
    }
}
