/// Post-selection step: a form with a `<textarea>` is a place for the reader to write (a comment
/// or reply form), and its box (the heading over it, "Leave a comment", the notes on e-mail and
/// spam) is not the story. Found by structure, so a page whose class names no list knows
/// ("respond", "kommentar-formular") loses it too. The box grows from the text area outwards
/// while it holds little story text: a form that wraps the whole page (ASP.NET pages do) is never cut.
struct ReplyForm {
    /// Most story characters (the selection's good weight) the box may hold, as a share of the
    /// chosen container's story and absolutely: the form's notes are short sentences.
    static let maxStoryShare = 0.2
    static let maxStoryCharacters = 600.0

    func apply(containers: [ContentContainer], chosen: Int, insideChosen: [Bool], goodIn: (ContentContainer) -> Double,
               chosenStory: Double, included: inout [Bool], reasons: inout [String?]) {
        let limit = min(Self.maxStoryCharacters, Self.maxStoryShare * chosenStory)
        for index in containers.indices where containers[index].holdsTextArea && insideChosen[index] {
            var box = index
            while true {
                let parent = containers[box].parent
                guard parent >= 0, parent != chosen, insideChosen[parent], goodIn(containers[parent]) <= limit else { break }
                box = parent
            }
            guard goodIn(containers[box]) <= limit else { continue }
            for block in containers[box].firstBlock..<containers[box].endBlock where included[block] {
                included[block] = false
                reasons[block] = "reply-form"
            }
        }
    }
}
