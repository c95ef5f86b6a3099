import CasebookInterop
import CasebookModel
import Testing

@Suite("STIX import")
struct StixImportTests {
    static let bundle = InteropFixtures.bytes("small-bundle.json")

    func imported() throws -> (Case, ImportResult) {
        var c = InteropFixtures.emptyCase()
        let result = try InteropFixtures.importInto(&c, Self.bundle, name: "feeds/small-bundle.json")
        return (c, result)
    }

    @Test("intrusion sets, threat actors and identities become actors with their aliases and sources")
    func actors() throws {
        let (c, result) = try imported()
        #expect(result.added[.actor] == 3)
        let lotus = try #require(c.actors["intrusion-set--00000000-0000-4000-8000-000000000010"])
        #expect(lotus.name == "Hidden Lotus", "the newest version of a twice-listed object wins")
        #expect(lotus.kind == .group)
        #expect(lotus.summary == "Hidden Lotus steals from exchanges.", "Markdown links and citation markers are cleaned")
        #expect(lotus.aliases.map(\.name) == ["Jade Sleet", "\u{1B}[31mRed\u{1B}[0m Team"])
        let vendor = try #require(lotus.aliases.first?.source.flatMap { c.sources[$0] })
        #expect(vendor.title == "Vendor. (2020, March 1). Hidden Lotus unmasked. Retrieved March 2, 2020.")
        #expect(vendor.url == "https://vendor.example/lotus")
        #expect(lotus.meta.marking == "TLP:AMBER")
        #expect(lotus.meta.sources.contains { $0.source == "src-example-attack-g9001" && $0.locator == "G9001" })
        #expect(lotus.parent == "threat-actor--00000000-0000-4000-8000-000000000011", "attributed-to between actors sets the parent")
        let kim = try #require(c.actors["threat-actor--00000000-0000-4000-8000-000000000011"])
        #expect(kim.name == "김철수")
        #expect(kim.meta.marking == "TLP:RED")
        #expect(c.actors["identity--00000000-0000-4000-8000-000000000012"]?.kind == .organization)
        #expect(c.actors["identity--00000000-0000-4000-8000-000000000001"] == nil, "the producer identity is not an actor")
    }

    @Test("campaigns and incidents become incidents with attributions, confidence kept or unknown")
    func incidents() throws {
        let (c, _) = try imported()
        let campaign = try #require(c.incidents["campaign--00000000-0000-4000-8000-000000000020"])
        #expect(campaign.started == "2018-06-01T00:00:00Z" && campaign.ended == "2018-07-01T00:00:00Z")
        #expect(campaign.status == .attributed)
        #expect(campaign.attributions.count == 1)
        #expect(campaign.attributions[0].confidence == 85)
        #expect(campaign.attributions[0].basis == "Shared infrastructure.")
        #expect(campaign.summary?.contains("Also known as: Lotus Bloom.") == true)
        #expect(campaign.meta.sources.contains { $0.source == "report--00000000-0000-4000-8000-000000000060" }, "a report is cited by what it covers")
        #expect(campaign.meta.notes.contains { $0.text == "Opinion (agree): Matches our telemetry." })
        let incident = try #require(c.incidents["incident--00000000-0000-4000-8000-000000000021"])
        #expect(incident.attributions.first?.confidence == Attribution.unknownConfidence)
        #expect(incident.attributions.first?.level == .unknown)
        #expect(incident.victim == "identity--00000000-0000-4000-8000-000000000012")
        let report = try #require(c.sources["report--00000000-0000-4000-8000-000000000060"])
        #expect(report.title == "Lotus Bloom: a bank-to-exchange laundering chain")
        #expect(report.date == "2020-05-05" && report.url == "https://intel.example/lotus-bloom")
    }

    @Test("notes, the bundle as a source, and uses relationships kept as a note")
    func notesAndSources() throws {
        let (c, _) = try imported()
        let lotus = try #require(c.actors["intrusion-set--00000000-0000-4000-8000-000000000010"])
        let note = try #require(lotus.meta.notes.first { $0.id == "note--00000000-0000-4000-8000-000000000050" })
        #expect(note.author == "Analyst Kim" && note.time == "2021-02-02T10:00:00.000Z")
        #expect(note.text == "Wallet reuse\n\nThe same deposit addresses appear in both thefts.")
        let uses = try #require(lotus.meta.notes.first { $0.id.hasPrefix("note-uses-") })
        #expect(uses.text.contains("Malware: LotusLoader.") && uses.text.contains("T1566.002 Spearphishing Link"))
        let bundleSource = try #require(c.sources["src-11111111-1111-4111-8111-111111111111"])
        #expect(bundleSource.title == "Example Intel: STIX 2.1 bundle small-bundle.json")
        #expect(bundleSource.excerpt == "Copyright Example Intel")
        #expect(lotus.meta.sources.first?.source == bundleSource.id)
    }

    @Test("revoked and unmodelled objects are counted, bad ones fail with their line, the rest goes in")
    func skipsAndFailures() throws {
        let (c, result) = try imported()
        #expect(result.skipped["revoked"] == 1)
        #expect(result.skipped["attack-pattern (not modelled)"] == 1)
        #expect(result.skipped["malware (not modelled)"] == 1)
        #expect(result.skipped["indicator (not modelled)"] == 1)
        #expect(result.notices.contains { $0.contains("more than once") })
        #expect(result.failures.count == 2)
        #expect(result.failures.contains { $0.line == 22 && $0.reason.contains("intrusion-set--00000000-0000-4000-8000-000000000099") })
        #expect(result.failures.contains { $0.line == 23 && $0.reason == "name must be a string, not a number" })
        #expect(c.validate().isEmpty)
        #expect(result.edit?.label == "Import small-bundle.json (stix): 5 sources, 2 incidents, 3 actors")
    }

    @Test("escape sequences from a bundle never reach the report raw")
    func escapes() throws {
        var c = InteropFixtures.emptyCase()
        let hostile = Array(#"{"type":"bundle","id":"bundle--1","objects":[{"type":"threat-actor","id":"x--1","name":7,"created":"\u001b]0;pwn\u0007"}]}"#.utf8)
        let result = try InteropFixtures.importInto(&c, hostile, name: "h.json")
        let text = result.reportLines().joined(separator: "\n")
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
    }

    @Test("importing the same bundle again changes nothing; a newer version updates in place")
    func reimport() throws {
        var (c, _) = try imported()
        let before = c
        let again = try InteropFixtures.importInto(&c, Self.bundle, name: "small-bundle.json")
        #expect(again.edit == nil)
        #expect(again.added.isEmpty && again.updated.isEmpty)
        #expect(again.unchanged[.actor] == 3)
        #expect(c == before)
        let renamed = String(decoding: Self.bundle, as: UTF8.self).replacingOccurrences(of: "Operation Lotus Bloom", with: "Operation Lotus Bloom II")
        let third = try InteropFixtures.importInto(&c, Array(renamed.utf8), name: "small-bundle.json")
        #expect(third.updated[.incident] == 1 && third.added.isEmpty)
        #expect(c.incidents["campaign--00000000-0000-4000-8000-000000000020"]?.title == "Operation Lotus Bloom II")
        #expect(c.recordCount == before.recordCount)
    }

    @Test("an import is one edit: its inverse restores the case exactly")
    func undoable() throws {
        var c = InteropFixtures.emptyCase()
        let original = c
        let result = try InteropFixtures.importInto(&c, Self.bundle, name: "small-bundle.json")
        try c.apply(try #require(result.edit).inverse)
        #expect(c == original)
    }

    @Test("an actor the case already has by name is added to, not duplicated; its own fields win")
    func adoptsByName() throws {
        var c = InteropFixtures.emptyCase()
        c.insert(.actor(Actor(meta: RecordMeta(id: "act-lotus", created: "2026-01-01T00:00:00Z"), name: "hidden lotus",
                              kind: .unit, aliases: [Alias(name: "Jade Sleet")], summary: "Our own words.")))
        let result = try InteropFixtures.importInto(&c, Self.bundle, name: "small-bundle.json")
        #expect(result.updated[.actor] == 1 && result.added[.actor] == 2)
        let lotus = try #require(c.actors["act-lotus"])
        #expect(lotus.summary == "Our own words." && lotus.kind == .unit && lotus.name == "hidden lotus")
        #expect(lotus.aliases.map(\.name).contains("\u{1B}[31mRed\u{1B}[0m Team"))
        #expect(lotus.aliases.filter { $0.name == "Jade Sleet" }.count == 1)
        #expect(c.incidents["campaign--00000000-0000-4000-8000-000000000020"]?.attributions.first?.actor == "act-lotus")
    }

    @Test("STIX 2.0 objects (no spec_version) import the same way")
    func stix20() throws {
        let text = String(decoding: Self.bundle, as: UTF8.self).replacingOccurrences(of: "\"spec_version\":\"2.1\",", with: "")
        var c = InteropFixtures.emptyCase()
        let result = try InteropFixtures.importInto(&c, Array(text.utf8), name: "v20.json")
        #expect(result.added[.actor] == 3 && result.added[.incident] == 2)
        #expect(c.sources["src-11111111-1111-4111-8111-111111111111"]?.title == "Example Intel: STIX 2.0 bundle v20.json")
    }
}
