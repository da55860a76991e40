import Foundation

/// The holder a copyright line names ("© 2005-2024 BLiTZ", "Copyright 2021 The Times"): the outlet
/// when nothing else names the publication, and on a one-person site the author.
extension MetadataContext {
    /// The last copyright line's holder, without sign, years, "All rights reserved" or company suffix,
    /// and the block it stands in; only lines after block `after` are read.
    func copyrightHolder(after: Int = -1) -> (name: String, block: Int)? {
        for index in stride(from: document.blocks.count - 1, through: after + 1, by: -1) {
            let text = document.blocks[index].text
            // The bytes first: "©" in them, or "copyright" at the start in any case, is needed for either test.
            let bytes = text.utf8
            guard ASCIIText.hasLoweredPrefix(bytes, Self.copyrightBytes) || OutletBytes.hasCopyrightSign(text),
                  OutletBytes.signs.contains(where: text.contains) || text.lowercased().hasPrefix("copyright"), text.count < 200 else { continue }
            // The line starts with the sign or the word: "Foto © EnBW" credits a picture.
            if let sign = OutletBytes.signs.lazy.compactMap({ text.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                let before = text[..<sign.lowerBound].trimmingCharacters(in: .whitespaces).lowercased()
                guard before.isEmpty || stage.words.copyrightPhrases.contains(before) else { continue }
            }
            // The holder's name is what is left before the line's first sentence or bar ends.
            // A holder starts with a capital (or a letter without case), and is no credit ("Designed by …").
            if let stripped = publicationName(text), let holder = outletName(stripped), let name = publicationName(holder),
               name.first.map({ !$0.isLowercase }) ?? false, !name.lowercased().split(separator: " ").prefix(2).contains("by"),
               name.split(separator: " ").count <= 6, dateParser.firstDate(in: name) == nil {
                return (name, index)
            }
        }
        return nil
    }

    /// A site without any byline whose copyright line, below the story, names a person ("© 2009-2012
    /// Jonathan Krase") is that person's: the holder is the author, when it reads as a person's name
    /// and not as the site's or an organisation's.
    mutating func tagCopyrightAuthor() {
        // (Only in the page's foot: a "©" line above the story credits a picture. Only the lines after
        // the story are read: this runs on every page without a byline.)
        guard meta.authors.isEmpty, let lastProse, let (holder, index) = copyrightHolder(after: lastProse), names.looksLikeName(holder),
              !names.isOrganization(holder, siteKeys: siteKeys),
              // The whole line counts: a company word or suffix came off the holder ("Bennett, Coleman & Co. Ltd",
              // "Axel Springer SE"); and a picture's caption after the story credits the picture.
              !names.isOrganization(document.blocks[index].text, siteKeys: siteKeys),
              !hasCompanySuffix(document.blocks[index].text), document.blocks[index].removal?.rule != "figure-caption",
              meta.outlet.map({ TextKey.letters($0) != TextKey.letters(holder) }) ?? true else { return }
        meta.authors = [holder]
        set("authors", rule: "copyright-holder", block: index)
    }

    /// A word of the line is a company suffix (`company_suffixes`: "SE", "plc", "Ltd.").
    func hasCompanySuffix(_ line: String) -> Bool {
        line.split(whereSeparator: { $0 == " " || $0 == "," }).contains { word in
            let lower = word.lowercased()
            return stage.companySuffixes.contains(lower) || stage.companySuffixes.contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:")))
        }
    }
}
