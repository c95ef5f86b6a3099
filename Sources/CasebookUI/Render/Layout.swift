/// Where each part of the screen goes at a given size. Wide terminals put the detail area to the
/// right of the list; narrower ones put it below. Below 60×15 nothing but a notice is drawn.
public struct Layout: Sendable, Equatable {
    public static let minimumWidth = 60
    public static let minimumHeight = 15

    public struct Rect: Sendable, Equatable {
        public var x, y, width, height: Int
    }

    public let width: Int
    public let height: Int
    public let tooSmall: Bool
    public let sideBySide: Bool
    /// The pane table, including its column-header row.
    public let list: Rect
    /// The detail area.
    public let detail: Rect
    /// The divider between list and detail: a column (side by side) or a row.
    public let divider: Rect
    public var headerRow: Int { 0 }
    public var tabsRow: Int { 1 }
    public var messageRow: Int { height - 2 }
    public var footerRow: Int { height - 1 }
    /// Data rows visible in the list (its height less the column header).
    public var listRows: Int { max(0, list.height - 1) }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        tooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        let bodyTop = 2
        let bodyHeight = max(0, height - 4)
        sideBySide = width >= 150
        if sideBySide {
            let listWidth = width * 3 / 5
            list = Rect(x: 0, y: bodyTop, width: listWidth, height: bodyHeight)
            divider = Rect(x: listWidth, y: bodyTop, width: 1, height: bodyHeight)
            detail = Rect(x: listWidth + 1, y: bodyTop, width: width - listWidth - 1, height: bodyHeight)
        } else {
            let listHeight = max(4, bodyHeight * 11 / 20)
            list = Rect(x: 0, y: bodyTop, width: width, height: listHeight)
            divider = Rect(x: 0, y: bodyTop + listHeight, width: width, height: 1)
            detail = Rect(x: 0, y: bodyTop + listHeight + 1, width: width, height: max(0, bodyHeight - listHeight - 1))
        }
    }
}
