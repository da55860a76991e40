extension Dictionary where Key == String, Value == Int {
    /// The counts largest first, ties by name: the one order in which both pages about runs
    /// list counts (bars, filter choices, followed rules, hosts), so the same run makes the same page.
    var largestFirst: [(key: String, value: Int)] {
        sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    }
}
