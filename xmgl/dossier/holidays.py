"""Holiday files: the State Council's notices as xmgl reads and writes them.

A dossier carries one in ``.xmgl/holidays.yaml`` (committed with the dossier, so everyone
who checks it, the auditor included, computes the same deadlines); the 数据局 can hand
out the same file for all dossiers (``xmgl portfolio --holidays FILE``). The format is
documented in docs/status.md::

    format_version: 1
    years:
      - year: 2027
        document_no: 国办发明电〔2026〕9号
        issued: 2026-11-10
        holidays:
          - name: 春节
            from: 2027-02-05
            to: 2027-02-13
            work: [2027-02-20]

Every problem is reported with file, line and a Chinese message, all at once.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from xmgl.domain.holidays import FESTIVALS, HOLIDAY_FILE, Calendar

if TYPE_CHECKING:  # imported where a file is read: a dossier without one never needs them
    from xmgl.domain.holidaydata import Holiday, HolidayYear
from xmgl.errors import DossierError, Problem

FORMAT_VERSION = 1

_HEADER = (
    "# 法定节假日安排：国务院办公厅关于部分节假日安排的通知，一年一项。\n"
    "# xmgl 按它把落在法定休假日的最后一日顺延到下一个工作日（民法典第二百零三条）；\n"
    "# 与 chinese-calendar 软件包不一致时以本文件为准。由 xmgl holidays import 写入，\n"
    "# 请随档案提交，审计时按同一数据计算期限。\n"
)


def dossier_file(root: Path) -> Path:
    return Path(root) / HOLIDAY_FILE


def read_dossier_calendar(root: Path) -> tuple[Calendar, list[Problem]]:
    """The dossier's holiday file (if any) over the package, and the problems found in it."""
    path = dossier_file(root)
    if not path.is_file():
        return Calendar(), []
    years, problems = read_file(path, HOLIDAY_FILE)
    return Calendar(years), problems


def read_calendar_bytes(raw: bytes | None) -> tuple[Calendar, list[Problem]]:
    """The holiday file's bytes as read from a git tree (None: the tree has none)."""
    if raw is None:
        return Calendar(), []
    reader = _Reader(HOLIDAY_FILE)
    return Calendar(reader.read(raw)), reader.problems


def load_file(path: Path) -> list[HolidayYear]:
    """A holiday file given on the command line; raise :class:`DossierError` if unreadable."""
    path = Path(path)
    if not path.is_file():
        raise DossierError(
            f"找不到节假日文件：{path}",
            hint="检查路径；节假日文件由 xmgl holidays import 通知.txt -o 文件 生成。",
        )
    years, problems = read_file(path, str(path))
    if problems:
        raise DossierError(f"节假日文件 {path} 有 {len(problems)} 处问题。", problems)
    return years


def read_file(path: Path, label: str) -> tuple[list[HolidayYear], list[Problem]]:
    reader = _Reader(label)
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        reader.problem(None, "", f"无法读取：{err.strerror or err}", "检查文件权限。")
        return [], reader.problems
    return reader.read(raw), reader.problems


class _Reader:
    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[Problem] = []

    def problem(self, node, path: str, message: str, hint: str = "") -> None:
        line = column = None
        if node is not None:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.problems.append(Problem(self.label, line, column, path, message, hint, "holidays"))

    def read(self, raw: bytes) -> list[HolidayYear]:
        from ruamel.yaml.error import YAMLError

        from xmgl.yamltext import compose, explain_yaml_error

        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.problem(None, "", "文件不是 UTF-8 编码。", "在编辑器中“另存为 UTF-8”后再试。")
            return []
        try:
            root = compose(text)
        except YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 1 if mark else None
            self.problems.append(
                Problem(
                    self.label,
                    line,
                    None,
                    "",
                    f"不是有效的 YAML：{explain_yaml_error(str(getattr(err, 'problem', None) or err))}。",
                    "用 xmgl holidays import 重新生成该文件。",
                    "holidays",
                )
            )
            return []
        top = self._map(root, "", ("format_version", "years"))
        if top is None:
            return []
        version = top.get("format_version")
        if version is None or version.value != str(FORMAT_VERSION):
            self.problem(
                version or root,
                "format_version",
                f"format_version 应为 {FORMAT_VERSION}。",
                "用本版本的 xmgl holidays import 重新生成该文件。",
            )
        years_node = top.get("years")
        if years_node is None or not years_node.tag.endswith(":seq"):
            self.problem(years_node or root, "years", "缺少 years 列表（每年一项）。")
            return []
        out: list[HolidayYear] = []
        seen: set[int] = set()
        for i, node in enumerate(years_node.value):
            y = self._year(node, f"years[{i}]")
            if y is None:
                continue
            if y.year in seen:
                self.problem(node, f"years[{i}].year", f"{y.year}年出现了两次。", "删去其中一项。")
                continue
            seen.add(y.year)
            out.append(y)
        return out

    # -- pieces
    def _map(self, node, path: str, keys: tuple[str, ...]) -> dict | None:
        if node is None or not node.tag.endswith(":map"):
            self.problem(node, path, f"{path or '文件'}应为映射（键: 值）。")
            return None
        out = {}
        for k, v in node.value:
            if k.value not in keys:
                self.problem(
                    k,
                    f"{path}.{k.value}".lstrip("."),
                    f"未知的键 “{k.value}”。",
                    "可用的键：" + "、".join(keys),
                )
                continue
            out[k.value] = v
        return out

    def _date(self, node, path: str) -> date | None:
        try:
            return date.fromisoformat(node.value)
        except (TypeError, ValueError, AttributeError):
            self.problem(
                node, path, f"“{getattr(node, 'value', '')}” 不是日期。", "写成 YYYY-MM-DD。"
            )
            return None

    def _year(self, node, path: str) -> HolidayYear | None:
        keys = ("year", "document_no", "issued", "title", "holidays")
        m = self._map(node, path, keys)
        if m is None:
            return None
        missing = [k for k in ("year", "document_no", "issued", "holidays") if k not in m]
        if missing:
            self.problem(
                node, path, "缺少：" + "、".join(missing), "每年须写年份、文号、发文日期和各节日。"
            )
            return None
        try:
            year = int(m["year"].value)
        except ValueError:
            self.problem(m["year"], f"{path}.year", "year 应为四位年份。")
            return None
        issued = self._date(m["issued"], f"{path}.issued")
        holidays = []
        if not m["holidays"].tag.endswith(":seq"):
            self.problem(m["holidays"], f"{path}.holidays", "holidays 应为列表。")
            return None
        for j, h in enumerate(m["holidays"].value):
            item = self._holiday(h, f"{path}.holidays[{j}]", year)
            if item is not None:
                holidays.append(item)
        if issued is None or len(holidays) != len(m["holidays"].value):
            return None
        from xmgl.domain.holidaydata import HolidayYear

        return HolidayYear(
            year, str(m["document_no"].value), issued, tuple(holidays), source=self.label
        )

    def _holiday(self, node, path: str, year: int) -> Holiday | None:
        m = self._map(node, path, ("name", "from", "to", "work"))
        if m is None:
            return None
        if not {"name", "from", "to"} <= set(m):
            self.problem(node, path, "每个节日须写 name、from、to（work 可省略）。")
            return None
        name = str(m["name"].value)
        unknown = [n for n in name.split("、") if n not in FESTIVALS]
        if unknown:
            self.problem(
                m["name"],
                f"{path}.name",
                f"不认识的节日：{'、'.join(unknown)}。",
                "节日名称：" + "、".join(FESTIVALS),
            )
        first = self._date(m["from"], f"{path}.from")
        last = self._date(m["to"], f"{path}.to")
        work: list[date] = []
        if "work" in m:
            if not m["work"].tag.endswith(":seq"):
                self.problem(m["work"], f"{path}.work", "work 应为日期列表。")
                return None
            for k, w in enumerate(m["work"].value):
                day = self._date(w, f"{path}.work[{k}]")
                if day is None:
                    return None
                work.append(day)
        if first is None or last is None or unknown:
            return None
        if last < first or (last - first).days > 30:
            self.problem(m["to"], f"{path}.to", f"放假日期 {first} 至 {last} 不合理。")
            return None
        if abs(first.year - year) > 1:
            self.problem(m["from"], f"{path}.from", f"{first} 不在 {year} 年前后。")
            return None
        from xmgl.domain.holidaydata import Holiday

        return Holiday(name, first, last, tuple(work))


def merge(old: list[HolidayYear], new: HolidayYear) -> list[HolidayYear]:
    """``old`` with ``new`` added (replacing the same year), in year order."""
    keep = [y for y in old if y.year != new.year]
    return sorted([*keep, new], key=lambda y: y.year)


def dump(years: list[HolidayYear]) -> str:
    """The holiday file's text (deterministic: one notice a year, one holiday a block)."""
    lines = [_HEADER.rstrip("\n"), f"format_version: {FORMAT_VERSION}", "years:"]
    for y in sorted(years, key=lambda y: y.year):
        lines += [
            f"  - year: {y.year}",
            f"    title: 国务院办公厅关于{y.year}年部分节假日安排的通知",
            f"    document_no: {_quote(y.document_no)}",
            f"    issued: {y.issued.isoformat()}",
            "    holidays:",
        ]
        for h in y.holidays:
            work = ", ".join(d.isoformat() for d in h.work)
            lines += [
                f"      - name: {_quote(h.name)}",
                f"        from: {h.first.isoformat()}",
                f"        to: {h.last.isoformat()}",
                f"        work: [{work}]",
            ]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
