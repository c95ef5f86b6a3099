import CasebookModel
import CasebookStore

// Where imported claims come from. The bundle itself is one source (titled by its producer and
// file, carrying any statement marking such as MITRE's copyright), cited by every record it brings.
// An external reference with a URL, an external id or a bibliographic description is a source too;
// ATT&CK's bare `(Citation: X)` references only point at another reference by name, which is how
// an alias finds its source. A report is a source cited by the records it refers to.

extension StixImporter {
    mutating func makeBundleSource() {
        let base = baseName(fileName)
        let producers = bundle.objects.compactMap { $0.json.string("created_by_ref") }
        let producer = Dictionary(grouping: producers, by: { $0 }).max { $0.value.count < $1.value.count }
            .flatMap { identityNames[$0.key] }
        bundleSourceID = bundle.id.map { "src-" + ($0.hasPrefix("bundle--") ? String($0.dropFirst(8)) : StixText.slug($0)) }
            ?? "src-stix-" + StixText.slug(base)
        let latest = bundle.objects.compactMap { $0.time("modified") }.max()
        let statements = StixMarkings.statements(in: bundle)
        let version = bundle.specVersion ?? (bundle.objects.contains { $0.has("spec_version") } ? "2.1" : "2.0")
        let source = Source(
            meta: RecordMeta(id: bundleSourceID, created: now, tags: ["stix"]),
            title: "\(producer.map { $0 + ": " } ?? "")STIX \(version) bundle \(base)",
            publisher: producer, date: latest.map { String($0.prefix(10)) },
            excerpt: statements.isEmpty ? nil : statements.joined(separator: "\n"))
        batch.put(.source(source))
    }

    /// Sources for an object's external references; returns the citations the object makes.
    mutating func citationsFromReferences(_ o: StixObject) throws(StixObjectError) -> [Citation] {
        var citations: [Citation] = []
        for ref in try o.objects("external_references") {
            guard let id = sourceID(for: ref) else { continue }
            citations.append(Citation(source: id, locator: ref.string("external_id")))
        }
        return citations
    }

    /// Makes (or finds) the source for one external reference; nil for a bare citation marker.
    mutating func sourceID(for ref: JSONObject) -> String? {
        let name = ref.string("source_name") ?? "reference"
        let description = ref.string("description")
        let url = ref.string("url")
        let externalID = ref.string("external_id")
        // No URL, no id, and a description that only points at other references: a marker.
        let isMarker = description.map { $0.contains("(Citation:") } ?? true
        guard url != nil || externalID != nil || !isMarker else { return nil }
        let id: String
        if let externalID {
            id = "src-\(StixText.slug(name, limit: 24))-\(StixText.slug(externalID, limit: 24))"
        } else {
            id = "src-\(StixText.slug(name, limit: 32))-\(StixText.shortHash(url ?? description ?? name))"
        }
        if batch.record(id: id) == nil {
            let display = name == "mitre-attack" ? "MITRE ATT&CK" : name
            let title = isMarker ? display + (externalID.map { " " + $0 } ?? "") : description!
            let source = Source(meta: RecordMeta(id: id, created: now), title: title,
                                publisher: isMarker ? (name == "mitre-attack" ? "The MITRE Corporation" : nil) : name, url: url)
            batch.put(.source(source))
        }
        return id
    }

    /// The source an alias is cited from: ATT&CK lists each alias as a reference named after it
    /// whose description holds `(Citation: X)`, X being the reference with the URL.
    mutating func aliasSource(_ alias: String, in o: StixObject) -> String {
        let refs = (try? o.objects("external_references")) ?? []
        guard let entry = refs.first(where: { $0.string("source_name") == alias }),
              let cited = StixText.citations(in: entry.string("description")).first,
              let target = refs.first(where: { $0.string("source_name") == cited }),
              let id = sourceID(for: target) else { return bundleSourceID }
        return id
    }

    mutating func importReport(_ o: StixObject) throws(StixObjectError) {
        guard let id = recordIDs[o.id] else { return }
        let title = try o.string("name")
        var meta = try meta(o, id: id)
        meta.sources.removeAll { $0.source == id }
        // The report's own address: a reference with a URL that is not a citation of a source.
        let urls = try o.objects("external_references").filter { $0.string("external_id") == nil }.compactMap { $0.string("url") }
        let date = isCasebook(o) ? try o.optString("x_casebook_date") : o.time("published").map { String($0.prefix(10)) }
        let reliability = try o.optString("x_casebook_reliability").flatMap(Reliability.init(rawValue:))
        let publisher = try o.optString("x_casebook_publisher") ?? o.json.string("created_by_ref").flatMap { identityNames[$0] }
        let source = Source(meta: meta, title: title, publisher: publisher, date: date,
                            url: urls.first,
                            reliability: reliability, excerpt: StixText.plain(try o.optString("description")))
        guard batch.put(.source(source), line: o.line) else { throw o.fail("id", "\(id) is already used by another kind of record") }
    }

    /// A report's object_refs cite it (records Casebook exported carry their own citations).
    mutating func citeFromReport(_ o: StixObject) throws(StixObjectError) {
        guard !isCasebook(o), let sourceID = recordIDs[o.id] else { return }
        for ref in try o.strings("object_refs") {
            guard let id = recordIDs[ref], batch.record(id: id) != nil, id != sourceID else { continue }
            batch.update(id) { r in
                if !r.meta.sources.contains(where: { $0.source == sourceID }) { r.meta.sources.append(Citation(source: sourceID)) }
            }
        }
    }
}
