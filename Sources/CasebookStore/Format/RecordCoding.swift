import CasebookModel

// Records <-> JSON. The key order written here is the file format's: `id` first, the record's
// own fields, then marking, tags, sources, notes, created, modified. Optional fields that are
// unset and empty lists are left out. Amounts are decimal strings.

enum RecordCoding {
    // MARK: Encoding

    static func encode(_ record: AnyRecord) -> JSONValue {
        var o = JSONObject()
        o.add("id", record.id)
        switch record {
        case .source(let s):
            o.add("title", s.title)
            o.add("publisher", s.publisher)
            o.add("date", s.date)
            o.add("url", s.url)
            o.add("reliability", s.reliability?.rawValue)
            o.add("excerpt", s.excerpt)
        case .incident(let i):
            o.add("title", i.title)
            o.add("kind", i.kind.rawValue)
            o.add("status", i.status.rawValue)
            o.add("started", i.started)
            o.add("ended", i.ended)
            o.add("victim", i.victim)
            o.add("country", i.country)
            o.add("losses", array: i.losses.map { loss in
                var l = JSONObject()
                l.add("asset", loss.asset)
                l.add("amount", loss.amount.description)
                l.add("usd", loss.usd?.description)
                return .object(l)
            })
            o.add("attributions", array: i.attributions.map(encode))
            o.add("summary", i.summary)
        case .actor(let a):
            o.add("name", a.name)
            o.add("kind", a.kind.rawValue)
            o.add("country", a.country)
            o.add("parent", a.parent)
            o.add("aliases", array: a.aliases.map { alias in
                var l = JSONObject()
                l.add("name", alias.name)
                l.add("source", alias.source)
                return .object(l)
            })
            o.add("sanctions", array: a.sanctions.map { s in
                var l = JSONObject()
                l.add("programme", s.programme)
                l.add("authority", s.authority)
                l.add("date", s.date)
                l.add("reference", s.reference)
                return .object(l)
            })
            o.add("summary", a.summary)
        case .wallet(let w):
            o.add("chain", w.chain)
            o.add("address", w.address)
            o.add("label", w.label)
            o.add("attributions", array: w.attributions.map(encode))
        case .transfer(let t):
            o.add("time", t.time)
            o.add("from", t.from)
            o.add("to", t.to)
            o.add("asset", t.asset)
            o.add("amount", t.amount.description)
            o.add("usd", t.usd?.description)
            o.add("rateSource", t.rateSource)
            o.add("txHash", t.txHash)
            o.add("incident", t.incident)
            o.add("kind", t.kind.rawValue)
            o.add("basis", t.basis.rawValue)
        }
        let m = record.meta
        o.add("marking", m.marking)
        o.add("tags", array: m.tags.map { .string($0) })
        o.add("sources", array: m.sources.map(encode))
        o.add("notes", array: m.notes.map { n in
            var l = JSONObject()
            l.add("id", n.id)
            l.add("author", n.author)
            l.add("time", n.time)
            l.add("text", n.text)
            return .object(l)
        })
        o.add("created", m.created)
        o.add("modified", m.modified)
        return .object(o)
    }

    static func encode(_ c: Citation) -> JSONValue {
        var o = JSONObject()
        o.add("source", c.source)
        o.add("locator", c.locator)
        return .object(o)
    }

    static func encode(_ a: Attribution) -> JSONValue {
        var o = JSONObject()
        o.add("actor", a.actor)
        if a.isConfidenceKnown { o.add("confidence", .number(String(a.confidence))) }
        o.add("basis", a.basis)
        o.add("sources", array: a.sources.map(encode))
        return .object(o)
    }

    // MARK: Decoding

    static func decode(_ value: JSONValue, kind: RecordKind, path: String) throws(FormatError) -> AnyRecord {
        var r = try FieldReader(value, path: path)
        let id = try r.string("id")
        r.path = "\(path) (\(id))"
        let record = try decodeFields(&r, kind: kind, id: id)
        try r.finish()
        return record
    }

    private static func decodeFields(_ r: inout FieldReader, kind: RecordKind, id: String) throws(FormatError) -> AnyRecord {
        let record: AnyRecord
        switch kind {
        case .source:
            record = .source(Source(meta: placeholderMeta(id), title: try r.string("title"), publisher: try r.optString("publisher"),
                                    date: try r.optString("date"), url: try r.optString("url"),
                                    reliability: try r.optChoice("reliability", Reliability.self), excerpt: try r.optString("excerpt")))
        case .incident:
            let losses = try r.objects("losses") { (l: inout FieldReader) throws(FormatError) in
                Loss(asset: try l.string("asset"), amount: try l.decimal("amount"), usd: try l.optDecimal("usd"))
            }
            record = .incident(Incident(meta: placeholderMeta(id), title: try r.string("title"), kind: try r.choice("kind", IncidentKind.self),
                                        started: try r.optString("started"), ended: try r.optString("ended"),
                                        victim: try r.optString("victim"), country: try r.optString("country"), losses: losses,
                                        status: try r.choice("status", IncidentStatus.self),
                                        attributions: try r.objects("attributions", attribution), summary: try r.optString("summary")))
        case .actor:
            let aliases = try r.objects("aliases") { (l: inout FieldReader) throws(FormatError) in
                Alias(name: try l.string("name"), source: try l.optString("source"))
            }
            let sanctions = try r.objects("sanctions") { (l: inout FieldReader) throws(FormatError) in
                Sanction(programme: try l.string("programme"), authority: try l.string("authority"),
                         date: try l.optString("date"), reference: try l.optString("reference"))
            }
            record = .actor(Actor(meta: placeholderMeta(id), name: try r.string("name"), kind: try r.choice("kind", ActorKind.self),
                                  aliases: aliases, country: try r.optString("country"), sanctions: sanctions,
                                  parent: try r.optString("parent"), summary: try r.optString("summary")))
        case .wallet:
            record = .wallet(Wallet(meta: placeholderMeta(id), chain: try r.string("chain"), address: try r.string("address"),
                                    label: try r.optString("label"), attributions: try r.objects("attributions", attribution)))
        case .transfer:
            record = .transfer(Transfer(meta: placeholderMeta(id), time: try r.string("time"), from: try r.string("from"),
                                        to: try r.string("to"), asset: try r.string("asset"), amount: try r.decimal("amount"),
                                        usd: try r.optDecimal("usd"), rateSource: try r.optString("rateSource"),
                                        txHash: try r.optString("txHash"), incident: try r.optString("incident"),
                                        kind: try r.choice("kind", TransferKind.self), basis: try r.choice("basis", TransferBasis.self)))
        }
        var out = record
        out.meta = RecordMeta(id: id, created: try r.string("created"), modified: try r.optString("modified"),
                              marking: try r.optString("marking"), tags: try r.strings("tags"),
                              notes: try r.objects("notes") { (n: inout FieldReader) throws(FormatError) in
                                  Note(id: try n.string("id"), author: try n.string("author"), time: try n.string("time"),
                                       text: try n.string("text"))
                              },
                              sources: try r.objects("sources", citation))
        return out
    }

    private static func placeholderMeta(_ id: String) -> RecordMeta { RecordMeta(id: id, created: "") }

    static func citation(_ r: inout FieldReader) throws(FormatError) -> Citation {
        Citation(source: try r.string("source"), locator: try r.optString("locator"))
    }

    static func attribution(_ r: inout FieldReader) throws(FormatError) -> Attribution {
        Attribution(actor: try r.string("actor"), confidence: try r.optInt("confidence") ?? Attribution.unknownConfidence, basis: try r.optString("basis"),
                    sources: try r.objects("sources", citation))
    }
}
