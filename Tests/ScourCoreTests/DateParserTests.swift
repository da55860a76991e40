import XCTest
@testable import ScourCore

final class DateParserTests: XCTestCase {
    let parser = DateParser(words: TestSupport.resources.dateWords, years: 1990...2030)

    func iso(_ text: String) -> String? { parser.firstDate(in: text)?.iso }

    func testCommonForms() {
        XCTAssertEqual(iso("May 18, 2021"), "2021-05-18")
        XCTAssertEqual(iso("2021/05/19 | Note, political"), "2021-05-19")
        XCTAssertEqual(iso("• Update Time : Wednesday, September 11, 2024"), "2024-09-11")
        XCTAssertEqual(iso("2019-11-18T21:24:00Z"), "2019-11-18")
        XCTAssertEqual(iso("18 May 2021"), "2021-05-18")
        XCTAssertEqual(iso("Nov 18, 2019 at 9:24 pm ET"), "2019-11-18")
        XCTAssertEqual(iso("Sept. 3rd, 2020"), "2020-09-03")
        XCTAssertEqual(iso("16. Oktober 2019"), "2019-10-16")
        XCTAssertEqual(iso("19 de mayo de 2021"), "2021-05-19")
        XCTAssertEqual(iso("16.10.2019"), "2019-10-16")
        XCTAssertEqual(iso("31/01/2020"), "2020-01-31")
        XCTAssertEqual(iso("01/31/2020"), "2020-01-31")
    }

    func testISOBasicFormNeedsItsTime() {
        XCTAssertEqual(iso("20180619T055000+0900"), "2018-06-19")
        XCTAssertEqual(iso("20180619T0550Z"), "2018-06-19")
        XCTAssertNil(iso("20180619"), "eight digits alone are an id as often as a date")
        XCTAssertNil(iso("20181319T055000"), "no 13th month")
        XCTAssertNil(iso("20180619 T055000"), "the T follows the digits at once")
        XCTAssertNil(iso("20180619T 0550"), "and the time the T")
        XCTAssertNil(iso("20180619T9999"), "no 99th hour")
    }

    func testTheTimeBeforeTheYearAsUnixDatePrintsIt() {
        XCTAssertEqual(iso("Sun Nov 23 16:00:00 EDT 2014"), "2014-11-23")
        XCTAssertEqual(iso("Nov 23 16:00 2014"), "2014-11-23")
        XCTAssertEqual(iso("Sun Nov 23 2014 16:00:00 GMT-0500 (Eastern Standard Time)"), "2014-11-23")
        XCTAssertNil(iso("Nov 23 16:00"), "no year")
        XCTAssertEqual(iso("Nov 23 4:00 PM EST 2014"), "2014-11-23")
        XCTAssertNil(iso("Nov 23 16:00 and 2014 more"), "only a time zone may stand between the time and the year")
    }

    /// Other scripts' digits read as digits, and month names of more languages.
    func testDigitsAndMonthsOfOtherScripts() {
        XCTAssertEqual(iso("١٦ أكتوبر ٢٠١٩"), "2019-10-16")
        XCTAssertEqual(iso("١٦ أكتوبر ٢٠١٩ - 12:09"), "2019-10-16", "another script's digits beside ASCII ones")
        XCTAssertEqual(iso("១៦/១០/២០១៩"), "2019-10-16", "Khmer digits")
        XCTAssertEqual(parser.firstMonthDay(in: "١٦ أكتوبر")?.day, 16)
        XCTAssertEqual(iso("２０１９年１０月１６日"), "2019-10-16")
        XCTAssertEqual(iso("१६ अक्टूबर २०१९"), "2019-10-16")
        XCTAssertEqual(iso("১৬ অক্টোবর ২০১৯"), "2019-10-16")
        XCTAssertEqual(iso("16 באוקטובר 2019"), "2019-10-16")
        XCTAssertNil(iso("۲۴ مهر ۱۳۹۸"), "a Solar Hijri date is no Gregorian one")
        XCTAssertEqual(iso("16. октомври 2019"), "2019-10-16")
        XCTAssertEqual(iso("16. studenoga 2019."), "2019-11-16")
        XCTAssertEqual(iso("16. október 2019"), "2019-10-16")
        XCTAssertNil(DateParser.withASCIIDigits("Straße ohne Nummer"))
        XCTAssertEqual(DateParser.withASCIIDigits("Seite ٣"), "Seite 3")
    }

    func testMoreLanguagesAndEastAsianDates() {
        XCTAssertEqual(iso("الأربعاء، 07 أكتوبر 2020 - 12:09 م"), "2020-10-07")
        XCTAssertEqual(iso("5 марта 2021 года"), "2021-03-05")
        XCTAssertEqual(iso("12 października 2019"), "2019-10-12")
        XCTAssertEqual(iso("3 Kasım 2022"), "2022-11-03")
        XCTAssertEqual(iso("2020年07月03日"), "2020-07-03")
        XCTAssertEqual(iso("2020年7月3日の記事"), "2020-07-03")
        XCTAssertEqual(iso("2020년 7월 3일"), "2020-07-03")
        XCTAssertNil(iso("2020年7月"))
        XCTAssertEqual(iso("14 martie 2019"), "2019-03-14")
        XCTAssertEqual(iso("14 de març de 2019"), "2019-03-14")
        XCTAssertEqual(iso("14. maaliskuuta 2019"), "2019-03-14")
        XCTAssertEqual(iso("14 Μαρτίου 2019"), "2019-03-14")
        XCTAssertEqual(iso("14 березня 2019"), "2019-03-14")
        XCTAssertEqual(iso("14. marca 2019"), "2019-03-14")
        XCTAssertEqual(iso("2019. március 14. 10:20"), "2019-03-14")
        XCTAssertEqual(iso("14 mrt 2019"), "2019-03-14")
        XCTAssertEqual(iso("14 lug 2019"), "2019-07-14")
    }

    func testDayMonthNameAndYearJoinedByHyphens() {
        XCTAssertEqual(iso("Posted 14-Mar-2019 10:00"), "2019-03-14")
        XCTAssertEqual(iso("05-06-2021"), "2021-05-06", "numeric dates keep their own rule")
        XCTAssertNil(iso("2019. 03 14"), "the year-first form needs the month's name")
    }

    func testYearGluedToTheHourInATextDump() {
        XCTAssertEqual(iso("Nov 15, 20195:45 AM"), "2019-11-15")
        XCTAssertEqual(iso("Published Tue, Nov 19 20197:05 AM EST"), "2019-11-19")
        XCTAssertEqual(iso("19 November 201912:04 ET"), "2019-11-19")
        XCTAssertNil(iso("Nov 15, 20195"), "five digits without a time after them are no year")
        XCTAssertNil(iso("Nov 15, 201975:45"), "75 is no hour")
    }

    func testTwoDigitYearsWithDots() {
        XCTAssertEqual(iso("mardi 10.12.19"), "2019-12-10")
        XCTAssertEqual(iso("28.01.22 / 3 Kommentare"), "2022-01-28")
        XCTAssertEqual(iso("Version 1.2.10.12"), nil)
    }

    func testTwoDigitYearsWithSlashes() {
        XCTAssertEqual(iso("11/18/19 11:04 PM EST"), "2019-11-18")
        XCTAssertEqual(iso("By Justine Coleman - 11/20/19 6:38 AM"), "2019-11-20")
        XCTAssertEqual(iso("18/11/19"), "2019-11-18", "a first number over 12 is the day")
        let dayFirst = DateParser(words: TestSupport.resources.dateWords, years: 1990...2030, monthFirst: false)
        XCTAssertEqual(dayFirst.firstDate(in: "05/06/19")?.iso, "2019-06-05")
        XCTAssertEqual(iso("12/31/98"), "1998-12-31", "a two-digit year past the range's end is the last century's")
        XCTAssertNil(iso("/images/05/06/19/12/photo.jpg"), "a path of slashed numbers is no date")
        XCTAssertNil(iso("score 3/4/100"))
    }

    func testRejectsImpossibleAndOutOfRange() {
        XCTAssertNil(iso("February 30, 2021"))
        XCTAssertNil(iso("May 18, 1850"))
        XCTAssertNil(iso("since May 10 the strikes"))
        XCTAssertNil(iso("version 2.10.3"))
    }

    func testAmbiguousNumericDatesFollowTheSetting() {
        let dayFirst = DateParser(words: TestSupport.resources.dateWords, years: 1990...2030, monthFirst: false)
        XCTAssertEqual(dayFirst.firstDate(in: "05/06/2021")?.iso, "2021-06-05")
        XCTAssertEqual(parser.firstDate(in: "05/06/2021")?.iso, "2021-05-06")
    }

    func testDatesInURLs() {
        XCTAssertEqual(parser.dateInURL("https://www.themoscowtimes.com/2021/05/18/russias-timid-a73930")?.iso, "2021-05-18")
        XCTAssertEqual(parser.dateInURL("https://x.com/news/2019-10-16-story.html")?.iso, "2019-10-16")
        XCTAssertEqual(parser.dateInURL("https://x.com/archive/20191016/story")?.iso, "2019-10-16")
        XCTAssertEqual(parser.dateInURL("https://www.spokesman.com/stories/2019/nov/19/meth-were-on-it/")?.iso, "2019-11-19",
                       "a named month between year and day")
        XCTAssertNil(parser.dateInURL("https://x.com/2019/de/19/story"), "a segment that names no month")
        XCTAssertNil(parser.dateInURL("https://x.com/story/12345678901"))
        XCTAssertEqual(parser.dateInURL("https://x.de/Reden/2003/03/20030331_Rede2.html")?.iso, "2003-03-31",
                       "a month folder then a dated file name: the file's date, not its first two digits")
        XCTAssertEqual(parser.dateInURL("https://x.com/2021/5/7-story")?.iso, "2021-05-07")
    }
}
