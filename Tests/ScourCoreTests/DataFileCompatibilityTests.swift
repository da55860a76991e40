import XCTest
@testable import ScourCore

/// Keys added to the data files after a release are optional: a user's older copy under
/// `SCOUR_DATA` still loads, and the rule the key feeds is simply off.
final class DataFileCompatibilityTests: XCTestCase {
    func bundled(_ path: String) throws -> [String: Any] {
        let url = Resources.bundledDirectory.appendingPathComponent(path)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func testMetadataWordsLoadWithoutRegionsAfterStory() throws {
        var words = try bundled("language/metadata.json")
        XCTAssertNotNil(words.removeValue(forKey: "regions_after_story"), "the shipped file has the key")
        let decoded = try JSONDecoder().decode(MetadataWords.self, from: JSONSerialization.data(withJSONObject: words))
        XCTAssertNil(decoded.regionsAfterStory)
    }

    func testMarkupVocabularyLoadsWithAPartialAuthorText() throws {
        var markup = try bundled("language/markup.json")
        markup["author_text"] = ["hidden_parts": ["sr"]]
        let partial = try JSONDecoder().decode(MarkupVocabulary.self, from: JSONSerialization.data(withJSONObject: markup))
        XCTAssertEqual(partial.authorText.hiddenParts, ["sr"])
        XCTAssertEqual(partial.authorText.pictureParts, [])
        XCTAssertFalse(partial.meta.isEmpty, "the rest of the vocabulary is read")
        markup.removeValue(forKey: "author_text")
        let without = try JSONDecoder().decode(MarkupVocabulary.self, from: JSONSerialization.data(withJSONObject: markup))
        XCTAssertEqual(without.authorText.roleParts, [])
    }
}
