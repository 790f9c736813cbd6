"""Replaces one attribute of a moto class, once per fix, keeping the original so tests can compare."""
from contextlib import contextmanager
from typing import Any, Callable, Iterator

# (owner, name, fix module) -> (original, replacement), in the order the fixes were applied. Two fixes
# may correct different parts of one moto method: the later one wraps the earlier one's replacement.
_REPLACED: dict[tuple[type, str, str], tuple[Any, Any]] = {}


def replace(owner: type, name: str, make: Callable[[Any], Any]) -> None:
    """Sets owner.name to make(what it is now); a second call from the same fix module for the same attribute does nothing."""
    key = (owner, name, make.__module__)
    if key in _REPLACED:
        return
    original = owner.__dict__.get(name, getattr(owner, name, None))
    replacement = make(original)
    _REPLACED[key] = (original, replacement)
    setattr(owner, name, replacement)


@contextmanager
def moto_as_released() -> Iterator[None]:
    """Within the block moto answers as it ships, so a test can show the answer each fix corrects."""
    # Undone newest first, so an attribute two fixes replaced ends as moto's own.
    for (owner, name, _), (original, _) in reversed(_REPLACED.items()):
        if original is None:
            delattr(owner, name)
        else:
            setattr(owner, name, original)
    try:
        yield
    finally:
        for (owner, name, _), (_, replacement) in _REPLACED.items():
            setattr(owner, name, replacement)
