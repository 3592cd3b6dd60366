"""Read a State Council holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知).

The notice is written in a fixed wording, one numbered item per festival::

    一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    三、清明节：4月4日（周六）至6日（周一）放假，共3天。
    一、元旦：1月1日（周三）放假1天，不调休。

Each sentence of an item is either the rest days (``…放假…``) or the make-up working
days (``…上班``). Everything stated is checked against itself: the weekday in brackets
against the date, ``共N天`` against the span, the item numbers run 一、二、三 … without a
gap, the seven festivals each appear once. A sentence or a line that cannot be read
fully is refused with :class:`NoticeError`, which quotes it: an arrangement read half
would move deadlines silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from xmgl.domain.holidays import FESTIVALS, Holiday, HolidayYear

_CN_DIGITS = "一二三四五六七八九十"
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

_DATE = r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^（）]*)）|\(([^()]*)\))?"
_DATE_RE = re.compile(_DATE)
_REST = re.compile(
    rf"^(?P<a>{_DATE})(?:至(?P<b>{_DATE}))?放假(?:(?P<n1>\d+)天)?(?:调休)?"
    r"(?:，(?:共(?P<n2>\d+)天|不调休|与周末连休))*$"
)
_WORK = re.compile(rf"^{_DATE}(?:、{_DATE})*上班$")
_ITEM = re.compile(r"^([一二三四五六七八九十]+)、([^：:]+)[：:](.*)$")
_TITLE_YEAR = re.compile(r"关于(\d{4})年(?:部分)?节假日安排的通知")
_INTRO_YEAR = re.compile(r"现将(\d{4})年")
_DOC_NO = re.compile(r"国办发(?:明电)?〔(\d{4})〕(\d+)号")
_ISSUED = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_HAS_DAY = re.compile(r"\d+月\d+日|\d+日（")


class NoticeError(ValueError):
    """A part of the notice xmgl cannot read; ``message`` is Chinese and quotes it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.line: int | None = None
        """The line of the notice's text (from 1), when one line is at fault."""


@dataclass(frozen=True)
class ReadNotice:
    """What was read from a notice (a :class:`HolidayYear` once 文号 and date are known)."""

    year: int
    holidays: tuple[Holiday, ...]
    document_no: str | None
    issued: date | None

    def to_year(self, document_no: str | None = None, issued: date | None = None) -> HolidayYear:
        doc = document_no or self.document_no
        day = issued or self.issued
        if not doc or day is None:
            missing = "、".join(
                x
                for x, v in (("文号（--document-no）", doc), ("发文日期（--issued）", day))
                if not v
            )
            raise NoticeError(
                f"通知文本中没有{missing}。",
                "从通知原件（中国政府网）抄写，用选项给出，例如 "
                "--document-no 国办发明电〔2026〕9号 --issued 2026-11-10。",
            )
        return HolidayYear(self.year, doc, day, self.holidays)


def _cn_number(text: str) -> int:
    """一 … 九十九 (item numbers)."""
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (
            _CN_DIGITS.index(ones) + 1 if ones else 0
        )
    return _CN_DIGITS.index(text) + 1


def read_notice(text: str, year: int | None = None) -> ReadNotice:
    """Read the notice's text; raise :class:`NoticeError` naming what could not be read."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    numbered = [(i, ln.strip().strip("\u3000").strip()) for i, ln in enumerate(text.split("\n"), 1)]
    numbered = [(i, ln) for i, ln in numbered if ln]
    if year is None:
        for _, ln in numbered:
            m = _TITLE_YEAR.search(ln) or _INTRO_YEAR.search(ln)
            if m:
                year = int(m.group(1))
                break
    if year is None:
        raise NoticeError(
            "读不出通知是哪一年的：没有“国务院办公厅关于XXXX年部分节假日安排的通知”这样的标题。",
            "把通知全文（含标题）粘贴进文件，或用 --year 指定年份。",
        )
    document_no = issued = None
    holidays: list[Holiday] = []
    expected = 1
    seen: dict[str, str] = {}
    for lineno, ln in numbered:
        try:
            found = _line(year, ln, expected, seen)
        except NoticeError as err:
            err.line = lineno
            raise
        if found is None:
            doc = _DOC_NO.search(ln)
            if doc and document_no is None:
                document_no = doc.group(0)
            day = _ISSUED.match(ln)
            if day:
                issued = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
            continue
        expected += 1
        holidays.append(found)
    if not holidays:
        raise NoticeError(
            "文本中没有找到“一、元旦：……”这样的条目。",
            "把通知正文完整粘贴进文件（UTF-8 文本）。",
        )
    missing = [f for f in FESTIVALS if f not in seen]
    if missing:
        raise NoticeError(
            f"通知中没有找到{'、'.join(missing)}的安排（共应有{len(FESTIVALS)}个节日）。",
            "检查是否粘贴完整。",
        )
    return ReadNotice(year, tuple(holidays), document_no, issued)


def _line(year: int, ln: str, expected: int, seen: dict[str, str]) -> Holiday | None:
    """One line: a holiday item, None for any other line, NoticeError if unreadable."""
    item = _ITEM.match(ln)
    if item is None:
        if _HAS_DAY.search(ln) and not _ISSUED.match(ln):
            raise NoticeError(
                f"这一行写有日期，却不是“一、元旦：……”这样的条目，读不懂：“{ln}”。",
                "检查是否粘贴完整、条目编号和冒号是否被改动；xmgl 只读通知的标准写法。",
            )
        return None
    number, names, body = item.groups()
    if _cn_number(number) != expected:
        raise NoticeError(
            f"条目编号不连续：应为第{expected}项，却是“{number}、{names}”。",
            "检查是否漏粘贴了一项。",
        )
    for name in names.split("、"):
        if name not in FESTIVALS:
            raise NoticeError(
                f"第{number}项的节日“{name}”不认识：“{ln}”。",
                "节日名称应为：" + "、".join(FESTIVALS) + "。",
            )
        if name in seen:
            raise NoticeError(f"“{name}”出现了两次：第{seen[name]}项和第{number}项。")
        seen[name] = number
    return _item(year, number, names, body)


def _item(year: int, number: str, names: str, body: str) -> Holiday:
    sentences = [s.strip() for s in body.split("。")]
    if sentences and sentences[-1] == "":
        sentences.pop()
    else:
        raise NoticeError(
            f"第{number}项（{names}）不以句号结束，可能没有粘贴完整：“{body}”。",
            "检查该项的最后一句。",
        )
    rest: tuple[date, date] | None = None
    work: list[date] = []
    for s in sentences:
        where = f"第{number}项（{names}）的这句读不懂：“{s}。”"
        m = _REST.match(s)
        if m and rest is None:
            first = _date(year, m.group("a"), None, where)
            last = _date(year, m.group("b"), first, where) if m.group("b") else first
            if last < first:
                raise NoticeError(f"{where}——结束日早于开始日。")
            days = (last - first).days + 1
            for said in (m.group("n1"), m.group("n2")):
                if said is not None and int(said) != days:
                    raise NoticeError(
                        f"{where}——写的是共{said}天，{first.isoformat()} 至 "
                        f"{last.isoformat()} 却是{days}天。"
                    )
            rest = (first, last)
            continue
        if _WORK.match(s):
            prev = None
            for part in _DATE_RE.finditer(s[: -len("上班")]):
                prev = _date(year, part.group(0), prev, where, anchor=rest[0] if rest else None)
                work.append(prev)
            continue
        hint = "xmgl 只读两种句子：“…放假…，共N天。”和“…（周六）上班。”"
        if m and rest is not None:
            raise NoticeError(f"第{number}项（{names}）有两句放假安排：“{s}。”", hint)
        raise NoticeError(where, hint)
    if rest is None:
        raise NoticeError(
            f"第{number}项（{names}）没有放假日期：“{body}”。", "检查该项是否粘贴完整。"
        )
    return Holiday(names, rest[0], rest[1], tuple(work))


def _date(
    year: int, text: str, previous: date | None, where: str, anchor: date | None = None
) -> date:
    """One date of the notice; the year and month carry over from ``previous``."""
    m = _DATE_RE.fullmatch(text)
    if m is None:
        raise NoticeError(where)
    y, mo, d, note, note_ascii = m.groups()
    note = note if note is not None else note_ascii
    if mo is None:
        if previous is None:
            raise NoticeError(f"{where}——“{text}”没有月份。")
        mo = previous.month
        y = y or previous.year
    if y is None:
        y = previous.year if previous is not None else year
        # a make-up day or an end in January after a December start: the next year
        if previous is not None and int(mo) < previous.month:
            y = previous.year + 1
        elif previous is None and anchor is not None and abs(int(mo) - anchor.month) > 6:
            y = anchor.year + (1 if int(mo) < anchor.month else -1)
    try:
        day = date(int(y), int(mo), int(d))
    except ValueError:
        raise NoticeError(f"{where}——没有 {y}年{mo}月{d}日 这一天。") from None
    if note:
        weekday = re.search(r"(?:周|星期)([一二三四五六日天])", note)
        if weekday and _WEEKDAYS[weekday.group(1)] != day.weekday():
            actual = "一二三四五六日"[day.weekday()]
            raise NoticeError(
                f"{where}——{day.isoformat()} 是周{actual}，通知写的是“{weekday.group(0)}”。",
                "核对年份和日期是否抄错。",
            )
    return day
