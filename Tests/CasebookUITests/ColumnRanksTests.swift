import CasebookModel
@testable import CasebookUI
import Testing

// Sorting by a column whose every row has a number (the ledger's amount) ranks the numbers alone:
// it must not wait for, or build, the search text, and must order rows as comparing the amounts
// (then natural order) does.

@Suite struct ColumnRanksTests {
    @Test func sortingByAmountNeedsNoSearchTextAndOrdersByValue() {
        let content = SyntheticCase.make(transfers: 3_000)
        let view = CaseView(content)
        let amount = PaneKind.ledger.columns.firstIndex { $0.id == "amount" }!
        var pane = PaneState(kind: .ledger)
        pane.refresh(view)
        let natural = pane.rows
        pane.setSort(column: amount, descending: true, view)
        #expect(!view.searchText.isBuilt(.ledger))
        let position = Dictionary(uniqueKeysWithValues: natural.enumerated().map { ($1, $0) })
        let expected = natural.sorted { a, b in
            let x = content.transfers[a]!.amount, y = content.transfers[b]!.amount
            return x != y ? x > y : position[a]! < position[b]!
        }
        #expect(pane.rows == expected)
    }

    @Test func theCursorStaysOnItsRecordThroughASort() {
        let view = CaseView(SyntheticCase.make(transfers: 500))
        var pane = PaneState(kind: .ledger)
        pane.refresh(view)
        pane.cursor = 123
        let id = pane.selectedID
        pane.setSort(column: 4, descending: false, view)
        #expect(pane.selectedID == id)
    }
}
