"""xmgl.yamltext.compose gives the node tree ruamel's own ``YAML(typ="safe").compose`` gives.

compose resolves implicit tags with a resolver that asks for the YAML version once per
document instead of once per scalar (a third of the time of reading a dossier). These
tests compare the two on generated documents — every kind of plain scalar the
resolver can tag (bool, int, float, null, timestamp, merge, value, str), quoted ones,
nested mappings and lists, ``%YAML 1.1``/``1.2`` directives — node by node: class,
tag, value, start and end marks.
"""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.error import ReusedAnchorWarning, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from tests.conftest import EXAMPLE
from xmgl.yamltext import _reused_anchor, compose

# plain scalars on each side of every implicit resolver's pattern (1.1 and 1.2)
WORDS = [
    *("true", "True", "TRUE", "false", "False", "FALSE", "yes", "No", "on", "OFF", "y", "n"),
    *("0", "7", "-12", "+3", "0o17", "017", "0b101", "0x1F", "1_000", "190:20:30", "08"),
    *("1.5", "-.5", "1e3", "1.0e+3", ".inf", "-.Inf", ".nan", "NaN", "1_0.0_1", "6.8523015e+5"),
    *("~", "null", "Null", "NULL", "", "<<", "=", "2026-11-27", "2026-1-7", "2026-11-27 10:00:00"),
    *("2026-11-27T10:00:00Z", "2026-11-27t1:00:00.5+08:00", "386万元", "贰佰万元整", "第十条"),
    *("a b", "-", ".", "0.", "1.2.3", "+", "yes please", "0o", "0x", "2026-13-45", "２０２６"),
]
PLAIN = st.sampled_from([w for w in WORDS if w not in ("", "=")]) | st.from_regex(
    r"\A[0-9a-zA-Z.+_:~-]{1,8}\Z"
)
QUOTED = st.sampled_from(WORDS).map(lambda w: f'"{w}"') | st.sampled_from(WORDS).map(
    lambda w: f"'{w}'"
)
KEY = st.from_regex(r"\A[a-z][a-z_]{0,7}\Z")


def _block(depth: int):
    scalar = PLAIN | QUOTED | st.just("")
    if depth == 0:
        return scalar.map(lambda s: ("scalar", s))
    inner = _block(depth - 1)
    mapping = st.dictionaries(KEY, inner, min_size=1, max_size=4).map(lambda d: ("map", d))
    seq = st.lists(inner, min_size=1, max_size=4).map(lambda xs: ("seq", xs))
    flow = st.lists(PLAIN | QUOTED, min_size=0, max_size=4).map(lambda xs: ("flow", xs))
    return scalar.map(lambda s: ("scalar", s)) | mapping | seq | flow


def _lines(node, indent: int) -> list[str]:
    pad = " " * indent
    kind, body = node
    out = []
    if kind == "map":
        for key, value in body.items():
            if value[0] in ("scalar", "flow"):
                out.append(f"{pad}{key}: {_inline(value)}".rstrip())
            else:
                out.append(f"{pad}{key}:")
                out += _lines(value, indent + 2)
    elif kind == "seq":
        for value in body:
            if value[0] in ("scalar", "flow"):
                out.append(f"{pad}- {_inline(value)}".rstrip())
            else:
                out.append(f"{pad}-")
                out += _lines(value, indent + 2)
    else:
        out.append(pad + _inline(node))
    return out


def _inline(node) -> str:
    kind, body = node
    return "[" + ", ".join(body) + "]" if kind == "flow" else body


DOCUMENTS = st.tuples(
    st.sampled_from(["", "%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "---\n"]),
    st.dictionaries(KEY, _block(2), min_size=1, max_size=5).map(lambda d: ("map", d)),
).map(lambda t: t[0] + "\n".join(_lines(t[1], 0)) + "\n")


def shape(node):
    """Everything the loader reads from a node, recursively."""
    marks = (
        node.start_mark.line,
        node.start_mark.column,
        node.end_mark.line,
        node.end_mark.column,
    )
    if isinstance(node, ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, SequenceNode):
        return ("seq", node.tag, marks, [shape(v) for v in node.value])
    assert isinstance(node, MappingNode)
    return ("map", node.tag, marks, [(shape(k), shape(v)) for k, v in node.value])


def ruamel_compose(text: str):
    """compose as it was: ruamel's safe loader as it comes (libyaml when installed), then
    the pure-Python parser for a document libyaml refuses; a reused anchor an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReusedAnchorWarning)
        try:
            try:
                return YAML(typ="safe").compose(text)
            except YAMLError:
                return YAML(typ="safe", pure=True).compose(text)
        except ReusedAnchorWarning as exc:
            raise _reused_anchor(str(exc)) from None


def assert_same(text: str) -> None:
    try:
        expected = shape(ruamel_compose(text))
    except YAMLError as err:  # a document ruamel refuses: compose refuses it with the same words
        with pytest.raises(type(err)) as refused:
            compose(text)
        assert str(refused.value) == str(err)
        return
    assert shape(compose(text)) == expected, text


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(DOCUMENTS)
def test_compose_tags_every_document_as_ruamel_does(text):
    assert_same(text)


@pytest.mark.parametrize("word", WORDS)
def test_every_listed_scalar_is_tagged_as_ruamel_tags_it(word):
    for text in (f"k: {word}\n", f"%YAML 1.1\n---\nk: {word}\n", f"- [{word}, '{word}']\n"):
        assert_same(text)


def test_the_example_dossier_composes_as_ruamel_composes_it():
    text = (EXAMPLE / "project.yaml").read_text(encoding="utf-8")
    tree = shape(compose(text))
    assert tree == shape(ruamel_compose(text))
    tags = set()

    def walk(node):
        tags.add(node[1])
        for child in node[-1] if node[0] != "scalar" else ():
            for part in child if node[0] == "map" else (child,):
                walk(part)

    walk(tree)
    # the example exercises more than strings: the comparison above means something
    assert {"tag:yaml.org,2002:int", "tag:yaml.org,2002:bool"} <= tags


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # an alias: the same node, its tag resolved once
        "a: &x 1\nb: &x 2\n",  # a reused anchor: an error either way
        "a: !!str 1\nb: !!int '2'\nc: !custom x\n",  # explicit tags are not resolved
        "a: 1\n---\nb: 2\n",  # two documents: refused with the same words
        "a: [1, 2\n",  # libyaml refuses, pure Python words the error
    ],
)
def test_anchors_tags_and_errors_as_before(text):
    assert_same(text)
