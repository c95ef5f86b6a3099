import CasebookModel

/// A value to sort by: numbers by value, text case-insensitively; empty values sort last.
public enum SortValue: Comparable, Sendable {
    case number(ExactDecimal)
    case text(String)
    case empty

    public static func < (a: SortValue, b: SortValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x < y
        case (.text(let x), .text(let y)): x < y
        case (.number, .text): true
        case (.empty, _): false
        case (_, .empty): true
        default: false
        }
    }
}

/// One column of a pane: how to show a record in it, sort by it, filter on it and group by it.
public struct Column: Sendable {
    /// The name used in filters (`kind:exchange-hack`, `amount>1000000`) and the palette.
    public var id: String
    public var title: String
    /// Preferred and minimum widths in columns; flexible columns share what is left.
    public var width: Int
    public var minWidth: Int
    public var flexible: Bool
    public var alignRight: Bool
    /// Text shown (already made safe by the caller via VisibleText).
    public var text: @Sendable (AnyRecord, CaseView) -> String
    public var sort: @Sendable (AnyRecord, CaseView) -> SortValue
    /// The value the frequency view groups by (defaults to `text`).
    public var group: @Sendable (AnyRecord, CaseView) -> String
    /// A number for `>`/`<` filters and for summing in the frequency view (USD where there is one).
    public var number: (@Sendable (AnyRecord, CaseView) -> ExactDecimal?)?
    /// The id of the record whose name the column shows (or any one value, such as an asset), when
    /// `text` and `group` depend on that alone (nil included): caches then compute them once per
    /// value instead of once per row.
    public var reference: (@Sendable (AnyRecord) -> String?)?
    /// `text` from the referenced value alone (nil: a row naming nothing), so a cache can make a
    /// value's text without looking up a row that names it.
    var referenceText: (@Sendable (String?, CaseView) -> String)?
    /// Columns with the same space name the same kind of record with the same text (the
    /// ledger's From and To): caches hold one text per value for them all. The column's id if none.
    var referenceSpace: String { sharedSpace ?? id }
    private var sharedSpace: String?
    /// Set when `text` is `number` formatted with this many decimals at least ("" without a
    /// number): the search text then writes the digits without making a String.
    public var numberText: Int?
    /// Characters at the end of `text` that must survive truncation ("(high 70)"): the rest is cut instead.
    public var keepSuffix: (@Sendable (AnyRecord, CaseView) -> String)?
    /// Whether `sort` is the column's own rather than "number, else lower-cased text, empty last"
    /// (the default, which the screen computes from its caches without calling `sort`).
    public let customSort: Bool
    /// Whether `group` is `text` (no group of its own): then a cache can make both from one call.
    let groupIsText: Bool

    public init(_ id: String, _ title: String, width: Int, minWidth: Int? = nil, flexible: Bool = false,
                alignRight: Bool = false, text: @escaping @Sendable (AnyRecord, CaseView) -> String,
                sort: (@Sendable (AnyRecord, CaseView) -> SortValue)? = nil,
                group: (@Sendable (AnyRecord, CaseView) -> String)? = nil,
                number: (@Sendable (AnyRecord, CaseView) -> ExactDecimal?)? = nil) {
        self.id = id
        self.title = title
        self.width = width
        self.minWidth = minWidth ?? min(width, max(4, title.count))
        self.flexible = flexible
        self.alignRight = alignRight
        self.text = text
        self.number = number
        customSort = sort != nil
        self.sort = sort ?? { r, v in
            if let number, let n = number(r, v) { return .number(n) }
            let t = text(r, v)
            return t.isEmpty ? .empty : .text(t.lowercased())
        }
        self.group = group ?? text
        groupIsText = group == nil
    }
}

extension Column {
    /// This column with `numberText` set (see there).
    func formattedNumber(minScale: Int) -> Column {
        var c = self
        c.numberText = minScale
        return c
    }

    /// This column with `reference` and `referenceText` set (see there); `text` of a row must be
    /// `text` of what it names.
    func referencing(_ id: @escaping @Sendable (AnyRecord) -> String?, space: String? = nil,
                     text: @escaping @Sendable (String?, CaseView) -> String) -> Column {
        var c = self
        c.reference = id
        c.referenceText = text
        c.sharedSpace = space
        return c
    }
}
