/// What a cell means; a theme maps each role to colours and attributes. The UI never names a
/// colour, only a role, so a theme (or mono) decides how meaning looks, and meaning never rides on
/// colour alone: every role here also carries text (a word, a mark, a sign).
public enum Role: String, Sendable, CaseIterable, Hashable {
    case text = "text"
    case dim = "text.dim"
    case header = "header"
    case headerMarking = "header.marking"
    case banner = "banner.readonly"
    case tab = "tab"
    case tabActive = "tab.active"
    case paneBorder = "pane.border"
    case paneTitle = "pane.title"
    case columnHeader = "column.header"
    case columnCurrent = "column.current"
    case rowSelected = "row.selected"
    case rowMarked = "row.marked"
    case match = "search.match"
    case amount = "amount"
    case amountLoss = "amount.loss"
    case confidenceNone = "confidence.none"
    case confidenceLow = "confidence.low"
    case confidenceModerate = "confidence.moderate"
    case confidenceHigh = "confidence.high"
    case detailLabel = "detail.label"
    case detailValue = "detail.value"
    case detailLink = "detail.link"
    case detailSection = "detail.section"
    case escaped = "text.escaped"
    case footer = "footer"
    case footerKey = "footer.key"
    case message = "message"
    case messageError = "message.error"
    case overlay = "overlay"
    case overlayBorder = "overlay.border"
    case overlaySelected = "overlay.selected"
    case progress = "progress"
}

/// Text attributes a theme may add to a role.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let underline = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}
