import CasebookModel
import CasebookReport

// Re-importing what is already in the case updates it instead of duplicating it. The import is the
// authority for the fields it carries (a name, a date, an amount), but what people added in the
// case survives: tags and source citations are united, notes and attributions are replaced one by
// one (a note with the same id, an attribution to the same actor) and the rest kept, and a field
// the import leaves empty keeps the case's value.

enum RecordMerge {
    static func merge(_ existing: AnyRecord, _ incoming: AnyRecord) -> AnyRecord {
        var meta = mergeMeta(existing.meta, incoming.meta)
        switch (existing, incoming) {
        case (.source(let old), .source(var new)):
            new.publisher = new.publisher ?? old.publisher
            new.date = new.date ?? old.date
            new.url = new.url ?? old.url
            new.reliability = new.reliability ?? old.reliability
            new.excerpt = new.excerpt ?? old.excerpt
            new.meta = meta
            return .source(new)
        case (.actor(let old), .actor(var new)):
            new.aliases = unite(old.aliases, new.aliases) { $0.name.lowercased() }
            new.country = new.country ?? old.country
            new.sanctions = unite(old.sanctions, new.sanctions) { "\($0.authority)|\($0.programme)|\($0.date ?? "")" }
            new.parent = new.parent ?? old.parent
            new.summary = new.summary ?? old.summary
            new.meta = meta
            return .actor(new)
        case (.incident(let old), .incident(var new)):
            new.started = new.started ?? old.started
            new.ended = new.ended ?? old.ended
            new.victim = new.victim ?? old.victim
            new.country = new.country ?? old.country
            if new.losses.isEmpty { new.losses = old.losses }
            new.attributions = mergeAttributions(old.attributions, new.attributions)
            new.summary = new.summary ?? old.summary
            new.meta = meta
            return .incident(new)
        case (.wallet(let old), .wallet(var new)):
            // The same address in another letter case: the spelling already held stays.
            if Addresses.key(new.address, chain: new.chain) == Addresses.key(old.address, chain: old.chain) {
                new.address = old.address
                new.chain = old.chain
            }
            new.label = old.label ?? new.label
            new.attributions = mergeAttributions(old.attributions, new.attributions)
            new.meta = meta
            return .wallet(new)
        case (.transfer(let old), .transfer(var new)):
            new.usd = new.usd ?? old.usd
            new.rateSource = new.rateSource ?? old.rateSource
            new.txHash = new.txHash ?? old.txHash
            new.incident = new.incident ?? old.incident
            new.meta = meta
            return .transfer(new)
        default:
            meta = existing.meta
            return existing
        }
    }

    static func mergeMeta(_ old: RecordMeta, _ new: RecordMeta) -> RecordMeta {
        var m = old
        // Never lowers a marking: an investigator who marked a record RED keeps it RED.
        if let incoming = new.marking {
            m.marking = old.marking.map { TLP.level(of: $0) >= TLP.level(of: incoming) ? $0 : incoming } ?? incoming
        }
        m.tags = unite(old.tags, new.tags) { $0 }
        m.sources = unite(old.sources, new.sources) { "\($0.source)|\($0.locator ?? "")" }
        var notes = old.notes
        for note in new.notes {
            if let k = notes.firstIndex(where: { $0.id == note.id }) { notes[k] = note } else { notes.append(note) }
        }
        m.notes = notes
        return m
    }

    static func mergeAttributions(_ old: [Attribution], _ new: [Attribution]) -> [Attribution] {
        var out = old
        for a in new {
            if let k = out.firstIndex(where: { $0.actor == a.actor }) {
                // One claim per actor: the higher stated confidence (unknown never replaces a
                // stated one), the case's own basis first, every source kept. Two lists that
                // disagree then settle instead of overwriting each other on every import.
                var merged = out[k]
                if !merged.isConfidenceKnown || (a.isConfidenceKnown && a.confidence > merged.confidence) {
                    merged.confidence = a.confidence
                }
                merged.basis = merged.basis ?? a.basis
                merged.sources = unite(out[k].sources, a.sources) { "\($0.source)|\($0.locator ?? "")" }
                out[k] = merged
            } else {
                out.append(a)
            }
        }
        return out
    }

    /// `old` followed by the items of `new` whose key is not already there.
    static func unite<T>(_ old: [T], _ new: [T], key: (T) -> String) -> [T] {
        var seen = Set(old.map(key))
        var out = old
        for item in new where seen.insert(key(item)).inserted { out.append(item) }
        return out
    }
}
