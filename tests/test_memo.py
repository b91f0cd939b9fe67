from __future__ import annotations

from cleaner.memo import Memo


def test_put_remembers_and_returns_the_value() -> None:
    memo: Memo[str, int] = Memo(4)
    assert memo.put("a", 1) == 1
    assert memo.get("a") == 1


def test_a_full_memo_is_emptied_before_the_next_entry() -> None:
    memo: Memo[int, int] = Memo(3)
    for i in range(3):
        memo.put(i, i * 10)
    memo.put(3, 30)
    assert dict(memo) == {3: 30}


def test_a_memo_never_holds_more_than_its_limit() -> None:
    memo: Memo[int, int] = Memo(5)
    for i in range(100):
        memo.put(i, i)
        assert len(memo) <= 5
