#!/usr/bin/env python3
"""Generates the WHATWG Encoding Standard data scour's decoders read:
Sources/ScourCore/Resources/encoding/ (labels, single-byte tables, multibyte indexes)
and Tests/ScourCoreTests/Fixtures/encoding/ (valid-text vectors for round-trip tests).

The code points come from Python's own codecs, adjusted where they are known to differ
from the WHATWG indexes (noted next to each adjustment). Run from the repository root:
    python3 scripts/gen-encoding-tables.py
The output is deterministic; commit it with the script.

Formats (all read-only, loaded once):
  labels.tsv           label<TAB>encoding name, one a line
  sb-<name>.bin        128 x UInt16 little-endian: bytes 0x80-0xFF; 0 = no code point
  <index>.bin          3 bytes big-endian per pointer (jis0208, jis0212, euc-kr, big5, gb18030); 0 = none
  gb18030-ranges.bin   UInt32 little-endian pairs (pointer, code point), sorted by pointer
"""
import os
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources/ScourCore/Resources/encoding")
VECTORS = os.path.join(ROOT, "Tests/ScourCoreTests/Fixtures/encoding")
PAGES = os.path.join(ROOT, "Tests/ScourCLITests/Fixtures/encoding")

LABELS = {
    "UTF-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "IBM866": "866 cp866 csibm866 ibm866",
    "ISO-8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "ISO-8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "ISO-8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "ISO-8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    "ISO-8859-6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
                  "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "ISO-8859-7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
                  "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "ISO-8859-8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
                  "iso_8859-8 iso_8859-8:1988 visual",
    "ISO-8859-8-I": "csiso88598i iso-8859-8-i logical",
    "ISO-8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "ISO-8859-13": "iso-8859-13 iso8859-13 iso885913",
    "ISO-8859-14": "iso-8859-14 iso8859-14 iso885914",
    "ISO-8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "ISO-8859-16": "iso-8859-16",
    "KOI8-R": "cskoi8r koi koi8 koi8-r koi8_r",
    "KOI8-U": "koi8-ru koi8-u",
    "macintosh": "csmacintosh mac macintosh x-mac-roman",
    "windows-874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "windows-1250": "cp1250 windows-1250 x-cp1250",
    "windows-1251": "cp1251 windows-1251 x-cp1251",
    "windows-1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
                    "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    "windows-1253": "cp1253 windows-1253 x-cp1253",
    "windows-1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 "
                    "l5 latin5 windows-1254 x-cp1254",
    "windows-1255": "cp1255 windows-1255 x-cp1255",
    "windows-1256": "cp1256 windows-1256 x-cp1256",
    "windows-1257": "cp1257 windows-1257 x-cp1257",
    "windows-1258": "cp1258 windows-1258 x-cp1258",
    "x-mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "GBK": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk",
    "gb18030": "gb18030",
    "Big5": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "EUC-JP": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "ISO-2022-JP": "csiso2022jp iso-2022-jp",
    "Shift_JIS": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "EUC-KR": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 "
              "windows-949",
    "replacement": "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement",
    "UTF-16BE": "unicodefffe utf-16be",
    "UTF-16LE": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    "x-user-defined": "x-user-defined",
}

# WHATWG single-byte encodings and the Python codec each table starts from.
SINGLE_BYTE = {
    "IBM866": "cp866", "ISO-8859-2": "iso8859_2", "ISO-8859-3": "iso8859_3", "ISO-8859-4": "iso8859_4",
    "ISO-8859-5": "iso8859_5", "ISO-8859-6": "iso8859_6", "ISO-8859-7": "iso8859_7", "ISO-8859-8": "iso8859_8",
    "ISO-8859-8-I": "iso8859_8", "ISO-8859-10": "iso8859_10", "ISO-8859-13": "iso8859_13",
    "ISO-8859-14": "iso8859_14", "ISO-8859-15": "iso8859_15", "ISO-8859-16": "iso8859_16", "KOI8-R": "koi8_r",
    "KOI8-U": "koi8_u", "macintosh": "mac_roman", "windows-874": "cp874", "windows-1250": "cp1250",
    "windows-1251": "cp1251", "windows-1252": "cp1252", "windows-1253": "cp1253", "windows-1254": "cp1254",
    "windows-1255": "cp1255", "windows-1256": "cp1256", "windows-1257": "cp1257", "windows-1258": "cp1258",
    "x-mac-cyrillic": "mac_cyrillic",
}

# Where Python's codec differs from the WHATWG index (byte -> code point).
SINGLE_BYTE_FIXES = {
    "KOI8-U": {0xAE: 0x045E, 0xBE: 0x040E},              # WHATWG uses KOI8-RU's two letters here
    "x-mac-cyrillic": {0xA2: 0x0490, 0xB6: 0x0491, 0xFF: 0x20AC},  # Apple's later table
    "windows-1255": {0xCA: 0x05BA},
}


def single_byte_table(name, codec):
    table = []
    for byte in range(0x80, 0x100):
        try:
            text = bytes([byte]).decode(codec)
            point = ord(text) if len(text) == 1 else 0
        except UnicodeDecodeError:
            point = 0
        # Windows code pages: the bytes Microsoft left undefined in 0x80-0x9F are C1 controls in WHATWG.
        if point == 0 and (name.startswith("windows-") and 0x80 <= byte <= 0x9F):
            point = byte
        point = SINGLE_BYTE_FIXES.get(name, {}).get(byte, point)
        table.append(point)
    return table


def decode_one(data, codec):
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return 0
    return ord(text) if len(text) == 1 else 0


def jis0208():
    """Pointers as Shift_JIS computes them, decoded through cp932 (Windows' table, which WHATWG follows)."""
    table = []
    for pointer in range(94 * 120):
        lead, trail = divmod(pointer, 188)
        lead += 0x81 if lead < 0x1F else 0xC1
        trail += 0x40 if trail < 0x3F else 0x41
        point = 0 if 8836 <= pointer <= 10715 else decode_one(bytes([lead, trail]), "cp932")
        table.append(point)
    return table


def jis0212():
    return [decode_one(bytes([0x8F, 0xA1 + p // 94, 0xA1 + p % 94]), "euc_jp") for p in range(94 * 94)]


def euc_kr():
    return [decode_one(bytes([0x81 + p // 190, 0x41 + p % 190]), "cp949") for p in range(126 * 190)]


BIG5_FIXES = {0xA145: 0x2027, 0xA14E: 0xFE51}  # WHATWG keeps Windows' (cp950's) readings of these two


def big5():
    table = []
    for pointer in range(126 * 157):
        lead, trail = divmod(pointer, 157)
        data = bytes([0x81 + lead, trail + (0x40 if trail < 0x3F else 0x62)])
        point = decode_one(data, "big5hkscs") or decode_one(data, "cp950")
        if 0xE000 <= point <= 0xF8FF:
            point = 0  # cp950's user-defined area is not in the WHATWG index
        point = BIG5_FIXES.get(int.from_bytes(data, "big"), point)
        table.append(point)
    return table


# GB18030-2005 and -2022 readings WHATWG's index took where Python keeps the 2000 one or a PUA code point.
GB18030_FIXES = {
    0xA8BC: 0x1E3F,
    0xA6D9: 0xFE10, 0xA6DA: 0xFE12, 0xA6DB: 0xFE11, 0xA6DC: 0xFE13, 0xA6DD: 0xFE14, 0xA6DE: 0xFE15,
    0xA6DF: 0xFE16, 0xA6EC: 0xFE17, 0xA6ED: 0xFE18, 0xA6F3: 0xFE19,
    0xFE59: 0x9FB4, 0xFE61: 0x9FB5, 0xFE66: 0x9FB6, 0xFE67: 0x9FB7, 0xFE6D: 0x9FB8, 0xFE7E: 0x9FB9,
    0xFE90: 0x9FBA, 0xFEA0: 0x9FBB,
}


def gb18030():
    table = []
    for pointer in range(126 * 190):
        lead, trail = divmod(pointer, 190)
        data = bytes([0x81 + lead, trail + (0x40 if trail < 0x3F else 0x41)])
        point = decode_one(data, "gb18030")
        point = GB18030_FIXES.get(int.from_bytes(data, "big"), point)
        table.append(point)
    return table


def gb18030_ranges():
    """Four-byte pointers 0-39419 map in runs; each run is stored as its first (pointer, code point)."""
    ranges = []
    previous = None
    for pointer in range(39420):
        data = bytes([0x81 + pointer // 12600, 0x30 + pointer // 1260 % 10, 0x81 + pointer // 10 % 126,
                      0x30 + pointer % 10])
        point = decode_one(data, "gb18030")
        if point == 0:
            sys.exit(f"gb18030 four-byte pointer {pointer} has no code point in Python's codec")
        if previous is None or point - pointer != previous:
            ranges.append((pointer, point))
            previous = point - pointer
    return ranges


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def three_bytes(table):
    return b"".join(point.to_bytes(3, "big") for point in table)


def jis_agrees(encoded, point, tables):
    """Whether the EUC-JP or ISO-2022-JP bytes Python wrote for `point` read back as `point` in the index."""
    body = encoded.replace(b"\x1b$B", b"").replace(b"\x1b(B", b"")
    if len(body) == 2:
        rows = [b | 0x80 for b in body]
        return tables["jis0208"][(rows[0] - 0xA1) * 94 + rows[1] - 0xA1] == point
    if len(body) == 3 and body[0] == 0x8F:
        return tables["jis0212"][(body[1] - 0xA1) * 94 + body[2] - 0xA1] == point
    return False


def vectors(tables):
    """Valid text for round trips: every 7th code point of each index, encoded by Python's codec."""
    samples = {
        "Shift_JIS": ("cp932", tables["jis0208"], 7),
        "EUC-JP": ("euc_jp", tables["jis0208"][:8836] + tables["jis0212"], 7),
        "ISO-2022-JP": ("iso2022_jp", tables["jis0208"][:8836], 11),
        "EUC-KR": ("cp949", tables["euc-kr"], 7),
        "Big5": ("big5hkscs", tables["big5"], 7),
        "gb18030": ("gb18030", tables["gb18030"] + [p for _, p in tables["gb18030-ranges"]], 7),
    }
    for name, codec in SINGLE_BYTE.items():
        samples[name] = (codec, tables["sb-" + name], 1)
    for name, (codec, points, step) in samples.items():
        text = []
        for point in sorted(set(points))[::step]:
            if point == 0:
                continue
            char = chr(point)
            try:
                encoded = char.encode(codec)
                if encoded.decode(codec) != char:
                    continue
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if name in ("EUC-JP", "ISO-2022-JP") and not jis_agrees(encoded, point, tables):
                continue  # Python's JIS X 0208 differs from Windows' (and WHATWG's) on a few symbols
            text.append(char)
            if len(text) % 40 == 0:
                text.append("\n")
        line = "ascii <p>text</p> " + "".join(text) + "\n"
        write(os.path.join(VECTORS, name + ".in"), line.encode(codec))
        write(os.path.join(VECTORS, name + ".utf8"), line.encode("utf-8"))


# Twenty paragraphs of native text per legacy multibyte encoding, with one sequence the
# encoding cannot map put into paragraph 4 (CLI tests: the other nineteen must come out whole).
PARAGRAPH_PAGES = {
    "shift_jis": ("cp932", "東京の新しい橋が月曜日に開通し、朝から多くの車が渡りました。", b"\x85\x40"),
    "euc-jp": ("euc_jp", "東京の新しい橋が月曜日に開通し、朝から多くの車が渡りました。", b"\xa9\xa1"),
    "iso-2022-jp": ("iso2022_jp", "東京の新しい橋が月曜日に開通し、朝から多くの車が渡りました。", b"\x1b$B\x29\x21\x1b(B"),
    "euc-kr": ("cp949", "서울의 새 다리가 월요일에 개통되어 아침부터 많은 차가 건넜습니다.", b"\xc9\xa1"),
    "big5": ("big5hkscs", "臺北的新橋於星期一通車，清晨起已有許多車輛駛過。", b"\xa3\xfe"),
    "gb18030": ("gb18030", "北京的新桥于星期一通车，清晨起已有许多车辆驶过。", b"\xff"),
}


def paragraph_pages():
    for label, (codec, sentence, bad) in PARAGRAPH_PAGES.items():
        paragraphs = [f"{number}. {sentence}" for number in range(1, 21)]
        head = f'<html><head><meta charset="{label}"><title>{number_title(label)}</title></head><body><article>'
        page = head.encode(codec)
        for number, text in enumerate(paragraphs, 1):
            body = text.encode(codec)
            if number == 4:
                body = body[:9] + bad + body[9:] if codec != "iso2022_jp" else bad + body
            page += b"<p>" + body + b"</p>\n"
        page += b"</article></body></html>\n"
        write(os.path.join(PAGES, f"paragraphs-{label}.html"), page)
        write(os.path.join(PAGES, f"paragraphs-{label}.txt"), "\n".join(paragraphs).encode("utf-8"))


def number_title(label):
    return "Paragraphs in " + label


def main():
    labels = sorted((label, name) for name, text in LABELS.items() for label in text.split())
    write(os.path.join(OUT, "labels.tsv"), "".join(f"{label}\t{name}\n" for label, name in labels).encode())
    tables = {}
    for name, codec in SINGLE_BYTE.items():
        table = single_byte_table(name, codec)
        tables["sb-" + name] = table
        write(os.path.join(OUT, f"sb-{name}.bin"), b"".join(struct.pack("<H", p) for p in table))
    for name, build in [("jis0208", jis0208), ("jis0212", jis0212), ("euc-kr", euc_kr), ("big5", big5),
                        ("gb18030", gb18030)]:
        tables[name] = build()
        write(os.path.join(OUT, name + ".bin"), three_bytes(tables[name]))
    tables["gb18030-ranges"] = gb18030_ranges()
    write(os.path.join(OUT, "gb18030-ranges.bin"),
          b"".join(struct.pack("<II", pointer, point) for pointer, point in tables["gb18030-ranges"]))
    vectors(tables)
    paragraph_pages()


if __name__ == "__main__":
    main()
