import Foundation

public enum ResourceError: Error, Sendable, CustomStringConvertible {
    case missing(path: String)
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missing(path): return "\(path): data file not found"
        case let .malformed(path, reason): return "\(path): malformed data file: \(reason)"
        }
    }
}

/// The data files rules are made of (phrase lexicons, stopwords, month names),
/// loaded once per run and shared read-only by every stage.
public struct Resources: Sendable {
    public let lexicons: [String: Lexicon]
    /// The phrase lists of every language, in language order, built once: the metadata and
    /// boilerplate stages both match against them (building one is a tenth of a run's start-up).
    public let allPhrases: PhraseMatcher
    public let stopwords: [String: Set<String>]
    public let dateWords: DateWords
    public let metadataWords: MetadataWords
    /// Class/id/role tokens that mark HTML containers as content or boilerplate.
    public var markupTokens: MarkupTokens
    /// Languages told by their script (`language/scripts.json`; none when an older data folder lacks it).
    public var scriptLanguages: ScriptLanguages = .none
    /// What pages write for their language (`language/language_tags.json`; without it, any two letters pass).
    public var languageTags: LanguageTags = .none

    /// The folder shipped with the library; `SCOUR_DATA` or a config key may point elsewhere.
    public static var bundledDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["SCOUR_DATA"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        // The copied folder sits at the bundle's top; Foundation's resourceURL differs by platform.
        let bundle = URL(fileURLWithPath: Bundle.module.bundlePath)
        let nested = bundle.appendingPathComponent("Resources")
        return FileManager.default.fileExists(atPath: nested.appendingPathComponent("lexicon").path) ? nested : bundle
    }

    public static func load(from directory: URL = bundledDirectory) throws -> Resources {
        let lexiconDir = directory.appendingPathComponent("lexicon")
        var lexicons: [String: Lexicon] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lexiconDir.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = lexiconDir.appendingPathComponent(name)
            let lexicon = try Lexicon(data: readData(url), path: url.path)
            lexicons[lexicon.language] = lexicon
        }
        if lexicons.isEmpty { throw ResourceError.missing(path: lexiconDir.path + "/*.json") }

        let stopURL = directory.appendingPathComponent("language/stopwords.json")
        let stopJSON = try decode([String: [String]].self, from: stopURL)
        let stopwords = stopJSON.mapValues { Set($0) }

        let datesURL = directory.appendingPathComponent("language/dates.json")
        let dateWords = try decode(DateWords.self, from: datesURL)
        let metadataURL = directory.appendingPathComponent("language/metadata.json")
        let metadataWords = try decode(MetadataWords.self, from: metadataURL)
        let markupTokens = try decode(MarkupTokens.self, from: directory.appendingPathComponent("html/containers.json"))
        var resources = Resources(lexicons: lexicons, stopwords: stopwords, dateWords: dateWords, metadataWords: metadataWords,
                                  markupTokens: markupTokens)
        let scriptsURL = directory.appendingPathComponent("language/scripts.json")
        if FileManager.default.fileExists(atPath: scriptsURL.path) {
            resources.scriptLanguages = try decode(ScriptLanguages.self, from: scriptsURL)
        }
        let tagsURL = directory.appendingPathComponent("language/language_tags.json")
        if FileManager.default.fileExists(atPath: tagsURL.path) {
            resources.languageTags = try decode(LanguageTags.self, from: tagsURL)
        }
        return resources
    }

    public init(lexicons: [String: Lexicon], stopwords: [String: Set<String>], dateWords: DateWords,
                metadataWords: MetadataWords, markupTokens: MarkupTokens) {
        self.markupTokens = markupTokens
        self.lexicons = lexicons
        allPhrases = PhraseMatcher(lexicons: lexicons.keys.sorted().compactMap { lexicons[$0] })
        self.stopwords = stopwords
        self.dateWords = dateWords
        self.metadataWords = metadataWords
    }

    private static func readData(_ url: URL) throws -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ResourceError.missing(path: url.path)
        }
        return data
    }

    private static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let data = try readData(url)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw ResourceError.malformed(path: url.path, reason: "\(error)")
        }
    }
}

/// Month and weekday names per language, for reading dates written out in words.
public struct DateWords: Sendable, Decodable {
    /// Lowercased month name or abbreviation → month number.
    public let months: [String: Int]
    /// Lowercased weekday names and abbreviations, skipped when reading a date.
    public let weekdays: [String]
    /// Year, month and day markers of East Asian dates: `2020年7月3日`, `2020년 7월 3일`.
    public var yearMonthDayMarkers: [[String]] = []
    /// Language tags whose pages write ambiguous numeric dates month first ("en-us", and "en"
    /// with no region); every other language reads "03/04/2021" as 3 April.
    public var monthFirstLocales: Set<String> = ["en", "en-us"]
    /// Country domains ("uk" of `.co.uk`, "ie", "au") whose pages write the day first: read for a
    /// page whose language tag names no region ("en") and whose own dates do not say.
    public var dayFirstCountryDomains: Set<String> = []
    /// "5 days ago", "vor 3 Stunden", "hace 2 horas": a number and a unit between a lead and a tail,
    /// read only against a capture time (`RelativeDate`).
    public var relative: [RelativeForm] = []
    /// Lowercased time zone abbreviations ("edt", "cest") a date may show between its time and its
    /// year, as Unix `date` prints it ("Sun Nov 23 16:00:00 EDT 2014").
    public var timeZones: Set<String> = []
    /// Month names a language reads otherwise than `months` ("listopada": November in Polish,
    /// October in Croatian), by ISO 639-1 code; used for pages in that language.
    public var monthOverrides: [String: [String: Int]] = [:]

    public struct RelativeForm: Sendable, Decodable {
        public var before: String
        public var after: String
        /// Lowercased unit word → seconds.
        public var units: [String: Int]
    }

    enum CodingKeys: String, CodingKey {
        case months, weekdays, relative
        case timeZones = "time_zones"
        case monthOverrides = "month_overrides"
        case yearMonthDayMarkers = "year_month_day_markers"
        case monthFirstLocales = "month_first_locales"
        case dayFirstCountryDomains = "day_first_country_domains"
    }

    public init(months: [String: Int], weekdays: [String], yearMonthDayMarkers: [[String]] = []) {
        self.months = months
        self.weekdays = weekdays
        self.yearMonthDayMarkers = yearMonthDayMarkers
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        months = try container.decode([String: Int].self, forKey: .months)
        weekdays = try container.decode([String].self, forKey: .weekdays)
        yearMonthDayMarkers = try container.decodeIfPresent([[String]].self, forKey: .yearMonthDayMarkers) ?? []
        if let locales = try container.decodeIfPresent([String].self, forKey: .monthFirstLocales) {
            monthFirstLocales = Set(locales.map { $0.lowercased() })
        }
        relative = try container.decodeIfPresent([RelativeForm].self, forKey: .relative) ?? []
        dayFirstCountryDomains = Set((try container.decodeIfPresent([String].self, forKey: .dayFirstCountryDomains) ?? []).map { $0.lowercased() })
        timeZones = Set((try container.decodeIfPresent([String].self, forKey: .timeZones) ?? []).map { $0.lowercased() })
        monthOverrides = try container.decodeIfPresent([String: [String: Int]].self, forKey: .monthOverrides) ?? [:]
    }
}

/// Label words and phrases the metadata rules look for, per `Resources/language/metadata.json`.
public struct MetadataWords: Sendable, Decodable {
    public struct Around: Sendable, Decodable {
        public var before: String
        public var after: String
    }

    public let bylinePrefixes: [String]
    public let dateLabels: [String]
    public let modifiedLabels: [String]
    public let tagLabels: [String]
    public let attributionRoles: [String]
    public let outletPatterns: [Around]
    public let notNames: [String]
    /// Words that join several authors in one markup value: "A und B", "A; B".
    public let authorSeparators: [String]
    /// Degrees and suffixes that follow a name after a comma: "Jane Doe, PhD".
    public let nameSuffixes: [String]
    /// Labels before the names in byline elements and author fields: "Erstellt von", "View all posts by".
    public let authorLabels: [String]
    /// Words that make an author value an organisation (the site, its publisher) rather than a person.
    public let organizationWords: [String]
    /// Line openings that announce the page's original address: "Original url:", "Source:" (at most 16 characters).
    public let urlLabels: [String]
    /// Words cut from a copyright line to leave the holder's name: "All rights reserved".
    public let copyrightPhrases: [String]
    /// What follows an author's name at the start of a bio line, per language ("Jane Doe is a
    /// reporter…", "Jane Doe, a research scholar…"), lowercased, with its leading space or comma.
    public let authorBioOpeners: [String: [String]]
    /// Company suffixes a publication name never ends with ("Inc", "LLC", "GmbH"): cut from outlets.
    public let companySuffixes: [String]
    /// Per language, words that are never part of a person's name: labels, captions, photo agencies
    /// ("Image title", "Getty Images", "Beliebteste Artikel").
    public let notAuthorWords: [String: [String]]
    /// Lowercase words inside a name that need no capital ("van", "de", "ibn").
    public let nameParticles: [String]
    /// What splits a visible list of names ("A, B and C"), tried in this order.
    public let nameListJoiners: [String]
    /// What ends a visible list of names (a date, a role or an outlet follows): the text after the first is cut.
    public let nameListCuts: [String]
    /// What ends the names in a markup author value ("Jane Doe | Staff", "Jane Doe on May 3"); the
    /// date and modified labels are added to them.
    public let nameCutMarkers: [String]
    /// Byline labels inside a markup value that end what precedes the names ("Disko Von Ernst Lohoff").
    public let inlineBylineLabels: [String]
    /// News agencies, lowercased: after a person in an author list they name the source, not a second author.
    public let newsAgencies: [String]
    /// The markup's boilerplate regions that only come once a story is over ("footer", "related"):
    /// no signature of the story follows one. (Optional: an older data folder lacks it.)
    public let regionsAfterStory: Set<String>?
    /// East Asian reporter role words and on which side of the name they stand (`ReporterByline`).
    public let reporterRoles: ReporterRoles
    /// Labels that are also ordinary nouns ("Text", "Author"), lowercased: printed without their
    /// colon they open a line only before a name of two words or more ("Text Size" is a button). (Optional, as above.)
    public let nounLabels: [String]?
    /// Labels of a picture's credit, lowercased ("Foto:", "Photo by"): after a caption's text they
    /// make the line a caption, never a headline. (Optional, as above.)
    public let creditLabels: [String]?

    public struct ReporterRoles: Sendable, Decodable {
        public let beforeName: [String]
        public let afterName: [String]

        enum CodingKeys: String, CodingKey {
            case beforeName = "before_name"
            case afterName = "after_name"
        }
    }

    enum CodingKeys: String, CodingKey {
        case bylinePrefixes = "byline_prefixes"
        case dateLabels = "date_labels"
        case modifiedLabels = "modified_labels"
        case tagLabels = "tag_labels"
        case attributionRoles = "attribution_roles"
        case outletPatterns = "outlet_patterns"
        case notNames = "not_names"
        case authorSeparators = "author_separators"
        case nameSuffixes = "name_suffixes"
        case authorLabels = "author_labels"
        case organizationWords = "organization_words"
        case urlLabels = "url_labels"
        case copyrightPhrases = "copyright_phrases"
        case authorBioOpeners = "author_bio_openers"
        case companySuffixes = "company_suffixes"
        case notAuthorWords = "not_author_words"
        case nameParticles = "name_particles"
        case nameListJoiners = "name_list_joiners"
        case nameListCuts = "name_list_cuts"
        case nameCutMarkers = "name_cut_markers"
        case inlineBylineLabels = "inline_byline_labels"
        case reporterRoles = "reporter_roles"
        case newsAgencies = "news_agencies"
        case regionsAfterStory = "regions_after_story"
        case nounLabels = "noun_labels"
        case creditLabels = "credit_labels"
    }
}
