"""Value classes: what ``@dataclass`` gives, without compiling code on every import.

``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``
and, frozen, ``__setattr__``/``__delattr__`` for each class and compiles it each time
its module is imported: 3–6 million instructions a class. The 19 classes on
``xmgl validate``'s path cost it more than any other part of its own start-up (issue 11;
``python benchmarks/bench_validate.py --instructions``). A :class:`Value` is declared
as a dataclass is — annotated fields, defaults, :func:`dataclasses.field` for a default
factory or a field left out of comparison and repr, ``__post_init__`` — and gets the
same behaviour from the methods below, compiled once with this module (its ``.pyc``)
and driven by each class's list of fields::

    class Location(Value):  # @dataclass(frozen=True)
        file: str
        line: int | None = None

    class Dossier(Value, frozen=False):  # @dataclass: mutable, unhashable
        ...

Equality compares the fields in order between instances of the same class, the hash
is the fields' (frozen classes only), the repr is ``Location(file='a', line=3)``, and
assigning to a frozen instance raises :class:`dataclasses.FrozenInstanceError`.
:func:`replace` is :func:`dataclasses.replace`. Not supported (a class asking for it
is refused when defined): inheriting fields, ``init=False``, ``kw_only``, ``ClassVar``.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform

_MISSING = dataclasses.MISSING
V = TypeVar("V", bound="Value")


class _Spec:
    """What the methods of one Value class need to know about its fields."""

    __slots__ = ("names", "defaults", "factories", "key", "shown", "post_init")

    def __init__(self, cls: type) -> None:
        names: list[str] = []
        compared: list[str] = []
        shown: list[str] = []
        self.defaults: dict[str, object] = {}
        self.factories: dict[str, Any] = {}
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if "ClassVar" in str(annotation):
                raise TypeError(f"{cls.__qualname__}.{name}: ClassVar is not supported")
            names.append(name)
            default = cls.__dict__.get(name, _MISSING)
            compare = show = True
            if isinstance(default, dataclasses.Field):
                spec = default
                if not spec.init or spec.kw_only is True or spec.hash is not None:
                    raise TypeError(
                        f"{cls.__qualname__}.{name}: only default, default_factory, "
                        "repr and compare are supported"
                    )
                compare, show = spec.compare, spec.repr
                default = spec.default
                if spec.default_factory is not _MISSING:
                    self.factories[name] = spec.default_factory
                if default is _MISSING:
                    delattr(cls, name)  # as @dataclass leaves it: no class attribute
                else:
                    setattr(cls, name, default)
            if default is not _MISSING:
                self.defaults[name] = default
            elif name not in self.factories and (self.defaults or self.factories):
                raise TypeError(
                    f"{cls.__qualname__}: non-default argument {name!r} follows default argument"
                )
            if compare:
                compared.append(name)
            if show:
                shown.append(name)
        self.names = tuple(names)
        self.shown = tuple(shown)
        if len(compared) == 1:
            only = attrgetter(compared[0])
            self.key = lambda obj: (only(obj),)
        elif compared:
            self.key = attrgetter(*compared)
        else:
            self.key = lambda obj: ()
        self.post_init = getattr(cls, "__post_init__", None)

    def bind(self, owner: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        """Every field's value, in order, from a call that does not pass them all by position."""
        if len(args) > len(self.names):
            raise TypeError(
                f"{owner}() takes {len(self.names)} arguments but {len(args)} were given"
            )
        values = list(args)
        for name in self.names[len(args) :]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in self.defaults:
                values.append(self.defaults[name])
            elif name in self.factories:
                values.append(self.factories[name]())
            else:
                raise TypeError(f"{owner}() missing required argument: {name!r}")
        for name in kwargs:  # left over: given by position too, or not a field
            if name in self.names:
                raise TypeError(f"{owner}() got multiple values for argument {name!r}")
            raise TypeError(f"{owner}() got an unexpected keyword argument {name!r}")
        return tuple(values)


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
class Value:
    """Base of a value class (see the module's documentation)."""

    __slots__ = ()
    __value__: _Spec

    def __init_subclass__(cls, *, frozen: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if any(issubclass(b, Value) and b is not Value for b in cls.__mro__[1:]):
            raise TypeError(f"{cls.__qualname__}: a Value class cannot inherit fields")
        spec = cls.__value__ = _Spec(cls)
        cls.__match_args__ = spec.names
        if frozen:
            cls.__setattr__ = _frozen_setattr  # type: ignore[method-assign,assignment]
            cls.__delattr__ = _frozen_delattr  # type: ignore[method-assign,assignment]
            if "__hash__" not in cls.__dict__:
                cls.__hash__ = _hash  # type: ignore[method-assign,assignment]
        elif "__hash__" not in cls.__dict__:
            cls.__hash__ = None  # type: ignore[assignment]  # eq without frozen: unhashable

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        spec = type(self).__value__
        if kwargs or len(args) != len(spec.names):
            args = spec.bind(type(self).__qualname__, args, kwargs)
        self.__dict__.update(zip(spec.names, args, strict=True))  # in field order, as @dataclass
        if spec.post_init is not None:
            spec.post_init(self)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            key = self.__value__.key
            return bool(key(self) == key(other))
        return NotImplemented

    @recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__value__.shown)
        return f"{type(self).__qualname__}({shown})"


def _hash(self: Value) -> int:
    return hash(self.__value__.key(self))


def _frozen_setattr(self: Value, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Value, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def replace(obj: V, /, **changes: Any) -> V:
    """A copy of ``obj`` with ``changes`` (:func:`dataclasses.replace` for a :class:`Value`)."""
    values = {name: getattr(obj, name) for name in obj.__value__.names}
    values.update(changes)
    return type(obj)(**values)
