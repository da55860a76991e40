/// What the feed or sitemap that listed a fetched page says of it (`Document.feedHints`): the
/// last resort for each field after everything the page's own markup and text gave, but before an
/// archive's capture time and the site named as author.
extension MetadataContext {
    mutating func tagFeedHints() {
        // The lists so far, as sets: a feed entry may name many authors or categories.
        var knownAuthors = Set(meta.authors), knownTags = Set(meta.tags)
        for hint in document.feedHints {
            let value = hint.value.trimmedSpaces()
            guard !value.isEmpty else { continue }
            let rule = hint.origin.description
            switch hint.field {
            case .title where meta.title == nil:
                meta.title = value
                set("title", rule: rule)
            case .date where meta.date == nil:
                if let date = normalizedDate(value) {
                    meta.date = date
                    set("date", rule: rule)
                }
            case .outlet where meta.outlet == nil:
                meta.outlet = value
                set("outlet", rule: rule)
            // A list field is filled from the feed only when the page gave none of it.
            case .author where meta.authors.isEmpty || meta.evidence["authors"]?.rule == rule:
                if knownAuthors.insert(value).inserted { meta.authors.append(value) }
                set("authors", rule: rule)
            case .tag where meta.tags.isEmpty || meta.evidence["tags"]?.rule == rule:
                if knownTags.insert(value).inserted { meta.tags.append(value) }
                set("tags", rule: rule)
            default:
                break
            }
        }
    }
}
