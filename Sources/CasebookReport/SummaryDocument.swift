// The summary laid out as a document: headings, paragraphs, tables and lists, in reading order.
// The three renderers walk these blocks, so each form has the same content. Text is still raw
// case data here; renderers escape it.

import CasebookModel

public struct ReportTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Footnote numbers per row (empty when the table carries none).
    public var notes: [[Int]]
    public var rightAligned: Set<Int>
    /// How many leading columns head a row when the table is too wide and is set as blocks.
    public var keyColumns: Int

    public init(headers: [String], rows: [[String]] = [], notes: [[Int]] = [], rightAligned: Set<Int> = [], keyColumns: Int = 1) {
        self.headers = headers
        self.rows = rows
        self.notes = notes
        self.rightAligned = rightAligned
        self.keyColumns = keyColumns
    }

    public var hasNotes: Bool { notes.contains { !$0.isEmpty } }
}

public enum ReportBlock: Sendable {
    case heading(String)
    case paragraph(String)
    case table(ReportTable)
    /// A numbered list (sources): number and text.
    case numbered([(Int, String)])
    case bullets([String])
}

extension Summary {
    static func usd(_ d: ExactDecimal?) -> String { d.map { "USD " + $0.formatted(minScale: 2) } ?? "" }
    static func amount(_ a: AssetAmount) -> String { "\(a.amount.formatted()) \(a.asset)" }

    /// Reliability as "B (usually reliable)".
    static func reliability(_ r: Reliability?) -> String { r.map { "\($0.rawValue) (\($0.meaning))" } ?? "not graded" }

    /// The summary's body, after the title block each renderer sets itself.
    public var blocks: [ReportBlock] {
        var b: [ReportBlock] = []
        if let s = caseSummary, !s.isEmpty { b.append(.paragraph(s)) }
        if let limit = maxMarking {
            b.append(.paragraph("Records marked above \(limit.label) are left out: \(omitted) record\(omitted == 1 ? "" : "s") omitted."))
        }

        let f = figures
        b.append(.heading("Key figures"))
        var lines = [
            "Incidents: \(f.incidentCount)" + (f.aggregateCount > 0 ? " (\(f.aggregateCount) aggregate, listed but not added into totals)" : ""),
            "Total stated losses: \(Self.usd(f.totalUSD))" + (f.incidentsWithoutUSD > 0 ? " (\(f.incidentsWithoutUSD) incidents state no USD figure)" : ""),
            "Attributed: \(Self.usd(f.attributedUSD)); unattributed: \(Self.usd(f.unattributedUSD))",
        ]
        lines += f.aggregates.map { "Aggregate, not added in (overlaps the incidents above): \($0.label): \(Self.usd($0.usd))" }
        b.append(.bullets(lines))
        if !f.perAsset.isEmpty {
            b.append(.table(ReportTable(headers: ["ASSET", "LOSSES"], rows: f.perAsset.map { [$0.asset, $0.amount.formatted()] },
                                        rightAligned: [1])))
        }
        if !f.byActor.isEmpty {
            b.append(.table(ReportTable(headers: ["ACTOR (STRONGEST ATTRIBUTION)", "INCIDENTS", "LOSSES USD"],
                                        rows: f.byActor.map { [$0.label, String($0.incidents), $0.usd.formatted(minScale: 2)] },
                                        rightAligned: [1, 2])))
        }
        if !f.byYear.isEmpty {
            b.append(.table(ReportTable(headers: ["YEAR", "INCIDENTS", "LOSSES USD"],
                                        rows: f.byYear.map { [$0.label, String($0.incidents), $0.usd.formatted(minScale: 2)] },
                                        rightAligned: [1, 2])))
        }

        b.append(.heading("Incidents"))
        b.append(.table(ReportTable(
            headers: ["DATE", "INCIDENT", "VICTIM", "KIND", "LOSSES", "STATUS", "ATTRIBUTION"],
            rows: incidents.map { i in
                var losses = i.losses.map(Self.amount).joined(separator: " + ")
                if let usd = i.usd, i.losses.contains(where: { $0.asset != "USD" }) { losses += " (\(Self.usd(usd)))" }
                return [i.date, i.title + (i.isAggregate ? " (aggregate: not in totals)" : ""), i.victim, i.kind,
                        losses, i.status, i.attributions.joined(separator: "; ")]
            },
            notes: incidents.map(\.notes), keyColumns: 2)))

        if !actors.isEmpty {
            b.append(.heading("Actors"))
            b.append(.table(ReportTable(
                headers: ["NAME", "ALIASES", "KIND", "COUNTRY", "SANCTIONS", "ATTRIBUTED", "ATTRIBUTED USD"],
                rows: actors.map { [$0.name, $0.aliases.joined(separator: ", "), $0.kind, $0.country,
                                    $0.sanctions.joined(separator: "; "), String($0.incidentsAttributed),
                                    $0.totalUSD.formatted(minScale: 2)] },
                notes: actors.map(\.notes), rightAligned: [5, 6], keyColumns: 1)))
        }

        if !flows.isEmpty {
            b.append(.heading("Where the money went"))
            b.append(.paragraph("Per incident and asset, from the funds ledger: theft = stolen; hop, swap, bridge = moved on; "
                + "cash-out = cashed out; stockpile = held; mixer = in mixers; purchase = spent. Unexplained = stolen less cashed out, "
                + "held, in mixers and spent; swaps move value between assets, so it can be negative for the asset swapped into."))
            b.append(.table(ReportTable(
                headers: ["INCIDENT", "ASSET", "STOLEN", "MOVED ON", "CASHED OUT", "HELD", "IN MIXERS", "SPENT", "UNEXPLAINED", "BASIS"],
                rows: flows.map { r in
                    [r.incident, r.asset] + [r.stolen, r.movedOn, r.cashedOut, r.held, r.inMixers, r.spent, r.unexplained].map { $0.formatted() }
                        + [r.basis.joined(separator: ", ")]
                },
                notes: flows.map(\.notes), rightAligned: Set(2...8), keyColumns: 2)))
        }

        if !annotations.isEmpty || !tags.isEmpty {
            b.append(.heading("Notes and tags"))
            if !annotations.isEmpty {
                b.append(.table(ReportTable(headers: ["RECORD", "AUTHOR", "DATE", "NOTE"],
                                            rows: annotations.map { [$0.record, $0.author, String($0.time.prefix(10)), $0.text] }, keyColumns: 3)))
            }
            if !tags.isEmpty {
                b.append(.paragraph("Tags: " + tags.map { "\($0.tag) (\($0.count))" }.joined(separator: ", ")))
            }
        }

        if !sources.isEmpty {
            b.append(.heading("Sources"))
            b.append(.numbered(sources.map { s in
                var parts = [s.title]
                if let p = s.publisher { parts.append(p) }
                if let d = s.date { parts.append(d) }
                parts.append("reliability " + Self.reliability(s.reliability))
                if let u = s.url { parts.append(u) }
                if !s.cited { parts.append("Not cited above") }
                return (s.number, parts.joined(separator: ". ") + ".")
            }))
        }

        if !problems.isEmpty {
            b.append(.heading("Problems (casebook check)"))
            b.append(.bullets(problems))
        }
        return b
    }

    /// The lines of the title block: generated, author, fingerprint.
    public var provenance: [String] {
        ["Generated \(generated) by \(author)", "Case fingerprint \(fingerprint) (SHA-256 of the canonical case)"]
    }
}
