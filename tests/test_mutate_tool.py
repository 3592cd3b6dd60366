"""tools/mutate.py rewrites ``@rule`` functions so that mutmut mutates their bodies (issue 13).

mutmut skips every decorated function, so without the rewrite no rule body was ever
mutated. The rewrite must keep the registry exactly as it was: the same rules, in the
same order, each calling a function of the same name.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
import mutate  # noqa: E402

LIST_RULES = (
    "import json, xmgl; from xmgl.domain.rules import RULES; "
    "print(json.dumps([xmgl.__file__, [[r.id, r.article, r.clause, sorted(r.stages), "
    "r.check.__name__] for r in RULES]]))"
)


def _rules_in(root: Path) -> list:
    out = subprocess.run(
        [sys.executable, "-c", LIST_RULES], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    package, rules = json.loads(out)
    assert Path(package).resolve() == (root / "xmgl" / "__init__.py").resolve()
    return rules


def test_undecorated_rules_register_the_same_rules_in_the_same_order(tmp_path):
    shutil.copytree(REPO / "xmgl", tmp_path / "xmgl", ignore=shutil.ignore_patterns("__pycache__"))
    mutate._undecorate(tmp_path, ["xmgl/domain/rules/*"])
    rewritten = tmp_path / "xmgl/domain/rules/a17_a23.py"
    tree = ast.parse(rewritten.read_text(encoding="utf-8"))
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert [f.name for f in functions if f.decorator_list] == []
    assert 'future_record = rule("A21-FUTURE-RECORD", 21,' in rewritten.read_text("utf-8")
    before, after = _rules_in(REPO), _rules_in(tmp_path)
    assert len(after) == len(before) > 60
    assert after == before
