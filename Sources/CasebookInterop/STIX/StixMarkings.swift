import CasebookModel
import CasebookReport
import CasebookStore

// TLP markings in STIX. TLP 1.0 markings are predefined in STIX 2.0/2.1 (fixed ids, definition_type
// "tlp"); TLP 2.0 markings are published by OASIS as marking definitions with a property extension
// (fixed ids too). Both are recognised on import, also by their content when a producer minted its
// own id; export writes the TLP 2.0 objects, since CLEAR and AMBER+STRICT exist only there.

enum StixMarkings {
    static let tlp2Extension = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
    static let tlp2Created = "2022-10-01T00:00:00.000Z"

    static let tlp2IDs: [TLP: String] = [
        .clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        .green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        .amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        .amberStrict: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        .red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    ]

    static let tlp1IDs: [String: TLP] = [
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": .clear,
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": .green,
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": .amber,
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": .red,
    ]

    /// The TLP level a marking-definition id stands for: a well-known id, or one defined in the bundle.
    static func level(of id: String, in bundle: StixBundle) -> TLP? {
        if let t = tlp1IDs[id] { return t }
        if let t = tlp2IDs.first(where: { $0.value == id })?.key { return t }
        guard let def = bundle.byID[id], def.type == "marking-definition" else { return nil }
        if def.json.string("definition_type") == "tlp", case .object(let d)? = def.json["definition"],
           let word = d.string("tlp") {
            return TLP(word)
        }
        if case .object(let ext)? = def.json["extensions"], case .object(let body)? = ext[tlp2Extension],
           let word = body.string("tlp_2_0") {
            return TLP(word)
        }
        return def.json.string("name").flatMap(TLP.init)
    }

    /// The strictest TLP among an object's `object_marking_refs`, as Casebook writes markings.
    /// A marking Casebook cannot read (a definition neither well known nor in the bundle) is
    /// taken as RED: never shared more widely than its author may have meant.
    static func marking(of object: StixObject, in bundle: StixBundle) -> String? {
        guard let refs = try? object.strings("object_marking_refs") else { return nil }
        let levels = refs.compactMap { ref -> TLP? in
            if let t = level(of: ref, in: bundle) { return t }
            if let def = bundle.byID[ref], def.type == "marking-definition" { return nil }  // a statement
            return .red
        }
        return levels.max()?.label
    }

    /// Statement markings (a copyright or licence notice) worth keeping with the bundle's source.
    static func statements(in bundle: StixBundle) -> [String] {
        bundle.of(["marking-definition"]).compactMap { def in
            guard def.json.string("definition_type") == "statement", case .object(let d)? = def.json["definition"] else { return nil }
            return d.string("statement")
        }
    }

    /// The TLP 2.0 marking-definition object for `level`, exactly as OASIS publishes it.
    static func definition(_ level: TLP) -> JSONValue {
        var ext = JSONObject()
        ext.add("extension_type", "property-extension")
        ext.add("tlp_2_0", level.label.dropFirst(4).lowercased())
        var o = JSONObject()
        o.add("type", "marking-definition")
        o.add("spec_version", "2.1")
        o.add("id", tlp2IDs[level]!)
        o.add("created", tlp2Created)
        o.add("name", level.label)
        o.add("extensions", .object(JSONObject([JSONPair(tlp2Extension, .object(ext))])))
        return .object(o)
    }
}
