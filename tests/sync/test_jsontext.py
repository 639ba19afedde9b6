"""core/jsontext.py, the sync path's JSON through orjson (docs/sync-protocol.md §24):
nothing written and read back, nor read from a text the standard library wrote,
comes out with another value or type (hypothesis: counts in the test names' settings)."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tsn_desktop.core import jsontext


def typed(value: Any) -> Any:
    """The value with every number tagged with its type (1 and 1.0 differ) and NaN
    comparable, for an exact comparison."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return ("int", value)
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else value)
    if isinstance(value, list):
        return [typed(v) for v in value]
    return {k: typed(v) for k, v in value.items()}


def documents(*, finite: bool) -> st.SearchStrategy[Any]:
    leaves = (st.none() | st.booleans() | st.integers() | st.text()
              | st.floats(allow_nan=not finite, allow_infinity=not finite)
              # The edges of orjson's integers (64 bits) and numbers of 19+ digits.
              | st.sampled_from([2**63 - 1, -2**63, 2**64 - 1, 2**64, -2**63 - 1, 10**30,
                                 1e-05, 1e16, 0.1234567890123456789]))
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=5)
                        | st.dictionaries(st.text(max_size=8), inner, max_size=5),
                        max_leaves=25)


@settings(max_examples=1500, deadline=None)
@given(documents(finite=True))
def test_any_finite_document_written_then_read_back_is_the_same(value: Any) -> None:
    text = jsontext.dumps(value)
    assert typed(jsontext.loads(text)) == typed(value) == typed(json.loads(text))
    assert typed(jsontext.loads(text.encode("utf-8"))) == typed(value)


@settings(max_examples=1500, deadline=None)
@given(documents(finite=False))
def test_any_text_of_the_standard_library_is_read_as_it_reads_it(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)  # may hold NaN, Infinity, 10**30
    assert typed(jsontext.loads(text)) == typed(json.loads(text))
    assert typed(jsontext.loads(text.encode("utf-8"))) == typed(json.loads(text))


def test_lone_surrogates_and_unusual_texts_are_read_by_the_standard_library() -> None:
    for text in ('{"note": "\\ud800"}', '"\ud83d"', '[NaN, -Infinity]', "[1e400]"):
        assert typed(jsontext.loads(text)) == typed(json.loads(text))
    assert jsontext.dumps("\ud800") == json.dumps("\ud800", ensure_ascii=False)
    with pytest.raises(json.JSONDecodeError):  # a BOM: refused, as json.loads of the text
        jsontext.loads(b"\xef\xbb\xbf{}")


def test_non_finite_numbers_are_written_as_null() -> None:
    assert json.loads(jsontext.dumps({"v": [math.nan, math.inf]})) == {"v": [None, None]}


def test_what_json_refuses_is_refused() -> None:
    import datetime
    for value in (datetime.date(2026, 12, 1), datetime.datetime(2026, 12, 1, 9, 30), {1, 2}):
        with pytest.raises(TypeError):
            jsontext.dumps(value)
    with pytest.raises(json.JSONDecodeError):
        jsontext.loads(b'{"ops": [')
    with pytest.raises(UnicodeDecodeError):
        jsontext.loads(b'{"a": "\xff"}')
