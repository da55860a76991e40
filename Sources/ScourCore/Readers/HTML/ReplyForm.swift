/// Post-selection step: a `<form>` with a visible `<textarea>` is a place for the reader to write
/// (a comment or reply form), and its box (the heading over it, "Leave a comment", the notes on
/// e-mail and spam) is not the story. Found by structure, so a page whose class names no list
/// knows ("respond", "kommentar-formular") loses it too. The box grows from the text area outwards
/// while it holds little story, and it must end the story: a form that wraps the whole page
/// (ASP.NET pages do) is never cut, nor a "try it yourself" box in the middle of a tutorial.
struct ReplyForm {
    /// Most story characters (the selection's good weight) the box may hold, as a share of the
    /// chosen container's story and absolutely: the form's notes are short sentences.
    static let maxStoryShare = 0.2
    static let maxStoryCharacters = 600.0
    /// Story before the box, and after it as a share of that, for the box to end the story.
    static let storyBefore = 400.0
    static let storyAfterShare = 0.25

    func apply(containers: [ContentContainer], chosen: Int, insideChosen: [Bool], good: [Double],
               goodIn: (ContentContainer) -> Double, chosenStory: Double, included: inout [Bool], reasons: inout [String?]) {
        let limit = min(Self.maxStoryCharacters, Self.maxStoryShare * chosenStory)
        var story: IncludedStory?
        var cut = Set<Int>()
        // Both climbs below end where a climb from any element on the way would: their answers are
        // kept for every element passed, so nested text areas cost their depth once, not once each.
        var formAbove: [Int: Bool] = [:], boxOf: [Int: Int] = [:]
        for index in containers.indices where containers[index].holdsTextArea && insideChosen[index] {
            // A text area with no form around it (up to the chosen container) is a widget of the story, a code editor.
            var ancestor = index
            var inForm = false
            var passed: [Int] = []
            while ancestor >= 0, !inForm {
                if let known = formAbove[ancestor] { inForm = known; break }
                passed.append(ancestor)
                inForm = containers[ancestor].tag == .form
                if ancestor == chosen { break }
                ancestor = containers[ancestor].parent
            }
            for element in passed { formAbove[element] = inForm }
            var box = index
            passed = []
            while true {
                if let known = boxOf[box] { box = known; break }
                passed.append(box)
                let parent = containers[box].parent
                guard parent >= 0, parent != chosen, insideChosen[parent], goodIn(containers[parent]) <= limit else { break }
                box = parent
            }
            for element in passed { boxOf[element] = box }
            guard inForm, !cut.contains(box), goodIn(containers[box]) <= limit else { continue }
            let range = containers[box].firstBlock..<containers[box].endBlock
            if story == nil {
                story = IncludedStory(range: containers[chosen].firstBlock..<containers[chosen].endBlock, included: included, good: good)
            }
            guard story!.endsStory(range, minimumBefore: Self.storyBefore, afterShare: Self.storyAfterShare) else { continue }
            cut.insert(box)
            for block in range where included[block] {
                included[block] = false
                reasons[block] = "reply-form"
            }
        }
    }
}
