"""xmgl.value.Value behaves as the @dataclass it replaces (issue 11's speed goal).

Each property is checked against a real dataclass declared the same way, so the two
cannot drift apart: construction (positional, keyword, defaults, factories, errors),
equality, hash, repr, frozenness, __post_init__, pickling and copying, match_args.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from xmgl.value import Value, replace


@dataclass(frozen=True)
class DPoint:
    x: int
    y: int
    label: str = "p"
    tags: list[str] = field(default_factory=list)
    note: str = field(default="", repr=False, compare=False)


class VPoint(Value):
    x: int
    y: int
    label: str = "p"
    tags: list[str] = field(default_factory=list)
    note: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class DPair:
    x: int
    y: int
    label: str = "p"


class VPair(Value):
    x: int
    y: int
    label: str = "p"


@dataclass
class DBox:
    item: object
    seen: list[int] = field(default_factory=list)


class VBox(Value, frozen=False):
    item: object
    seen: list[int] = field(default_factory=list)


class VOne(Value):
    only: float


class VChecked(Value):
    low: int
    high: int

    def __post_init__(self) -> None:
        if self.high < self.low:
            raise ValueError("high < low")


def both(*args, **kwargs):
    return DPoint(*args, **kwargs), VPoint(*args, **kwargs)


CALLS = [
    ((1, 2), {}),
    ((1,), {"y": 2}),
    ((), {"y": 2, "x": 1, "label": "q"}),
    ((1, 2, "r", ["a"], "n"), {}),
    ((1, 2), {"note": "ignored in eq"}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_fields_repr_eq_and_hash_are_the_dataclass_ones(args, kwargs):
    d, v = both(*args, **kwargs)
    assert vars(v) == vars(d)
    assert list(vars(v)) == list(vars(d))  # in field order, however passed
    assert repr(v) == repr(d).replace("DPoint", "VPoint")
    d2, v2 = both(1, 2)
    assert (v == v2) is (d == d2)
    assert hashed(v) == hashed(d) == "unhashable"  # a list field, as for the dataclass
    d, v = (
        DPair(*args[:3], **{k: x for k, x in kwargs.items() if k in "xylabel"}),
        VPair(*args[:3], **{k: x for k, x in kwargs.items() if k in "xylabel"}),
    )
    assert hashed(v) == hashed(d) == hash(astuple(v))


def hashed(obj):
    try:
        return hash(obj)
    except TypeError:
        return "unhashable"


def astuple(obj):
    return tuple(vars(obj).values())


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, 2, "l", [], "n", 9), {}), ((1, 2), {"x": 3}), ((1, 2), {"z": 3})],
)
def test_a_wrong_call_is_a_type_error_as_for_the_dataclass(args, kwargs):
    with pytest.raises(TypeError):
        DPoint(*args, **kwargs)
    with pytest.raises(TypeError):
        VPoint(*args, **kwargs)


def test_each_instance_gets_its_own_default_factory_value():
    a, b = VPoint(1, 2), VPoint(1, 2)
    assert a.tags == [] and a.tags is not b.tags


def test_equality_needs_the_same_class_and_skips_compare_false():
    assert VPoint(1, 2, note="a") == VPoint(1, 2, note="b")
    assert VPoint(1, 2) != VPoint(1, 3)
    assert VPoint(1, 2) != DPoint(1, 2)
    assert VPoint(1, 2).__eq__((1, 2, "p", [])) is NotImplemented
    nan = float("nan")
    one = VOne(nan)
    assert one == one and (one,) == (one,)  # the field tuple's identity rule, as a dataclass
    assert hash(VOne(1.0)) == hash((1.0,))


def test_frozen_instances_refuse_assignment_and_deletion_as_dataclasses_do():
    d, v = both(1, 2)
    for obj in (d, v):
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'x'"):
            obj.x = 3
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'x'"):
            del obj.x
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.other = 1


def test_a_mutable_value_is_mutable_and_unhashable_as_a_dataclass_with_eq():
    v, d = VBox(1), DBox(1)
    v.item = d.item = 2
    v.seen.append(1)
    assert v.item == 2 and v.seen == [1]
    assert VBox.__hash__ is None and DBox.__hash__ is None
    with pytest.raises(TypeError):
        hash(v)


def test_repr_of_a_value_that_contains_itself():
    v, d = VBox(None), DBox(None)
    v.item, d.item = v, d
    assert repr(v) == repr(d).replace("DBox", "VBox") == "VBox(item=..., seen=[])"


def test_post_init_runs_after_the_fields_are_set():
    assert VChecked(1, 2).high == 2
    with pytest.raises(ValueError, match="high < low"):
        VChecked(2, 1)
    with pytest.raises(ValueError, match="high < low"):
        replace(VChecked(1, 2), high=0)


def test_replace_is_dataclasses_replace():
    d, v = both(1, 2, "a", ["t"], "n")
    assert vars(replace(v, y=5)) == vars(dataclasses.replace(d, y=5))
    with pytest.raises(TypeError):
        replace(v, z=1)


def test_pickle_and_copy_give_equal_frozen_values():
    v = VPoint(1, 2, "a", ["t"], "n")
    for other in (pickle.loads(pickle.dumps(v)), copy.copy(v), copy.deepcopy(v)):
        assert other == v and vars(other) == vars(v)
        with pytest.raises(dataclasses.FrozenInstanceError):
            other.x = 0


def test_match_args_and_class_attributes_follow_the_dataclass():
    assert VPoint.__match_args__ == DPoint.__match_args__
    assert VPoint.label == DPoint.label == "p"
    assert VPoint.note == DPoint.note == ""
    assert not hasattr(VPoint, "x") and not hasattr(VPoint, "tags")
    match VPoint(1, 2):
        case VPoint(1, y):
            assert y == 2
        case _:
            pytest.fail("no match")


def test_what_a_value_class_cannot_declare_is_refused_when_defined():
    with pytest.raises(TypeError, match="non-default argument 'b'"):

        class Bad(Value):
            a: int = 0
            b: int

    with pytest.raises(TypeError, match="cannot inherit fields"):

        class Child(VPoint):
            z: int = 0

    with pytest.raises(TypeError, match="supported"):

        class Hidden(Value):
            a: int = field(default=0, init=False)
