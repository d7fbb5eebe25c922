"""`Frozen`: the base of every data model read from a file or handed between layers.

Frozen, so a loaded form, policy or assessment cannot change under the code reading it;
unknown keys refused, so a typo in a hand-edited YAML file fails at load instead of
being ignored. Being frozen is also what lets `per_object` keep what is worked out of
them (a policy's questions in a form) for as long as they live.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from pydantic import BaseModel, ConfigDict

Params = ParamSpec("Params")
Result = TypeVar("Result")

CACHE_SIZE = 16
"""Combinations kept per function: a process uses a few forms and policies; tests make many copies."""


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def per_object(function: Callable[Params, Result]) -> Callable[Params, Result]:
    """`function` of frozen objects, worked out once per combination of those very objects.

    Keyed by identity, not equality: hashing a whole form would cost more than the work
    saved, and an equal copy (`model_copy`) simply gets its own entry. The cache holds
    the arguments, so an id cannot be reused by another object while its entry lives;
    the oldest entry goes once there are `CACHE_SIZE`.
    """
    cache: dict[tuple[object, ...], tuple[object, Result]] = {}

    @wraps(function)
    def cached(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        key: tuple[object, ...] = tuple(map(id, args))
        if kwargs:
            key += tuple((name, id(value)) for name, value in kwargs.items())
        found = cache.get(key)
        if found is not None:
            return found[1]
        result = function(*args, **kwargs)
        if len(cache) >= CACHE_SIZE:
            del cache[next(iter(cache))]
        cache[key] = ((args, kwargs), result)
        return result

    return cached
