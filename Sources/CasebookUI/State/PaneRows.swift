import CasebookModel

/// The ids of a pane's rows, in the order shown: read through the rows' slots from the pane's
/// own ids (PaneIndex), rather than kept as a second array of a million ids (16 MB at a million
/// transfers, which put a session over its memory target).
public struct PaneRows: RandomAccessCollection, Sendable {
    /// The pane's ids by slot as they were when the rows were last set (PaneState keeps them in
    /// step with the view's).
    let ids: [String]
    let slots: [Int32]

    public var startIndex: Int { 0 }
    public var endIndex: Int { slots.count }
    public subscript(position: Int) -> String { ids[Int(slots[position])] }

    /// The same ids in the same order.
    public static func == (a: PaneRows, b: PaneRows) -> Bool { a.elementsEqual(b) }
    public static func == (a: PaneRows, b: [String]) -> Bool { a.elementsEqual(b) }
    public static func == (a: [String], b: PaneRows) -> Bool { a.elementsEqual(b) }
}
