"""Dossier.records_of keeps its answers (the rules ask ~100 times a check): never stale."""

from __future__ import annotations

from xmgl.dossier.loader import load_dossier


def test_records_of_is_in_date_order_and_the_callers_own_list(example):
    d = load_dossier(example)
    contracts = d.records_of("contract")
    assert contracts and [r.date for r in contracts] == sorted(r.date for r in contracts)
    assert all(r.kind == "contract" for r in contracts)
    contracts.clear()  # the caller's list: the next answer is whole
    assert d.records_of("contract") and d.records_of("contract") is not d.records_of("contract")
    both = d.records_of("contract", "payment")
    assert {r.kind for r in both} == {"contract", "payment"}
    assert [r.date for r in both] == sorted(r.date for r in both)


def test_records_of_sees_records_added_or_replaced_after_a_first_answer(example):
    d = load_dossier(example)
    before = d.records_of("payment")
    d.data.records.append(before[0])  # one more payment record
    assert len(d.records_of("payment")) == len(before) + 1
    d.data._values["records"] = list(d.records[:1])  # another list altogether
    assert d.records_of("payment") == [r for r in d.records[:1] if r.kind == "payment"]
