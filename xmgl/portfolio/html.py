"""``xmgl portfolio … --format html``: one page a 数据局 head would rather look at than read.

One self-contained file: the styles, the charts (inline SVG drawn here) and a
little JavaScript for sorting and filtering are all inside it; nothing is
fetched, so it opens from a USB stick on an offline PC and prints as it shows.
Without JavaScript every table and chart is still there (the filter box stays
hidden, the headers are plain text).

Sections: the totals; counts by stage and by unit; what is overdue and what
falls due in the next 30 days, most urgent first, with the article; a timeline
per project (stages as bars, deadlines as marks, today as a line); investment
by unit and by stage; the list of projects with their error count and the
audit state the server recorded.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape

from xmgl.domain.stages import ORDER, STAGES

SOON_DAYS = 30
TL_WIDTH = 640
TL_ROW = 18
BAR_WIDTH = 360

# one colour per stage, in lifecycle order (readable in greyscale print too)
_PALETTE = (
    "#9ecae1",
    "#6baed6",
    "#4292c6",
    "#2171b5",
    "#08519c",
    "#74c476",
    "#41ab5d",
    "#238b45",
    "#fdae6b",
    "#fd8d3c",
    "#e6550d",
    "#a1d99b",
    "#bcbddc",
    "#9e9ac8",
    "#756bb1",
    "#bdbdbd",
    "#969696",
    "#636363",
)

AUDIT_ZH = {
    "accepted": "已核验",
    "diverged": "与服务器记录不符",
    "unrecorded": "无服务器记录",
    "empty": "尚未推送",
    None: "—",
}

_CSS = """
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",
"SimHei",sans-serif;margin:0;color:#222;background:#f6f7f9;font-size:14px}
header{background:#0b3d6e;color:#fff;padding:16px 24px}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;opacity:.85}
main{padding:16px 24px;max-width:1200px}
section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:12px 16px;
margin:0 0 16px;page-break-inside:avoid}
h2{font-size:17px;margin:0 0 10px;color:#0b3d6e}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{flex:1 1 140px;border:1px solid #dde2e8;border-radius:6px;padding:10px 12px;background:#fff}
.card b{display:block;font-size:24px}
.card small{display:block;color:#555;font-size:13px}
.card.alert b{color:#c0392b}
.card.warn b{color:#d35400}
.two{display:flex;flex-wrap:wrap;gap:16px}
.two>div{flex:1 1 420px;min-width:0}
table{border-collapse:collapse;width:100%}
th,td{padding:4px 6px;border-bottom:1px solid #eceff3;text-align:left;vertical-align:middle}
th{background:#f0f3f7;font-weight:600;white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.d,td.when{white-space:nowrap}
tr.overdue td.when{color:#c0392b;font-weight:600}
tr.soon td.when{color:#d35400;font-weight:600}
.bad{color:#c0392b;font-weight:600}
.ok{color:#1e8449}
.muted{color:#777}
#timeline td.tl{padding:0}
#timeline td.name{width:260px;max-width:260px;overflow:hidden;text-overflow:ellipsis;
white-space:nowrap}
svg text{font-family:inherit}
.legend span{display:inline-block;margin:0 10px 4px 0;white-space:nowrap}
.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.filter{margin:0 0 8px}
.filter input{padding:4px 8px;width:280px;border:1px solid #bbb;border-radius:4px}
th button{all:unset;cursor:pointer}
th button:after{content:" ⇅";color:#999;font-size:11px}
@media print{body{background:#fff}header{background:#fff;color:#000;border-bottom:2px solid #000}
section{border:none;padding:0}.filter{display:none}th button:after{content:""}}
"""

_JS = """
(function(){
  function key(td){
    if(!td) return "";
    var v=td.getAttribute("data-sort");
    if(v===null) v=td.textContent.trim();
    var n=parseFloat(v);
    return (v!=="" && !isNaN(n) && /^-?[0-9.]+$/.test(v)) ? n : v;
  }
  document.querySelectorAll("table.sortable").forEach(function(table){
    var heads=table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads,function(th,i){
      var b=document.createElement("button");
      b.type="button"; b.textContent=th.textContent; th.textContent=""; th.appendChild(b);
      var asc=true;
      b.addEventListener("click",function(){
        var body=table.tBodies[0];
        var rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){
          var x=key(a.cells[i]), y=key(b.cells[i]);
          if(typeof x==="number" && typeof y==="number") return asc?x-y:y-x;
          return asc?String(x).localeCompare(String(y),"zh"):String(y).localeCompare(String(x),"zh");
        });
        asc=!asc;
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
  document.querySelectorAll(".filter").forEach(function(box){
    box.hidden=false;
    var input=box.querySelector("input");
    var targets=(box.getAttribute("data-targets")||"").split(" ");
    input.addEventListener("input",function(){
      var q=input.value.trim().toLowerCase();
      targets.forEach(function(id){
        var t=document.getElementById(id);
        if(!t) return;
        Array.prototype.forEach.call(t.tBodies[0].rows,function(r){
          r.hidden = q!=="" && r.textContent.toLowerCase().indexOf(q)<0;
        });
      });
    });
  });
})();
"""


def _wan(amount) -> str:
    if amount is None:
        return "—"
    value = (Decimal(amount) / Decimal(10000)).quantize(Decimal("0.01"))
    return f"{value:,}"


def _wan_number(amount) -> str:
    if amount is None:
        return ""
    return str((Decimal(amount) / Decimal(10000)).quantize(Decimal("0.01")))


def _colour(stage: str | None) -> str:
    return _PALETTE[ORDER.get(stage or "", len(_PALETTE) - 1) % len(_PALETTE)]


def _label(stage: str | None) -> str:
    return STAGES.get(stage or "", stage or "（无）")


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# ------------------------------------------------------------------ charts
def bar_chart(items: list[tuple[str, float, str, str]], unit: str, title: str) -> str:
    """Horizontal bars: ``(label, value, colour, shown value)``; an inline SVG."""
    if not items:
        return '<p class="muted">（无）</p>'
    top = max((v for _, v, _, _ in items), default=0) or 1
    label_w, row_h = 150, 22
    height = row_h * len(items) + 4
    width = label_w + BAR_WIDTH + 110
    out = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">'
    ]
    for i, (label, value, colour, shown) in enumerate(items):
        y = i * row_h + 2
        w = max(1.0, BAR_WIDTH * value / top) if value else 0
        short = label if len(label) <= 10 else label[:9] + "…"
        out.append(
            f'<g class="bar"><title>{escape(label)}：{escape(shown)}{escape(unit)}</title>'
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{escape(short)}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" '
            f'fill="{colour}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" font-size="12">{escape(shown)}</text>'
            "</g>"
        )
    out.append("</svg>")
    return "".join(out)


class Axis:
    """Dates to x positions on the timeline."""

    def __init__(self, start: date, end: date, width: int = TL_WIDTH) -> None:
        self.start = start
        self.end = max(end, start + timedelta(days=30))
        self.width = width
        self.days = (self.end - self.start).days

    def x(self, day: date) -> float:
        return round(self.width * (day - self.start).days / self.days, 1)

    def years(self) -> list[date]:
        return [date(y, 1, 1) for y in range(self.start.year + 1, self.end.year + 1)]


def timeline_axis(rows: list[dict], today: date) -> Axis:
    starts = [
        _day(s["start"]) for r in rows if r.get("ok") for s in r.get("stages", []) if s["start"]
    ]
    marks = [_day(m["due"]) for r in rows if r.get("ok") for m in r.get("marks", [])]
    starts = [d for d in starts if d]
    marks = [d for d in marks if d]
    start = min(starts, default=today - timedelta(days=365))
    start = max(start, today - timedelta(days=365 * 6))  # older history is squeezed to the edge
    start = date(start.year, 1, 1)
    end = max([today + timedelta(days=180), *[m for m in marks if m < today + timedelta(days=730)]])
    return Axis(start, end)


def timeline_svg(row: dict, axis: Axis, today: date) -> str:
    h = TL_ROW
    parts = [f'<svg class="tl" width="{axis.width}" height="{h}" viewBox="0 0 {axis.width} {h}" >']
    for s in row.get("stages", []):
        a = _day(s["start"]) or axis.start
        b = _day(s.get("end")) or today
        a, b = max(a, axis.start), min(max(b, a), axis.end)
        x0, x1 = axis.x(a), axis.x(b)
        label = _label(s["stage"])
        until = s.get("end") or "今"
        parts.append(
            f'<rect class="stage" x="{x0}" y="3" width="{max(1.0, x1 - x0):.1f}" height="{h - 6}" '
            f'fill="{_colour(s["stage"])}"><title>{escape(label)}：{a.isoformat()} 至 '
            f"{escape(str(until))}</title></rect>"
        )
    for m in row.get("marks", []):
        due = _day(m["due"])
        if due is None or not axis.start <= due <= axis.end:
            continue
        x = axis.x(due)
        colour = (
            "#c0392b"
            if m["status"] == "overdue"
            else ("#d35400" if m["days"] <= SOON_DAYS else "#555")
        )
        parts.append(
            f'<path class="mark" d="M{x - 4:.1f} 0 L{x + 4:.1f} 0 L{x:.1f} 7 Z" fill="{colour}">'
            f"<title>{escape(m['short'])}：最后一日 {due.isoformat()}（{escape(m['clause'])}）"
            "</title></path>"
        )
    tx = axis.x(today)
    parts.append(
        f'<line class="today" x1="{tx}" y1="0" x2="{tx}" y2="{h}" stroke="#c0392b" '
        'stroke-width="1.5"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def axis_svg(axis: Axis, today: date) -> str:
    parts = [
        f'<svg class="tl-axis" width="{axis.width}" height="20" viewBox="0 0 {axis.width} 20" >'
    ]
    for y in axis.years():
        x = axis.x(y)
        parts.append(
            f'<line x1="{x}" y1="12" x2="{x}" y2="20" stroke="#999"/>'
            f'<text x="{x + 2}" y="11" font-size="11" fill="#555">{y.year}</text>'
        )
    tx = axis.x(today)
    parts.append(
        f'<text x="{tx}" y="19" font-size="10" fill="#c0392b" text-anchor="middle">今天</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


# ------------------------------------------------------------------ the page
def urgent_items(rows: list[dict]) -> list[tuple[dict, dict]]:
    """Overdue and due within :data:`SOON_DAYS` days, most urgent (fewest days left) first."""
    items = [
        (r, m)
        for r in rows
        if r.get("ok")
        for m in r.get("marks", [])
        if m["status"] == "overdue" or m["days"] <= SOON_DAYS
    ]
    items.sort(key=lambda rm: (rm[1]["days"], str(rm[1]["due"]), rm[0].get("name", "")))
    return items


def render(rows: list[dict], summary, today: date, *, title: str = "政务信息化项目组合看板") -> str:
    ok = [r for r in rows if r.get("ok")]
    bad = [r for r in rows if not r.get("ok")]
    t = summary.all
    urgent = urgent_items(rows)
    n_overdue = sum(1 for _, m in urgent if m["status"] == "overdue")
    n_soon = len(urgent) - n_overdue
    audits = [r.get("audit") for r in rows if r.get("source") == "git"]
    axis = timeline_axis(rows, today)
    p: list[str] = []
    w = p.append
    w('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">')
    w('<meta name="viewport" content="width=device-width, initial-scale=1">')
    w(f"<title>{escape(title)}（截至 {today.isoformat()}）</title>")
    w(f"<style>{_CSS}</style></head><body>")
    w(f"<header><h1>{escape(title)}</h1>")
    w(
        f"<p>截至 {today.isoformat()}，共 {t.count} 个项目。依据《大石桥市政务信息化项目管理暂行办法》"
        "，由 xmgl portfolio 生成。</p></header><main>"
    )
    # ---- cards
    w('<section id="overview"><h2>概况</h2><div class="cards">')
    cards = [
        ("projects", "项目", str(t.count), "", ""),
        ("investment", "总投资（万元）", _wan(t.total), "", ""),
        ("overdue", "逾期事项", str(n_overdue), "", "alert" if n_overdue else ""),
        ("soon", f"{SOON_DAYS} 日内到期", str(n_soon), "", "warn" if n_soon else ""),
        (
            "errors",
            "校验错误",
            str(t.errors),
            f"涉及 {t.with_errors} 个项目",
            "alert" if t.errors else "",
        ),
        ("unreadable", "无法读取", str(t.unreadable), "", "alert" if t.unreadable else ""),
    ]
    if audits:
        accepted = sum(1 for a in audits if a == "accepted")
        cards.append(
            (
                "audited",
                "服务器已核验",
                f"{accepted}/{len(audits)}",
                "",
                "" if accepted == len(audits) else "warn",
            )
        )
    for key, label, value, note, cls in cards:
        small = f"<small>{escape(note)}</small>" if note else ""
        w(
            f'<div class="card {cls}" data-card="{key}"><span>{escape(label)}</span>'
            f"<b>{escape(value)}</b>{small}</div>"
        )
    w("</div></section>")
    # ---- counts by stage and unit
    w('<section id="counts"><h2>项目数：按阶段、按项目单位</h2><div class="two">')
    stage_items = [(g.label, g.count, _colour(g.key), str(g.count)) for g in summary.by_stage]
    unit_items = [(g.label, g.count, "#4292c6", str(g.count)) for g in summary.by_unit]
    w("<div><h3>按阶段</h3>" + bar_chart(stage_items, " 个", "按阶段的项目数"))
    w(_group_table("by-stage", "阶段", summary.by_stage) + "</div>")
    w("<div><h3>按项目单位</h3>" + bar_chart(unit_items, " 个", "按项目单位的项目数"))
    w(_group_table("by-unit", "项目单位", summary.by_unit) + "</div>")
    w("</div></section>")
    # ---- urgent
    w(f'<section id="urgent"><h2>逾期和 {SOON_DAYS} 日内到期的事项（最紧急的在前）</h2>')
    if urgent:
        w(
            '<table id="urgent-table" class="sortable"><thead><tr><th>状态</th><th>事项</th>'
            '<th>最后一日</th><th class="n">剩余天数</th><th>依据</th><th>项目</th><th>项目单位</th>'
            "</tr></thead><tbody>"
        )
        for r, m in urgent:
            over = m["status"] == "overdue"
            cls = "overdue" if over else "soon"
            when = (
                f"逾期 {-m['days']} 天"
                if over
                else ("今天到期" if m["days"] == 0 else f"还有 {m['days']} 天")
            )
            w(
                f'<tr class="{cls}"><td class="when">{"已逾期" if over else "即将到期"}</td>'
                f"<td>{escape(m['title'])}</td>"
                f'<td class="d">{_day(m["due"]).isoformat()}</td>'
                f'<td class="n when" data-sort="{m["days"]}">{when}</td>'
                f"<td>{escape(m['clause'])}</td><td>{escape(r.get('name', ''))}</td>"
                f"<td>{escape(r.get('unit', ''))}</td></tr>"
            )
        w("</tbody></table>")
    else:
        w('<p class="ok">没有逾期或即将到期的事项。</p>')
    w("</section>")
    # ---- timeline
    w('<section id="timelines"><h2>项目时间线</h2>')
    w(
        '<p class="legend">'
        + "".join(
            f'<span><i style="background:{_colour(s)}"></i>{escape(_label(s))}</span>'
            for s in _stages_shown(ok)
        )
        + '<span><i style="background:#c0392b;width:2px"></i>今天</span>'
        "<span>▼ 期限（红：逾期；橙：30 日内；灰：以后）</span></p>"
    )
    w(
        '<div class="filter" hidden data-targets="timeline projects">'
        '<label>筛选项目：<input type="search" placeholder="名称、单位、阶段……"></label></div>'
    )
    w(
        '<table id="timeline"><thead><tr><th>项目</th><th>' + axis_svg(axis, today) + "</th></tr>"
        "</thead><tbody>"
    )
    for r in ok:
        w(
            f'<tr class="tl-row" data-stage="{escape(r["stage"])}"><td class="name" '
            f'title="{escape(r["name"])}（{escape(r["unit"])}）">{escape(r["name"])}</td>'
            f'<td class="tl">{timeline_svg(r, axis, today)}</td></tr>'
        )
    w("</tbody></table></section>")
    # ---- investment
    w('<section id="investment"><h2>投资（万元）：按项目单位、按阶段</h2><div class="two">')
    unit_money = [
        (g.label, float(g.total), "#2171b5", _wan(g.total)) for g in summary.by_unit if g.total
    ]
    stage_money = [
        (g.label, float(g.total), _colour(g.key), _wan(g.total))
        for g in summary.by_stage
        if g.total
    ]
    w("<div><h3>按项目单位</h3>" + bar_chart(unit_money, " 万元", "按项目单位的投资") + "</div>")
    w("<div><h3>按阶段</h3>" + bar_chart(stage_money, " 万元", "按阶段的投资") + "</div>")
    w("</div></section>")
    # ---- projects
    w('<section id="list"><h2>项目清单</h2>')
    w(
        '<table id="projects" class="sortable"><thead><tr><th>编号</th><th>项目名称</th>'
        '<th>项目单位</th><th>阶段</th><th class="n">总投资（万元）</th><th class="n">错误</th>'
        '<th class="n">警告</th><th class="n">逾期</th><th>审计状态（服务器）</th></tr></thead><tbody>'
    )
    for r in ok:
        audit = AUDIT_ZH.get(r.get("audit"), str(r.get("audit")))
        audit_cls = (
            "ok"
            if r.get("audit") == "accepted"
            else ("bad" if r.get("audit") == "diverged" else "muted")
        )
        when = (
            f"，{r['audit_time']}" if r.get("audit_time") and r.get("audit") == "accepted" else ""
        )
        w(
            f'<tr data-stage="{escape(r["stage"])}"><td>{escape(r.get("code") or "")}</td>'
            f"<td>{escape(r['name'])}</td><td>{escape(r['unit'])}</td>"
            f"<td>{escape(r['stage_zh'])}</td>"
            f'<td class="n" data-sort="{_wan_number(r["total"])}">{_wan(r["total"])}</td>'
            f'<td class="n{" bad" if r["errors"] else ""}" data-errors="{r["errors"]}">{r["errors"]}</td>'
            f'<td class="n">{r["warnings"]}</td>'
            f'<td class="n{" bad" if r["overdue"] else ""}">{r["overdue"]}</td>'
            f'<td class="{audit_cls}" data-audit="{escape(str(r.get("audit")))}">'
            f"{escape(audit + when)}</td></tr>"
        )
    w("</tbody></table></section>")
    if bad:
        w(f'<section id="unreadable"><h2 class="bad">无法读取的档案（{len(bad)} 个）</h2><ul>')
        for r in bad:
            w(f"<li><b>{escape(str(r['path']))}</b>：{escape(str(r.get('error') or ''))}</li>")
        w("</ul></section>")
    w(
        '<section id="notes"><h2>说明</h2><p>总投资取现行批复概算，未批复的取投资估算。期限按'
        "《暂行办法》计算，遇法定节假日顺延。“审计状态”是数据局服务器的钩子在接收推送时记录的"
        "核验结果：“已核验”表示仓库的最新提交正是服务器审计并出具回执的提交。"
        "本页不需要网络，可以离线打开和打印。</p></section>"
    )
    w(f"</main><script>{_JS}</script></body></html>\n")
    return "".join(p)


def _stages_shown(rows: list[dict]) -> list[str]:
    seen = {s["stage"] for r in rows for s in r.get("stages", [])}
    return sorted(seen, key=lambda s: ORDER.get(s, len(ORDER)))


def _group_table(table_id: str, what: str, groups) -> str:
    out = [
        f'<table id="{table_id}" class="sortable"><thead><tr><th>{what}</th>'
        '<th class="n">项目数</th><th class="n">总投资（万元）</th><th class="n">错误</th>'
        '<th class="n">逾期</th></tr></thead><tbody>'
    ]
    for g in groups:
        out.append(
            f'<tr data-key="{escape(str(g.key))}"><td>{escape(g.label)}</td>'
            f'<td class="n" data-count="{g.count}">{g.count}</td>'
            f'<td class="n" data-sort="{_wan_number(g.total)}">{_wan(g.total)}</td>'
            f'<td class="n">{g.errors}</td><td class="n">{g.overdue}</td></tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)
