// Builds a Summary from a Case. Order matters for footnotes: sources are numbered in order of
// first citation as the summary reads (incidents, then actors, then flows), uncited ones after.

import CasebookModel
import CasebookStore

extension Summary {
    public init(case c: Case, options: SummaryOptions) {
        let canonical = CaseCoding.encode(CaseDocument(content: c))
        self.init(title: c.info.title, marking: c.info.marking ?? "unmarked", caseSummary: c.info.summary,
                  generated: options.generated, author: options.author,
                  fingerprint: String(SHA256.hex(canonical).prefix(16)), maxMarking: options.maxMarking)
        let caseLevel = TLP.level(of: c.info.marking)
        func allowed(_ meta: RecordMeta) -> Bool {
            guard let limit = options.maxMarking else { return true }
            return (meta.marking.map { TLP.level(of: $0) } ?? caseLevel) <= limit
        }
        let included = c.allRecords.filter { allowed($0.meta) }
        let ids = Set(included.map(\.id))
        omitted = c.recordCount - included.count
        func name(_ id: String?) -> String {
            guard let id else { return "" }
            guard let r = c.record(id: id) else { return id }
            return ids.contains(id) ? r.displayName : "[withheld]"
        }

        var numbering = Footnotes(included: Set(included.filter { $0.kind == .source }.map(\.id)))
        let incidents = included.compactMap { if case .incident(let i) = $0 { i } else { nil } }
            .sorted { ($0.started ?? "9999", $0.id) < ($1.started ?? "9999", $1.id) }

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
        for case .actor(let a) in included {
            let mine = incidents.filter { !$0.isAggregate && $0.strongestAttribution?.actor == a.id && ($0.strongestAttribution?.confidence ?? 0) > 0 }
            actors.append(ActorRow(
                name: a.name, aliases: a.aliases.map(\.name), kind: a.kind.rawValue, country: a.country ?? "",
                sanctions: a.sanctions.map { "\($0.programme) (" + ([$0.authority] + [$0.date].compactMap { $0 }).joined(separator: ", ") + ")" },
                incidentsAttributed: mine.count, totalUSD: mine.compactMap(\.lossUSD).reduce(.zero, +),
                notes: numbering.numbers(a.meta.sources + a.aliases.compactMap { $0.source.map { Citation(source: $0) } })))
        }

        actors.sort { ($1.incidentsAttributed, $0.name) < ($0.incidentsAttributed, $1.name) }

        // Where the money went.
        let transfers = included.compactMap { if case .transfer(let t) = $0 { t } else { nil } }
        var order = incidents.map(\.id)
        let known = Set(order)
        if transfers.contains(where: { $0.incident == nil || !known.contains($0.incident!) }) { order.append("") }
        // Grouped once: filtering every transfer per incident was quadratic (minutes at 1M transfers).
        var byIncident: [String: [Transfer]] = [:]
        for t in transfers { byIncident[(t.incident.map { known.contains($0) } ?? false) ? t.incident! : "", default: []].append(t) }
        for incident in order {
            let mine = byIncident[incident] ?? []
            for asset in Set(mine.map(\.asset)).sorted() {
                var row = FlowRow(incident: incident.isEmpty ? "(no incident in this summary)" : name(incident), asset: asset)
                for t in mine.sorted(by: { $0.id < $1.id }) where t.asset == asset {
                    switch t.kind {
                    case .theft: row.stolen += t.amount
                    case .hop, .swap, .bridge: row.movedOn += t.amount
                    case .cashOut: row.cashedOut += t.amount
                    case .stockpile: row.held += t.amount
                    case .mixer: row.inMixers += t.amount
                    case .purchase: row.spent += t.amount
                    }
                    if !row.basis.contains(t.basis.rawValue) { row.basis.append(t.basis.rawValue) }
                    for n in numbering.numbers(t.meta.sources) where !row.notes.contains(n) { row.notes.append(n); row.notes.sort() }
                }
                flows.append(row)
            }
        }

        // Notes, tags, sources, problems.
        var tagCounts: [String: Int] = [:]
        for r in included {
            for tag in Set(r.meta.tags) { tagCounts[tag, default: 0] += 1 }
            for n in r.meta.notes.sorted(by: { ($0.time, $0.id) < ($1.time, $1.id) }) {
                annotations.append(NoteRow(record: r.displayName, author: n.author, time: n.time, text: n.text))
            }
        }
        tags = tagCounts.keys.sorted().map { ($0, tagCounts[$0]!) }
        let all = included.compactMap { if case .source(let s) = $0 { s } else { nil } }
        let uncited = all.filter { numbering.number[$0.id] == nil }.map(\.id)
        for id in uncited { numbering.assign(id) }
        sources = all.map { s in
            SourceRow(number: numbering.number[s.id]!, id: s.id, title: s.title, publisher: s.publisher, date: s.date,
                      reliability: s.reliability, url: s.url, cited: !uncited.contains(s.id))
        }.sorted { $0.number < $1.number }
        problems = c.validate().filter { ids.contains($0.recordID) }.map(\.description)
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
