/// The article's JSON-LD `articleBody` as its body: when the markup keeps no article text at all
/// (a body a script fills in), and when the page shows only the story's opening while the data
/// holds all of it (a paywall's teaser beside Google's subscription markup).
extension BoilerplateStage {
    /// Kept text under this share of `articleBody`'s words is a teaser of it.
    static let teaserShare = 3
    /// Fewer prose words than this in `articleBody` is no whole story to prefer.
    static let wholeStoryWords = 150

    /// When nothing is kept: `articleBody` is the body, a block a line, when it reads as prose.
    func keepStructuredBody(_ document: inout Document, stopwords: StopwordSet) {
        guard let (hint, blocks, proseWords) = structuredBody(document, stopwords: stopwords), proseWords >= 2 * minProseWords else { return }
        document.blocks += blocks
        document.notes.append("no block survived cleaning: the body is the page's \(hint.origin.description) (\(blocks.count) paragraph(s))")
    }

    /// When the kept body is a third or less of `articleBody` and its longest paragraph opens a
    /// stretch of it, the page showed a teaser: `articleBody` replaces the kept blocks, which stay
    /// in the explanation as removed by `teaser-of-article-body`.
    func preferWholeStructuredBody(_ document: inout Document, stopwords: StopwordSet) {
        guard document.format == .html, let data = document.markupHints.first(where: { $0.field == .body }) else { return }
        let kept = document.blocks.indices.filter { document.blocks[$0].isKept }
        guard let longest = kept.max(by: { document.blocks[$0].text.utf8.count < document.blocks[$1].text.utf8.count }) else { return }
        // Words as spaces count them, on bytes: most pages' articleBody is the story they show, and
        // this rules them out before any of it is read. (Scripts written without spaces never qualify.)
        let keptWords = kept.reduce(0) { $0 + Self.spaces(in: document.blocks[$1].text) + 1 }
        guard Self.spaces(in: data.value) >= max(Self.wholeStoryWords, Self.teaserShare * keptWords),
              let (hint, blocks, proseWords) = structuredBody(document, stopwords: stopwords), proseWords >= Self.wholeStoryWords else { return }
        // The same story: the kept paragraph's first twelve words, letters only, are in the data.
        let opening = TextKey.letters(document.blocks[longest].text.split(separator: " ").prefix(12).joined(separator: " "))
        guard opening.count >= 40, TextKey.letters(blocks.map(\.text).joined(separator: " ")).contains(opening) else { return }
        for index in kept { removeBlock(&document, at: index, rule: "teaser-of-article-body") }
        document.blocks += blocks
        document.notes.append("the page showed \(keptWords) of the story's words: the body is the page's \(hint.origin.description) (\(blocks.count) paragraph(s))")
    }

    /// Spaces and line breaks: about a text's words, counted on its bytes.
    static func spaces(in text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == 0x20 || $1 == 0x0A ? 1 : 0) }
    }

    /// `articleBody`'s lines as paragraphs and their prose words; nil when there is none or it
    /// holds markup (some sites put HTML there: tags as text would be no body).
    private func structuredBody(_ document: Document, stopwords: StopwordSet) -> (MarkupHint, [Block], Int)? {
        guard let hint = document.markupHints.first(where: { $0.field == .body }) else { return nil }
        let lines = hint.value.split(separator: "\n").map { NormalizeStage.normalize(String($0)) }.filter { !$0.isEmpty }
        guard !lines.isEmpty, !lines.contains(where: { $0.contains("</") || $0.contains("<p") || $0.contains("<br") }) else { return nil }
        let blocks = lines.map { Block(kind: .paragraph, text: $0) }
        let proseWords = blocks.map { BlockFeatures($0, stopwords: stopwords) }
            .filter { $0.isProse(minWords: minProseWords, hasStopwords: !stopwords.isEmpty) }.reduce(0) { $0 + $1.words }
        return (hint, blocks, proseWords)
    }
}
