import Foundation

/// Stage: finds title, authors, date, outlet, URL, tags, description and language,
/// from markup hints first and the visible text after, recording evidence for each.
/// Lines that only carried metadata (byline, dateline, tag line) are removed once read.
///
/// The work is a cascade of taggers (`Taggers/Metadata/`, one file per field family) over a
/// shared `MetadataContext`; the stage holds the configuration and the order.
public struct MetadataStage: Stage {
    public static let name = "metadata"

    /// How many blocks past the title the header (byline, date, tags) may reach.
    public var headerBlocks: Int
    /// Read `MM/DD/YYYY` (true) or `DD/MM/YYYY` (false) when a numeric date is ambiguous and the
    /// page's language does not decide (or `ambiguous_dates` fixes the order).
    public var monthFirst: Bool
    /// `ambiguous_dates` is `by_language`: each page's language tag picks the order (`month_first_locales`).
    let orderByLanguage: Bool
    let monthFirstLocales: Set<String>
    /// `day_first_country_domains`: the domain's country decides for a page tagged "en" alone.
    let dayFirstCountryDomains: Set<String>
    let words: MetadataWords
    let dates: DateParser
    /// "5 days ago" and its kin (`relative` in dates.json), read against a capture time.
    let relativeForms: [DateWords.RelativeForm]
    /// Weekday names, lowercased (a shown day may follow one: "Tuesday, Nov 18").
    let weekdays: Set<String>
    /// The other reading of ambiguous numeric dates (`02/11/2023`), to see a markup date shown on the page.
    let swappedDates: DateParser
    /// The two parsers for languages that read some month names otherwise (`month_overrides`).
    let datesByLanguage: [String: (dates: DateParser, swapped: DateParser)]
    let language: LanguageDetector
    let scripts: ScriptLanguages
    let languageTags: LanguageTags
    let stopwords: [String: Set<String>]
    /// The same, looked up by bytes (`StopwordSet`): the block features' stopword counts.
    let stopwordSets: [String: StopwordSet]
    let phrases: PhraseMatcher
    /// Built once per run: its word sets are the same for every document.
    let names: PersonNames
    /// Section tails come off every title kept (the reader already removed site names from `<title>`).
    let titles = TitleCleaner(separators: MarkupVocabulary.bundled.titleSeparators)
    /// `words.modifiedLabels` and `words.dateLabels` for byte matching on ASCII lines.
    let modifiedLabelBytes: ASCIIWords
    let dateLabelBytes: ASCIIWords
    /// The ASCII attribution roles as bytes: the others cannot start an ASCII text.
    let attributionRoleBytes: [[UInt8]]
    let attributionRoleLeads: [[UInt8]]
    /// Each modified label's leading ASCII bytes, lowercased.
    let modifiedLabelPrefixes: [[UInt8]]
    /// The modified labels for the byte check of a line's first Characters.
    let modifiedLabelLeads: LeadingLabels
    /// The outlet patterns' `before` phrases, and their leading ASCII (`ASCIIText.lead`), searched at once.
    let outletPatternBefores: FoldedNeedles
    /// `credit_labels`, searched in one pass over a headline candidate's bytes.
    let creditLabelNeedles: FoldedNeedles
    let outletPatternLeads: FoldedNeedles
    /// The read stage's removal rules of `regions_after_story` ("markup-boilerplate:footer"), looked up whole.
    let regionsAfterStoryRules: Set<String>
    /// `company_suffixes`, for look-ups.
    let companySuffixes: Set<String>
    /// The URL labels ("Original url:") for the byte check of a block's first Characters.
    let urlLabelLeads: LeadingLabels
    /// Each copyright phrase's leading ASCII bytes, lowercased (`ASCIIText.lead`).
    let copyrightPhraseLeads: [[UInt8]]
    /// Tomorrow in UTC (`YYYY-MM-DD`): later dates are rejected; the day of slack covers time zones.
    let latestDate: String

    public init(section: ConfigSection, resources: Resources) throws {
        try self.init(section: section, resources: resources, clock: .system)
    }

    /// `clock` says what today is: dates after tomorrow are refused (tests set it).
    public init(section: ConfigSection, resources: Resources, clock: Clock) throws {
        headerBlocks = section.int("header_blocks", default: 8, range: 1...100)
        let order = section.choice("ambiguous_dates", default: "by_language", allowed: ["by_language", "month_first", "day_first"])
        monthFirst = order != "day_first"
        orderByLanguage = order == "by_language"
        monthFirstLocales = resources.dateWords.monthFirstLocales
        dayFirstCountryDomains = resources.dateWords.dayFirstCountryDomains
        words = resources.metadataWords
        relativeForms = resources.dateWords.relative
        weekdays = Set(resources.dateWords.weekdays.map { $0.lowercased() })
        dates = DateParser(words: resources.dateWords, clock: clock, monthFirst: monthFirst)
        swappedDates = DateParser(words: resources.dateWords, clock: clock, monthFirst: !monthFirst)
        datesByLanguage = resources.dateWords.monthOverrides.mapValues { [dates, swappedDates] overrides in
            (dates.withMonths(overrides), swappedDates.withMonths(overrides))
        }
        language = LanguageDetector(stopwords: resources.stopwords)
        scripts = resources.scriptLanguages
        languageTags = resources.languageTags
        stopwords = resources.stopwords
        stopwordSets = resources.stopwords.mapValues(StopwordSet.init)
        phrases = resources.allPhrases
        latestDate = Self.isoDay(clock.now.addingTimeInterval(86_400))
        names = PersonNames(words: words, stopwords: stopwords["en"] ?? [],
                            calendarWords: Set(resources.dateWords.months.keys).union(resources.dateWords.weekdays))
        modifiedLabelBytes = ASCIIWords(words.modifiedLabels)
        attributionRoleLeads = words.attributionRoles.map(ASCIIText.lead)
        attributionRoleBytes = words.attributionRoles.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
        modifiedLabelPrefixes = words.modifiedLabels.map(ASCIIText.lead)
        modifiedLabelLeads = LeadingLabels(words.modifiedLabels)
        dateLabelBytes = ASCIIWords(words.dateLabels)
        copyrightPhraseLeads = words.copyrightPhrases.map(ASCIIText.lead)
        urlLabelLeads = LeadingLabels(words.urlLabels)
        outletPatternBefores = FoldedNeedles(words.outletPatterns.map { Array($0.before.utf8) })
        // Lowercased, and capitalised too: the search folds ASCII letters only ("Фото:").
        creditLabelNeedles = FoldedNeedles(Array(Set((words.creditLabels ?? []).flatMap { [$0.lowercased(), $0.capitalized] })).sorted().map { Array($0.utf8) })
        outletPatternLeads = FoldedNeedles(words.outletPatterns.map { ASCIIText.lead($0.before) })
        regionsAfterStoryRules = Set((words.regionsAfterStory ?? []).map(MarkupTokens.boilerplateReason))
        companySuffixes = Set(words.companySuffixes)
    }

    static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The taggers in the order they run. The markup comes first (each field's first hint wins),
    /// then the visible text fills what is still missing; the last resorts come last.
    /// The order matters: the header starts after the title's block, the outlet may come from the
    /// URL, the URL's date only counts when nothing else gave one.
    static let cascade: [(name: String, tag: @Sendable (inout MetadataContext) -> Void)] = [
        ("site-keys", { $0.findSiteKeys() }),
        ("markup-dates", { $0.tagMarkupDates() }),
        ("markup-title", { $0.tagMarkupTitle() }),
        ("markup-authors", { $0.tagMarkupAuthors() }),
        ("markup-outlet", { $0.tagMarkupOutlet() }),
        ("markup-url", { $0.tagMarkupURL() }),
        ("markup-language", { $0.tagMarkupLanguage() }),
        ("markup-tags", { $0.tagMarkupTags() }),
        ("prose-range", { $0.findProseRange() }),
        ("title", { $0.tagTitle() }),
        ("header", { $0.tagHeader() }),
        ("attributions", { $0.tagInlineAttributions() }),
        ("headed-byline", { $0.tagHeadedByline() }),
        ("nearby-byline", { $0.tagNearbyByline() }),
        ("lead-credit", { $0.tagLeadCredit() }),
        ("nearby-date-line", { $0.tagNearbyDateLine() }),
        ("closing-name", { $0.tagClosingName() }),
        ("shown-author-tidy", { $0.tidyShownAuthors() }),
        ("url", { $0.tagURL() }),
        ("outlet", { $0.tagOutlet() }),
        ("outlet-dateline", { $0.dropOutletDateline() }),
        ("url-date-check", { $0.checkDateAgainstURL() }),
        ("utc-shift-check", { $0.checkDateAgainstUTCShift() }),
        ("zone-shift-check", { $0.checkDateAgainstShownClock() }),
        ("url-date", { $0.tagDateFromURL() }),
        ("bare-date-line", { $0.tagBareDateLine() }),
        ("modified-date", { $0.tagModifiedDate() }),
        ("outside-date", { $0.tagOutsideDate() }),
        // The feed that listed the page speaks of this page; an archive's capture time and the site as author do not.
        ("feed-hints", { $0.tagFeedHints() }),
        ("relative-date", { $0.tagRelativeDate() }),
        ("yearless-date", { $0.tagYearlessDate() }),
        ("capture-date", { $0.tagCaptureDate() }),
        ("site-author", { $0.tagSiteAuthor() }),
        ("copyright-author", { $0.tagCopyrightAuthor() }),
    ]

    public func process(_ document: inout Document) throws(Rejection) {
        var context = MetadataContext(stage: self, document: document)
        for step in Self.cascade { step.tag(&context) }
        document = context.document
    }
}
