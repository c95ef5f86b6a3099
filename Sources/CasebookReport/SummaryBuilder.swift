// Builds a Summary from a Case. Order matters for footnotes: sources are numbered in order of
// first citation as the summary reads (incidents, then actors, then flows), uncited ones after.

import CasebookModel
import CasebookStore

extension Summary {
    public init(case c: Case, options: SummaryOptions) {
        // Hashing the whole case is the longest single task: it runs alongside the rest.
        let hashing = Fingerprint(of: c)
        self.init(title: c.info.title, marking: c.info.marking ?? "unmarked", caseSummary: c.info.summary,
                  generated: options.generated, author: options.author,
                  fingerprint: "", maxMarking: options.maxMarking)
        let caseLevel = TLP.level(of: c.info.marking)
        let limit = options.maxMarking
        // Whether a record with this marking is in the summary (asked of the marking alone, so
        // a million transfers' metas are not copied to be asked).
        func allowedMarking(_ marking: String?) -> Bool {
            guard let limit else { return true }
            return (marking.map { TLP.level(of: $0) } ?? caseLevel) <= limit
        }
        func allowed(_ meta: RecordMeta) -> Bool { allowedMarking(meta.marking) }
        // Whether some record with this id is in the summary (ids can clash across kinds).
        func isIncluded(_ id: String) -> Bool {
            if limit == nil {
                return c.sources.index(forKey: id) != nil || c.incidents.index(forKey: id) != nil
                    || c.actors.index(forKey: id) != nil || c.wallets.index(forKey: id) != nil
                    || c.transfers.index(forKey: id) != nil
            }
            return [c.sources[id]?.meta, c.incidents[id]?.meta, c.actors[id]?.meta, c.wallets[id]?.meta,
                    c.transfers[id]?.meta].contains { $0.map(allowed) ?? false }
        }
        func name(_ id: String?) -> String {
            guard let id else { return "" }
            guard let r = c.record(id: id) else { return id }
            return isIncluded(id) ? r.displayName : "[withheld]"
        }
        // Records in the summary by kind, in id order where order shows; the big tables
        // are neither sorted nor copied whole.
        func kept<R: CaseRecord>(_ table: RecordTable<R>) -> [R] {
            table.values.filter { allowed($0.meta) }.sorted { $0.id < $1.id }
        }
        let keptSources = kept(c.sources), keptActors = kept(c.actors)
        var keptCount = keptSources.count + keptActors.count

        var numbering = Footnotes(included: Set(keptSources.map(\.id)))
        let incidents = c.incidents.values.filter { allowed($0.meta) }
            .sorted { ($0.started ?? "9999", $0.id) < ($1.started ?? "9999", $1.id) }
        keptCount += incidents.count

        // Key figures and the incidents table.
        var perAsset: [String: ExactDecimal] = [:]
        var byActor: [String: USDGroup] = [:], byYear: [String: USDGroup] = [:]
        for i in incidents {
            let strongest = i.strongestAttribution.flatMap { $0.confidence > 0 ? $0 : nil }
            incidentsRow(i, name: name, numbering: &numbering)
            figures.incidentCount += 1
            if i.isAggregate {
                figures.aggregateCount += 1
                figures.aggregates.append(USDGroup(label: i.title, usd: i.lossUSD ?? .zero, incidents: 1))
                continue
            }
            for l in i.losses { perAsset[l.asset, default: .zero] += l.amount }
            if i.lossUSD == nil { figures.incidentsWithoutUSD += 1 }
            let usd = i.lossUSD ?? .zero
            figures.totalUSD += usd
            if let a = strongest {
                figures.attributedUSD += usd
                byActor[a.actor, default: USDGroup(label: name(a.actor), usd: .zero, incidents: 0)].add(usd)
            } else {
                figures.unattributedUSD += usd
            }
            let year = CaseTime.year(i.started).map(String.init) ?? "unknown"
            byYear[year, default: USDGroup(label: year, usd: .zero, incidents: 0)].add(usd)
        }
        figures.perAsset = perAsset.keys.sorted().map { AssetAmount(asset: $0, amount: perAsset[$0]!) }
        figures.byActor = byActor.values.sorted { ($1.usd, $0.label) < ($0.usd, $1.label) }
        figures.byYear = byYear.values.sorted { ($0.label == "unknown" ? "~" : $0.label) < ($1.label == "unknown" ? "~" : $1.label) }

        // Actors.
        for a in keptActors {
            let mine = incidents.filter { !$0.isAggregate && $0.strongestAttribution?.actor == a.id && ($0.strongestAttribution?.confidence ?? 0) > 0 }
            actors.append(ActorRow(
                name: a.name, aliases: a.aliases.map(\.name), kind: a.kind.rawValue, country: a.country ?? "",
                sanctions: a.sanctions.map { "\($0.programme) (" + ([$0.authority] + [$0.date].compactMap { $0 }).joined(separator: ", ") + ")" },
                incidentsAttributed: mine.count, totalUSD: mine.compactMap(\.lossUSD).reduce(.zero, +),
                notes: numbering.numbers(a.meta.sources + a.aliases.compactMap { $0.source.map { Citation(source: $0) } })))
        }

        actors.sort { ($1.incidentsAttributed, $0.name) < ($0.incidentsAttributed, $1.name) }

        // Where the money went (one pass over the transfers, which also counts their tags).
        var tagCounts: [String: Int] = [:]
        let notedTransfers = addFlows(c, incidents: incidents, allowed: allowedMarking, name: name,
                                      numbering: &numbering, kept: &keptCount, tagCounts: &tagCounts)

        // Notes, tags, sources, problems. Only records with notes are sorted into file order.
        func annotate<R: CaseRecord>(_ table: RecordTable<R>, _ noted: [String]) {
            for id in noted.sorted() {
                guard let r = table[id] else { continue }
                for n in r.meta.notes.sorted(by: { ($0.time, $0.id) < ($1.time, $1.id) }) {
                    annotations.append(NoteRow(record: r.displayName, author: n.author, time: n.time, text: n.text))
                }
            }
        }
        func notesAndTags<R: CaseRecord>(_ table: RecordTable<R>) {
            var noted: [String] = []
            table.values.withUnsafeBufferPointer { records in   // in place: no copy of each record
                for k in records.indices where !records[k].meta.tags.isEmpty || !records[k].meta.notes.isEmpty {
                    guard allowedMarking(records[k].meta.marking) else { continue }
                    for tag in Set(records[k].meta.tags) { tagCounts[tag, default: 0] += 1 }
                    if !records[k].meta.notes.isEmpty { noted.append(records[k].id) }
                }
            }
            annotate(table, noted)
        }
        notesAndTags(c.sources)
        notesAndTags(c.incidents)
        notesAndTags(c.actors)
        notesAndTags(c.wallets)
        annotate(c.transfers, notedTransfers)
        keptCount += limit == nil ? c.wallets.count : c.wallets.values.lazy.filter { allowedMarking($0.meta.marking) }.count
        omitted = c.recordCount - keptCount
        tags = tagCounts.keys.sorted().map { ($0, tagCounts[$0]!) }
        let all = keptSources
        let uncited = all.filter { numbering.number[$0.id] == nil }.map(\.id)
        for id in uncited { numbering.assign(id) }
        sources = all.map { s in
            SourceRow(number: numbering.number[s.id]!, id: s.id, title: s.title, publisher: s.publisher, date: s.date,
                      reliability: s.reliability, url: s.url, cited: !uncited.contains(s.id))
        }.sorted { $0.number < $1.number }
        problems = c.validate().filter { isIncluded($0.recordID) }.map(\.description)
        fingerprint = hashing.wait()
    }

    private mutating func incidentsRow(_ i: Incident, name: (String?) -> String, numbering: inout Footnotes) {
        let ranked = i.attributions.enumerated().sorted { ($1.element.confidence, $0.offset) < ($0.element.confidence, $1.offset) }.map(\.element)
        let notes = numbering.numbers(i.meta.sources + ranked.flatMap(\.sources))
        incidents.append(IncidentRow(
            id: i.id, date: i.started ?? "", title: i.title, victim: name(i.victim), kind: i.kind.rawValue,
            usd: i.lossUSD, losses: i.losses.map { AssetAmount(asset: $0.asset, amount: $0.amount) },
            status: i.status.rawValue, attributions: ranked.map { "\(name($0.actor)) (\($0.confidenceLabel))" },
            isAggregate: i.isAggregate, notes: notes))
    }
}

extension USDGroup {
    mutating func add(_ usd: ExactDecimal) {
        self.usd += usd
        incidents += 1
    }
}

/// Numbers sources in order of first citation; citations of sources not in the summary get none.
struct Footnotes {
    let included: Set<String>
    var number: [String: Int] = [:]

    init(included: Set<String>) { self.included = included }

    mutating func assign(_ id: String) {
        if number[id] == nil { number[id] = number.count + 1 }
    }

    /// The footnote numbers of `citations`, in order, without repeats.
    mutating func numbers(_ citations: [Citation]) -> [Int] {
        var out: [Int] = []
        for c in citations where included.contains(c.source) {
            assign(c.source)
            if let n = number[c.source], !out.contains(n) { out.append(n) }
        }
        return out.sorted()
    }
}
