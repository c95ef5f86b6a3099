import CasebookModel

// A record in full: every field, its attributions, cited sources, notes, then its linked records,
// each with its id so it can be named on the command line. The screen's detail area draws these
// lines (notes and links selectable, scrolled to keep the selection in sight) and `casebook show`
// prints them, so the two never drift apart. All case text is made safe with VisibleText first.

public enum DetailView {
    /// The record as plain text lines, `width` columns wide (for `casebook show`).
    public static func text(for record: AnyRecord, in view: CaseView, width: Int = 100) -> String {
        lines(for: record, in: view, width: width, waiting: true).map(\.text).joined(separator: "\n") + "\n"
    }

    struct Line {
        var text: String
        var role: Role
        var indent = 0
        /// Index into the record's selectable items (its notes, then its links).
        var link: Int?
    }

    /// `waiting`: wait for links still being made in the background (the command line); the
    /// screen does not, and says they are coming.
    static func lines(for record: AnyRecord, in view: CaseView, width: Int, waiting: Bool = false) -> [Line] {
        var out: [Line] = []
        let c = view.content
        let labelWidth = 12
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let wrapped = VisibleText.lines(value).flatMap { TextWrap.lines($0, width: max(8, width - labelWidth - 1)) }
            for (i, part) in wrapped.enumerated() {
                let label = i == 0 ? TextWidth.fit(name + ":", to: labelWidth) : String(repeating: " ", count: labelWidth)
                out.append(Line(text: label + " " + part, role: .detailValue))
            }
        }
        func section(_ title: String) {
            out.append(Line(text: "", role: .text))
            out.append(Line(text: title, role: .detailSection))
        }
        func text(_ value: String, indent: Int = 2, role: Role = .detailValue) {
            for part in VisibleText.lines(value).flatMap({ TextWrap.lines($0, width: max(8, width - indent)) }) {
                out.append(Line(text: String(repeating: " ", count: indent) + part, role: role))
            }
        }
        func named(_ id: String?) -> String? { id.map { "\(view.name($0)) [\($0)]" } }
        func citation(_ cite: Citation) -> String {
            let title = c.sources[cite.source].map { $0.title + ($0.reliability.map { " (\($0.rawValue))" } ?? "") } ?? "\(cite.source) (missing)"
            return title + " [\(cite.source)]" + (cite.locator.map { ", \($0)" } ?? "")
        }

        let title = VisibleText.line("\(record.kind.rawValue.capitalized): \(view.title(of: record))")
        out.append(Line(text: TextWidth.truncate(title, to: max(1, width)), role: .detailSection))
        field("id", record.id)
        switch record {
        case .source(let s):
            field("title", s.title); field("publisher", s.publisher); field("date", s.date); field("url", s.url)
            field("reliability", s.reliability.map { "\($0.rawValue), \($0.meaning)" }); field("excerpt", s.excerpt)
        case .incident(let i):
            if TextWidth.of(title) > width { field("title", i.title) }
            field("kind", i.kind.rawValue); field("status", i.status.rawValue); field("started", i.started); field("ended", i.ended)
            field("victim", named(i.victim)); field("country", i.country)
            for l in i.losses { field("loss", "\(l.amount.formatted()) \(l.asset)" + (l.usd.map { " = USD \($0.formatted(minScale: 2))" } ?? "")) }
            if i.losses.count > 1, let usd = i.lossUSD { field("loss total", "USD \(usd.formatted(minScale: 2))") }
            if i.isAggregate { field("aggregate", "stands for other incidents; not added to totals") }
            field("summary", i.summary)
        case .actor(let a):
            if TextWidth.of(title) > width { field("name", a.name) }
            field("kind", a.kind.rawValue); field("country", a.country); field("part of", named(a.parent))
            for alias in a.aliases { field("alias", alias.name + (alias.source.map { " (per \(view.name($0)))" } ?? "")) }
            for s in a.sanctions { field("sanction", "\(s.authority) \(s.programme)" + (s.date.map { ", \($0)" } ?? "") + (s.reference.map { ", \($0)" } ?? "")) }
            if let usd = view.attributedLoss[a.id] { field("attributed", "USD \(usd.formatted(minScale: 2)) of losses") }
            field("summary", a.summary)
        case .wallet(let w):
            field("chain", w.chain); field("address", w.address); field("label", w.label); field("owner", named(w.owner))
        case .transfer(let t):
            field("time", t.time); field("from", named(t.from)); field("to", named(t.to))
            field("amount", "\(t.amount.formatted()) \(t.asset)"); field("usd", t.usd.map { $0.formatted(minScale: 2) })
            field("rate source", t.rateSource); field("tx hash", t.txHash); field("incident", named(t.incident))
            field("kind", t.kind.rawValue); field("basis", t.basis.rawValue)
        }
        let meta = record.meta
        field("marking", meta.marking)
        field("tags", meta.tags.joined(separator: ", "))
        if let list = record.attributions, !list.isEmpty {
            section("Attributions")
            for a in list.sorted(by: { $0.confidence > $1.confidence }) {
                text("\(view.name(a.actor)) [\(a.actor)]: " + (a.isConfidenceKnown ? "\(a.level.rawValue) (\(a.confidence))" : "confidence unknown"))
                if let basis = a.basis { text("basis: " + basis, indent: 4, role: .dim) }
                for s in a.sources { text("source: " + citation(s), indent: 4, role: .dim) }
            }
        }
        if !meta.sources.isEmpty {
            section("Sources")
            for s in meta.sources { text(citation(s)) }
        }
        if !meta.notes.isEmpty {
            section("Notes")
            for (i, n) in meta.notes.enumerated() {
                out.append(Line(text: "  " + VisibleText.line("\(n.time)  \(n.author)"), role: .dim, link: i))
                text(n.text, indent: 4)
            }
        }
        // Never waits for the links still being made after a big case opened (the record links,
        // the transfer lists): says what was left out, and the next frame (the loop redraws at
        // least every 250 ms) has them.
        let (links, total, leftOut) = c.links(of: record, index: view.links, limit: CaseView.linkLimit, waitingForTransfers: waiting)
        if !links.isEmpty || leftOut != nil {
            section(total > links.count ? "Linked records (first \(links.count) of \(total))" : "Linked records")
            for (i, (label, r)) in links.enumerated() {
                let line = VisibleText.line("\(label): \(view.title(of: r)) [\(r.id)]")
                out.append(Line(text: "  " + TextWidth.truncate(line, to: max(1, width - 2)), role: .detailLink, link: meta.notes.count + i))
            }
            switch leftOut {
            case .records: out.append(Line(text: "  linked records: still being found…", role: .dim))
            case .transfers: out.append(Line(text: "  transfers: still being linked…", role: .dim))
            case nil: break
            }
        }
        out.append(Line(text: "", role: .text))
        out.append(Line(text: "created \(meta.created), modified \(meta.modified)", role: .dim))
        return out
    }

    static func draw(_ s: AppState, _ view: CaseView, _ layout: Layout, _ theme: Theme, into g: inout Grid) {
        let rect = layout.detail
        guard rect.height > 0, rect.width > 2, let id = s.detailRecordID, let record = view.content.record(id: id) else { return }
        var all = lines(for: record, in: view, width: rect.width - 2)
        // The first panes of a case still loading have no wallets or transfers to link yet; the
        // title line (which never scrolls) says so.
        if s.partial { all[0].text += "  (wallets and transfers still loading)" }
        // The title line stays put; the rest scrolls to keep the selected link in sight.
        g.put(all[0].text, x: rect.x + 1, y: rect.y, role: all[0].role, maxWidth: rect.width - 1)
        let content = Array(all.dropFirst())
        let height = rect.height - 1
        var scroll = s.detailScroll
        if s.focus == .detail, let selected = content.firstIndex(where: { $0.link == s.detailSelection }) {
            // Keep the whole selected item in sight: a note's text runs on below its header line.
            var end = selected
            while end + 1 < content.count && content[end + 1].link == nil && content[end + 1].role != .detailSection
                    && !content[end + 1].text.isEmpty && end - selected < height - 1 { end += 1 }
            if end >= scroll + height { scroll = end - height + 1 }
            if selected < scroll { scroll = selected }
        }
        scroll = max(0, min(scroll, max(0, content.count - height)))
        for row in 0..<max(0, height) {
            let i = scroll + row
            guard i < content.count else { break }
            let line = content[i]
            let y = rect.y + 1 + row
            let selected = s.focus == .detail && line.link == s.detailSelection
            if selected {
                g.fill(x: rect.x, y: y, width: rect.width, height: 1, role: .rowSelected)
                g.put(theme.glyphs.pointer, x: rect.x, y: y, role: .rowSelected)
                g.cursor = (rect.x, y)
            }
            g.put(line.text, x: rect.x + 1, y: y, role: selected ? .rowSelected : line.role, maxWidth: rect.width - 1)
        }
        if s.focus == .detail && g.cursor == nil { g.cursor = (rect.x, rect.y) }
    }
}
