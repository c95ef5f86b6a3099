import CasebookModel

// The screen's values made in the background (CasebookModel's `Deferred`).

extension CaseView {
    /// The ledger's amounts, USD, assets and named records per slot, for sort, filter and frequency.
    var ledgerSlots: LedgerSlots {
        get { deferredSlots.value }
        _modify { yield &deferredSlots.value }
    }

    /// Whether what the view makes in the background (the ledger's sort arrays and id -> slot
    /// table, the link index's transfer lists and record links) is ready; false while another
    /// thread makes it.
    public var backgroundReady: Bool {
        deferredSlots.isReady && (indexes[.ledger]?.slotsReady ?? true) && links.transferListsReady && links.recordLinksReady
    }
}
