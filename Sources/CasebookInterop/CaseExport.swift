import CasebookModel
import CasebookReport
import CasebookStore

/// The case as canonical case JSON to hand on: no undo history (it would keep what was deleted or
/// withheld), and with `maxMarking`, the records marked above it left out together with every
/// reference to them, so the copy is still a valid case.
public enum CaseExport {
    public static func json(_ c: Case, maxMarking: TLP? = nil) -> (text: String, withheld: Int) {
        let (shared, withheld) = filtered(c, maxMarking: maxMarking)
        return (CaseCoding.encode(CaseDocument(content: shared)), withheld)
    }

    public static func filtered(_ c: Case, maxMarking: TLP?) -> (Case, withheld: Int) {
        guard let maxMarking else { return (c, 0) }
        let caseLevel = TLP.level(of: c.info.marking)
        var out = Case(info: c.info, assets: c.assets)
        var kept = Set<String>()
        var withheld = 0
        for kind in RecordKind.allCases {
            for r in c.records(of: kind) {
                if (r.meta.marking.map { TLP.level(of: $0) } ?? caseLevel) > maxMarking { withheld += 1 } else { kept.insert(r.id) }
            }
        }
        func keep(_ id: String?) -> String? { id.flatMap { kept.contains($0) ? $0 : nil } }
        func cites(_ list: [Citation]) -> [Citation] { list.filter { kept.contains($0.source) } }
        func attributions(_ list: [Attribution]) -> [Attribution] {
            list.filter { kept.contains($0.actor) }.map { var a = $0; a.sources = cites(a.sources); return a }
        }
        for kind in RecordKind.allCases {
            for var r in c.records(of: kind) where kept.contains(r.id) {
                r.meta.sources = cites(r.meta.sources)
                switch r {
                case .incident(var i):
                    i.victim = keep(i.victim)
                    i.attributions = attributions(i.attributions)
                    r = .incident(i)
                case .actor(var a):
                    a.parent = keep(a.parent)
                    a.aliases = a.aliases.map { var x = $0; x.source = keep(x.source); return x }
                    r = .actor(a)
                case .wallet(var w):
                    w.attributions = attributions(w.attributions)
                    r = .wallet(w)
                case .transfer(var t):
                    guard kept.contains(t.from), kept.contains(t.to) else { withheld += 1; continue }
                    t.incident = keep(t.incident)
                    r = .transfer(t)
                case .source: break
                }
                _ = out.insert(r)
            }
        }
        return (out, withheld)
    }
}
