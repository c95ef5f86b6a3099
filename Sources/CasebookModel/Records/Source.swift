/// A document claims are drawn from: a report, an article, a court filing, a sanctions notice.
public struct Source: CaseRecord {
    public static let kind = RecordKind.source
    public var meta: RecordMeta
    public var title: String
    public var publisher: String?
    /// Publication date, ISO 8601 (`2019-06-01`, `2019-06` or `2019`).
    public var date: String?
    public var url: String?
    public var reliability: Reliability?
    public var excerpt: String?

    public init(meta: RecordMeta, title: String, publisher: String? = nil, date: String? = nil,
                url: String? = nil, reliability: Reliability? = nil, excerpt: String? = nil) {
        self.meta = meta
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
        self.reliability = reliability
        self.excerpt = excerpt
    }

    public var displayName: String { title }
}
