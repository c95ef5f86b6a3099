import CasebookModel
import CasebookStore

// Relationships and notes: what links the records made in the first pass. A reference to an object
// neither in the bundle nor in the case is a failure naming both ends; a reference to a revoked or
// deprecated object is skipped and counted, as the object itself was.

extension StixImporter {
    mutating func importRelationship(_ o: StixObject) throws(StixObjectError) {
        let type = try o.string("relationship_type")
        let sourceRef = try o.string("source_ref")
        let targetRef = try o.string("target_ref")
        if bundle.leftOut.contains(sourceRef) || bundle.leftOut.contains(targetRef) {
            result.skipped["relationship to a revoked or deprecated object", default: 0] += 1
            return
        }
        switch type {
        case "attributed-to": try attribute(o, from: sourceRef, to: targetRef)
        case "targets":
            guard let incident = resolve(sourceRef), let victim = resolve(targetRef),
                  case .incident? = batch.record(id: incident), case .actor? = batch.record(id: victim) ?? target.record(id: victim) else {
                result.skipped["relationship targets (not between an incident and an actor)", default: 0] += 1
                return
            }
            batch.update(incident) { r in if case .incident(var i) = r, i.victim == nil { i.victim = victim; r = .incident(i) } }
        case "uses":
            guard let user = resolve(sourceRef), batch.record(id: user) != nil else {
                result.skipped["relationship uses (from an object not imported)", default: 0] += 1
                return
            }
            guard let used = bundle.byID[targetRef] else { throw dangling(o, targetRef) }
            uses[user, default: []].append(used)
        default:
            result.skipped["relationship \(type) (not modelled)", default: 0] += 1
        }
    }

    func dangling(_ o: StixObject, _ ref: String) -> StixObjectError {
        StixObjectError(line: o.line, subject: o.id, reason: "refers to \(ref), which is neither in the bundle nor in the case")
    }

    mutating func attribute(_ o: StixObject, from sourceRef: String, to targetRef: String) throws(StixObjectError) {
        guard let subject = resolve(sourceRef) else { throw dangling(o, sourceRef) }
        guard let actorID = resolve(targetRef) else { throw dangling(o, targetRef) }
        guard case .actor? = batch.record(id: actorID) ?? target.record(id: actorID) else {
            result.skipped["relationship attributed-to (to something that is not an actor)", default: 0] += 1
            return
        }
        let casebook = isCasebook(o)
        var confidence = Attribution.unknownConfidence
        if let c = try o.optInt("confidence") {
            guard (0...100).contains(c) else { throw o.fail("confidence", "\(c) is outside 0-100") }
            confidence = c
        }
        if !casebook { bundleSourceCited = true }
        let sources = casebook ? try casebookCitations(o, "x_casebook_sources") : [Citation(source: bundleSourceID)] + (try citationsFromReferences(o))
        let basis = casebook ? try o.optString("x_casebook_basis") : StixText.plain(try o.optString("description"))
        let attribution = Attribution(actor: actorID, confidence: confidence, basis: basis, sources: sources)
        if batch.record(id: subject) == nil, let existing = target.record(id: subject) { batch.put(existing) }
        switch batch.record(id: subject) {
        case .incident?, .wallet?:
            batch.update(subject) { r in
                var list = r.attributions ?? []
                list.removeAll { $0.actor == actorID }
                list.append(attribution)
                r.attributions = list
                if !casebook, case .incident(var i) = r, i.status == .suspected { i.status = .attributed; r = .incident(i) }
            }
        case .actor?:
            guard subject != actorID else { return }
            batch.update(subject) { r in if case .actor(var a) = r, a.parent == nil { a.parent = actorID; r = .actor(a) } }
        default:
            result.skipped["relationship attributed-to (from something Casebook does not attribute)", default: 0] += 1
        }
    }

    mutating func importNote(_ o: StixObject) throws(StixObjectError) {
        let refs = try o.strings("object_refs")
        let targets = refs.compactMap(resolve)
        guard !targets.isEmpty else {
            if refs.contains(where: bundle.leftOut.contains) {
                result.skipped["\(o.type) on a revoked or deprecated object", default: 0] += 1
                return
            }
            throw dangling(o, refs.first ?? "(no object_refs)")
        }
        var text: String
        if o.type == "note" {
            text = [try o.optString("abstract"), try o.optString("content")].compactMap { $0 }.joined(separator: "\n\n")
        } else {
            let opinion = try o.optString("opinion") ?? "unstated"
            text = "Opinion (\(opinion))" + ((try o.optString("explanation")).map { ": " + $0 } ?? "")
        }
        guard !text.isEmpty else { throw o.fail("content", "is empty") }
        let author = (try o.strings("authors")).first ?? o.json.string("created_by_ref").flatMap { identityNames[$0] } ?? "STIX import"
        let note = Note(id: try o.optString("x_casebook_note_id") ?? o.id, author: author, time: o.time("x_casebook_time") ?? o.time("created") ?? now, text: text)
        for id in targets {
            if batch.record(id: id) == nil, let existing = target.record(id: id) { batch.put(existing) }
            batch.update(id) { r in
                if let k = r.meta.notes.firstIndex(where: { $0.id == note.id }) { r.meta.notes[k] = note } else { r.meta.notes.append(note) }
            }
        }
    }

    /// ATT&CK's `uses` relationships, kept as one note per actor or incident: the malware, tools
    /// and techniques the bundle says it uses (those objects are not records of their own).
    mutating func addUsesNotes() {
        for (id, used) in uses.sorted(by: { $0.key < $1.key }) {
            func names(_ type: String) -> [String] {
                Array(Set(used.filter { $0.type == type }.compactMap { $0.json.string("name") })).sorted()
            }
            func techniques() -> [String] {
                let list = used.filter { $0.type == "attack-pattern" }.map { o -> String in
                    let refs = (try? o.objects("external_references")) ?? []
                    let tid = refs.first { $0.string("source_name") == "mitre-attack" }?.string("external_id")
                    return [tid, o.json.string("name")].compactMap { $0 }.joined(separator: " ")
                }
                return Array(Set(list)).sorted()
            }
            var parts: [String] = []
            let malware = names("malware"), tools = names("tool"), attack = techniques()
            if !malware.isEmpty { parts.append("Malware: " + malware.joined(separator: ", ") + ".") }
            if !tools.isEmpty { parts.append("Tools: " + tools.joined(separator: ", ") + ".") }
            if !attack.isEmpty { parts.append("Techniques (\(attack.count)): " + attack.joined(separator: "; ") + ".") }
            guard !parts.isEmpty else { continue }
            var note = Note(id: "note-uses-" + bundleSourceID, author: "STIX import", time: now,
                            text: "Uses, according to the STIX bundle:\n" + parts.joined(separator: "\n"))
            // The same list imported again is the same note, not a newer one.
            if let old = target.record(id: id)?.meta.notes.first(where: { $0.id == note.id }), old.text == note.text {
                note = old
            }
            batch.update(id) { r in
                if let k = r.meta.notes.firstIndex(where: { $0.id == note.id }) { r.meta.notes[k] = note } else { r.meta.notes.append(note) }
            }
        }
    }
}
