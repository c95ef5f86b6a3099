/// Something wrong with a case, named by record and field so a person can find and fix it.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
    public var recordID: String
    /// A field path such as `losses[0].amount` or `attributions[1].actor`.
    public var field: String
    public var message: String

    public init(recordID: String, field: String, message: String) {
        self.recordID = recordID
        self.field = field
        self.message = message
    }

    public var description: String { "\(recordID): \(field): \(message)" }
}
