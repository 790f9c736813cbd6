"""Replaces one attribute of a moto class, once, keeping the original so tests can compare."""
from contextlib import contextmanager
from typing import Any, Callable, Iterator

# (owner, name) -> (original, replacement), in the order the fixes were applied.
_REPLACED: dict[tuple[type, str], tuple[Any, Any]] = {}


def replace(owner: type, name: str, make: Callable[[Any], Any]) -> None:
    """Sets owner.name to make(original); a second call for the same attribute does nothing."""
    if (owner, name) in _REPLACED:
        return
    original = owner.__dict__.get(name, getattr(owner, name, None))
    replacement = make(original)
    _REPLACED[(owner, name)] = (original, replacement)
    setattr(owner, name, replacement)


@contextmanager
def moto_as_released() -> Iterator[None]:
    """Within the block moto answers as it ships, so a test can show the answer each fix corrects."""
    for (owner, name), (original, _) in _REPLACED.items():
        if original is None:
            delattr(owner, name)
        else:
            setattr(owner, name, original)
    try:
        yield
    finally:
        for (owner, name), (_, replacement) in _REPLACED.items():
            setattr(owner, name, replacement)
