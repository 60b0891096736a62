"""A plan's id from its office's Thai name: stable, ASCII, no transliteration of free text.

An id must be lowercase ASCII (``Id`` in :mod:`eduplan.model.common`), and it must not change when
the plan is revised, so that editions can be compared. A Thai name cannot be transliterated
reliably by rule, but the names of the offices that write plans are made of a few known parts:

* the kind of office, written out or abbreviated: สำนักงานเขตพื้นที่การศึกษาประถมศึกษา (สพป.) is
  ``pesa``, ...มัธยมศึกษา (สพม.) ``sesa``, สำนักงานศึกษาธิการจังหวัด (ศธจ.) ``peo``, ...ภาค (ศธภ.)
  ``reo``, as the shipped plan's ``sesa-lampang-lamphun`` is spelled;
* one or more provinces, each by its official romanised name (RTGS, the Royal Institute's system);
* an area number (เขต 1, in Arabic or Thai digits).

A name made only of those parts gives an id (สพป.เชียงใหม่ เขต 1 -> ``pesa-chiang-mai-1``); a
school's name never does (it is a free name), so a school's id comes from its OBEC code
(``school-1050130001``). Anything else returns None, and the caller asks for ``--id``.
"""

from __future__ import annotations

import re

from eduplan.words.thai import arabic_digits

__all__ = ["OFFICE_KINDS", "PROVINCES", "derive_id", "is_valid_id"]

OFFICE_KINDS: tuple[tuple[str, str], ...] = (
    ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษา", "pesa"),
    ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา", "sesa"),
    ("สำนักงานศึกษาธิการจังหวัด", "peo"),
    ("สำนักงานศึกษาธิการภาค", "reo"),
    ("สพป.", "pesa"),
    ("สพม.", "sesa"),
    ("ศธจ.", "peo"),
    ("ศธภ.", "reo"),
)
"""Thai words that open an office's name -> the id's first part, longest first."""

PROVINCES: dict[str, str] = {
    "กรุงเทพมหานคร": "bangkok", "กทม.": "bangkok", "กระบี่": "krabi", "กาญจนบุรี": "kanchanaburi",
    "กาฬสินธุ์": "kalasin", "กำแพงเพชร": "kamphaeng-phet", "ขอนแก่น": "khon-kaen", "จันทบุรี": "chanthaburi",
    "ฉะเชิงเทรา": "chachoengsao", "ชลบุรี": "chon-buri", "ชัยนาท": "chai-nat", "ชัยภูมิ": "chaiyaphum",
    "ชุมพร": "chumphon", "เชียงราย": "chiang-rai", "เชียงใหม่": "chiang-mai", "ตรัง": "trang", "ตราด": "trat",
    "ตาก": "tak", "นครนายก": "nakhon-nayok", "นครปฐม": "nakhon-pathom", "นครพนม": "nakhon-phanom",
    "นครราชสีมา": "nakhon-ratchasima", "นครศรีธรรมราช": "nakhon-si-thammarat", "นครสวรรค์": "nakhon-sawan",
    "นนทบุรี": "nonthaburi", "นราธิวาส": "narathiwat", "น่าน": "nan", "บึงกาฬ": "bueng-kan",
    "บุรีรัมย์": "buri-ram", "ปทุมธานี": "pathum-thani", "ประจวบคีรีขันธ์": "prachuap-khiri-khan",
    "ปราจีนบุรี": "prachin-buri", "ปัตตานี": "pattani", "พระนครศรีอยุธยา": "phra-nakhon-si-ayutthaya",
    "พะเยา": "phayao", "พังงา": "phang-nga", "พัทลุง": "phatthalung", "พิจิตร": "phichit",
    "พิษณุโลก": "phitsanulok", "เพชรบุรี": "phetchaburi", "เพชรบูรณ์": "phetchabun", "แพร่": "phrae",
    "ภูเก็ต": "phuket", "มหาสารคาม": "maha-sarakham", "มุกดาหาร": "mukdahan", "แม่ฮ่องสอน": "mae-hong-son",
    "ยโสธร": "yasothon", "ยะลา": "yala", "ร้อยเอ็ด": "roi-et", "ระนอง": "ranong", "ระยอง": "rayong",
    "ราชบุรี": "ratchaburi", "ลพบุรี": "lop-buri", "ลำปาง": "lampang", "ลำพูน": "lamphun", "เลย": "loei",
    "ศรีสะเกษ": "si-sa-ket", "สกลนคร": "sakon-nakhon", "สงขลา": "songkhla", "สตูล": "satun",
    "สมุทรปราการ": "samut-prakan", "สมุทรสงคราม": "samut-songkhram", "สมุทรสาคร": "samut-sakhon",
    "สระแก้ว": "sa-kaeo", "สระบุรี": "saraburi", "สิงห์บุรี": "sing-buri", "สุโขทัย": "sukhothai",
    "สุพรรณบุรี": "suphan-buri", "สุราษฎร์ธานี": "surat-thani", "สุรินทร์": "surin", "หนองคาย": "nong-khai",
    "หนองบัวลำภู": "nong-bua-lam-phu", "อ่างทอง": "ang-thong", "อำนาจเจริญ": "amnat-charoen",
    "อุดรธานี": "udon-thani", "อุตรดิตถ์": "uttaradit", "อุทัยธานี": "uthai-thani",
    "อุบลราชธานี": "ubon-ratchathani",
}  # fmt: skip
"""The 77 provinces (and กทม.) -> their RTGS names as id words."""

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_AREA = re.compile(r"^(?:เขต(?:พื้นที่)?)?\s*(\d{1,3})(?!\d)")
_LONGEST_FIRST = sorted(PROVINCES, key=len, reverse=True)


def is_valid_id(text: str, room: int = 64) -> bool:
    """Whether ``text`` is an id (lowercase ASCII letters, digits, ``.``, ``_``, ``-``) of at most ``room`` chars."""
    return bool(_ID.match(text)) and len(text) <= room


def derive_id(*names: str | None, code: str | None = None, school: bool = False) -> str | None:
    """The office id the first of ``names`` that is made of known parts gives, or one from ``code``; else None.

    A school's id is ``school-`` and its code (digits only); an office's comes from its names
    (the short name is tried first by the caller's order), then ``office-`` and its code.
    """
    digits = arabic_digits(code or "").strip()
    by_code = digits if digits.isdigit() else None
    if school:
        return f"school-{by_code}" if by_code else None
    for name in names:
        found = _from_name(name) if name else None
        if found:
            return found
    return f"office-{by_code}" if by_code else None


def _from_name(name: str) -> str | None:
    text = " ".join(arabic_digits(name).split())
    prefix = next(((thai, word) for thai, word in OFFICE_KINDS if text.startswith(thai)), None)
    if prefix is None:
        return None
    words = [prefix[1]]
    rest = text[len(prefix[0]) :].strip()
    rest = rest.removeprefix("จังหวัด").strip()
    while rest:
        area = _AREA.match(rest)
        if area:
            words.append(str(int(area.group(1))))
            rest = rest[area.end() :].strip()
            continue
        province = next((p for p in _LONGEST_FIRST if rest.startswith(p)), None)
        if province is None:
            return None
        words.append(PROVINCES[province])
        rest = rest[len(province) :].strip().removeprefix("และ").strip().removeprefix("จังหวัด").strip()
    return "-".join(words) if len(words) > 1 else None
