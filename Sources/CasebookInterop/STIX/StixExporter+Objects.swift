import CasebookModel
import CasebookStore

// The STIX objects for each kind of record, and the relationships and notes that go with them.

extension StixExporter {
    mutating func export(_ r: AnyRecord) {
        // Once the sink has failed nothing more is written: the rest is not even made.
        guard sinkError == nil else { return }
        var o = common(r)
        switch r {
        case .actor(let a):
            o.add("name", a.name)
            o.add("description", a.summary)
            let type = StixText.type(ofID: stixIDs[a.id]!)
            if type == "identity" {
                o.add("identity_class", a.kind == .person ? "individual" : "organization")
            } else {
                o.add("aliases", array: a.aliases.map { .string($0.name) })
                if type == "threat-actor", a.kind == .state { o.add("threat_actor_types", array: [.string("nation-state")]) }
            }
            o.add("x_casebook_kind", a.kind.rawValue)
            o.add("x_casebook_aliases", array: a.aliases.map { alias in
                var x = JSONObject()
                x.add("name", alias.name)
                x.add("source", ref(alias.source))
                return .object(x)
            })
            o.add("x_casebook_country", a.country)
            o.add("x_casebook_sanctions", array: a.sanctions.map { s in
                var x = JSONObject()
                x.add("programme", s.programme)
                x.add("authority", s.authority)
                x.add("date", s.date)
                x.add("reference", s.reference)
                return .object(x)
            })
            o.add("x_casebook_parent", ref(a.parent))
            emit(o)
            if let parent = ref(a.parent) { relationship("attributed-to", from: a.id, to: parent, record: r) }
        case .incident(let i):
            o.add("name", i.title)
            o.add("description", i.summary)
            o.add("x_casebook_kind", i.kind.rawValue)
            o.add("x_casebook_status", i.status.rawValue)
            o.add("x_casebook_started", i.started)
            o.add("x_casebook_ended", i.ended)
            o.add("x_casebook_victim", ref(i.victim))
            o.add("x_casebook_country", i.country)
            o.add("x_casebook_losses", array: i.losses.map { l in
                var x = JSONObject()
                x.add("asset", l.asset)
                x.add("amount", l.amount.description)
                x.add("usd", l.usd?.description)
                return .object(x)
            })
            emit(o)
            attributions(i.attributions, of: r)
            if let victim = ref(i.victim) { relationship("targets", from: i.id, to: victim, record: r) }
        case .source(let s):
            o.add("name", s.title)
            o.add("description", s.excerpt)
            o.add("published", StixText.precise(s.date) ?? StixText.precise(s.meta.created) ?? now)
            let citing = citedBy[s.id] ?? []
            o.add("object_refs", array: (citing.isEmpty ? [groupingID] : citing).map(JSONValue.string))
            if let url = s.url {
                // The source's own address first (no external_id), then what it cites.
                var x = JSONObject()
                x.add("source_name", s.publisher ?? s.title)
                x.add("url", url)
                var refs: [JSONValue] = [.object(x)]
                if let k = o.pairs.firstIndex(where: { $0.key == "external_references" }) {
                    if case .array(let cited) = o.pairs[k].value { refs += cited }
                    o.pairs.remove(at: k)
                }
                o.add("external_references", array: refs)
            }
            o.add("x_casebook_date", s.date)
            o.add("x_casebook_publisher", s.publisher)
            o.add("x_casebook_reliability", s.reliability?.rawValue)
            emit(o)
        case .wallet(let w):
            o.add("chain", w.chain)
            o.add("address", w.address)
            o.add("label", w.label)
            emit(o)
            attributions(w.attributions, of: r)
        case .transfer(let t):
            o.add("time", t.time)
            o.add("from_ref", ref(t.from))
            o.add("to_ref", ref(t.to))
            o.add("asset", t.asset)
            o.add("amount", t.amount.description)
            o.add("usd", t.usd?.description)
            o.add("rate_source", t.rateSource)
            o.add("tx_hash", t.txHash)
            o.add("incident_ref", ref(t.incident))
            o.add("transfer_kind", t.kind.rawValue)
            o.add("basis", t.basis.rawValue)
            emit(o)
        }
        notes(of: r)
    }

    var groupingID: String { StixText.stixID(type: "grouping", for: c.info.title + "|" + c.info.created) }

    /// The STIX ids of the records that cite each source.
    func citingRecords() -> [String: [String]] {
        var out: [String: [String]] = [:]
        for kind in RecordKind.allCases {
            c.forEachRecord(of: kind) { r in
                var cited = Set(r.meta.sources.map(\.source))
                for a in r.attributions ?? [] { cited.formUnion(a.sources.map(\.source)) }
                for s in cited.sorted() { out[s, default: []].append(stixIDs[r.id]!) }
            }
        }
        return out
    }

    mutating func attributions(_ list: [Attribution], of r: AnyRecord) {
        for a in list {
            guard let actor = ref(a.actor) else { continue }
            let cited = citations(a.sources)
            relationship("attributed-to", from: r.id, to: actor, record: r) { o in
                if a.isConfidenceKnown { o.add("confidence", .number(String(a.confidence))) }
                o.add("description", a.basis)
                o.add("x_casebook_basis", a.basis)
                o.add("x_casebook_sources", array: cited)
            }
        }
    }

    mutating func relationship(_ type: String, from recordID: String, to target: String, record: AnyRecord,
                               _ extra: (inout JSONObject) -> Void = { _ in }) {
        let source = stixIDs[recordID]!
        var o = JSONObject()
        o.add("type", "relationship")
        o.add("spec_version", "2.1")
        o.add("id", StixText.stixID(type: "relationship", for: "\(source)|\(type)|\(target)"))
        o.add("created", StixText.precise(record.meta.created) ?? now)
        o.add("modified", StixText.precise(record.meta.modified) ?? now)
        o.add("relationship_type", type)
        o.add("source_ref", source)
        o.add("target_ref", target)
        extra(&o)
        o.add("x_casebook_version", .number(String(Self.extensionVersion)))
        emit(o)
    }

    mutating func notes(of r: AnyRecord) {
        for note in r.meta.notes {
            var o = JSONObject()
            o.add("type", "note")
            o.add("spec_version", "2.1")
            // A STIX note imported onto several records keeps its id once; the others get their own.
            let reuse = StixText.isStixID(note.id, types: ["note"]) && emittedNotes.insert(note.id).inserted
            let id = reuse ? note.id : StixText.stixID(type: "note", for: "\(r.id)|\(note.id)")
            o.add("id", id)
            let time = StixText.precise(note.time) ?? now
            o.add("created", time)
            o.add("modified", time)
            if time != note.time { o.add("x_casebook_time", note.time) }
            o.add("content", note.text)
            o.add("authors", array: [.string(note.author)])
            o.add("object_refs", array: [.string(stixIDs[r.id]!)])
            if note.id != id { o.add("x_casebook_note_id", note.id) }
            o.add("x_casebook_version", .number(String(Self.extensionVersion)))
            emit(o)
        }
    }

    func grouping() -> JSONValue {
        var o = JSONObject()
        o.add("type", "grouping")
        o.add("spec_version", "2.1")
        o.add("id", groupingID)
        let created = StixText.precise(c.info.created) ?? now
        o.add("created", created)
        o.add("modified", max(created, latestModified ?? created))
        o.add("name", c.info.title)
        o.add("description", c.info.summary)
        o.add("context", "suspicious-activity")
        o.add("object_refs", array: stixIDs.values.sorted().map(JSONValue.string))
        o.add("x_casebook_marking", c.info.marking)
        o.add("x_casebook_version", .number(String(Self.extensionVersion)))
        return .object(o)
    }
}
