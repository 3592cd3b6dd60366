"""JSON as xmgl writes it: Chinese kept readable, money as exact strings, dates as ISO."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path


def default(value):
    """``json``'s ``default=``: Decimal → ``"3860000.00"``, dates → ISO, paths → POSIX."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return value.as_posix()
    if hasattr(value, "to_plain"):
        return value.to_plain()
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


def dumps(data, *, ascii: bool = False) -> str:
    """JSON with Chinese kept readable (``\\u`` escapes with ``ascii``); money (Decimal) as
    exact strings, dates as ISO."""
    return json.dumps(data, ensure_ascii=ascii, indent=2, default=default)
