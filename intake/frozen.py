"""`Frozen`: the base of every data model read from a file or handed between layers.

Frozen, so a loaded form, policy or assessment cannot change under the code reading it;
unknown keys refused, so a typo in a hand-edited YAML file fails at load instead of
being ignored. Being frozen is also what lets `per_object` keep what is worked out of
them (a policy's questions in a form) for as long as they live, and lets an assessment
share the rows it makes from a handful of possible answers.

What comes in from outside (files, screens, stored JSON) is validated; what the program
works out itself from values its types vouch for may be built with `made`, which skips
validation: an assessment makes some thirty models, and validating each again cost a
quarter of its time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, ParamSpec, Self, TypeVar

from pydantic import BaseModel, ConfigDict

Params = ParamSpec("Params")
Result = TypeVar("Result")

CACHE_SIZE = 16
"""Combinations kept per function: a process uses a few forms and policies; tests make many copies."""

_MAKER = '''
def made(*, {parameters}):
    model = new(cls)
    set_attribute(model, "__dict__", {{{values}}})
    set_attribute(model, "__pydantic_fields_set__", every_field)
    set_attribute(model, "__pydantic_extra__", None)
    set_attribute(model, "__pydantic_private__", None)
    return model
'''
"""The body of a model's `made`: what pydantic's `model_construct` leaves behind for a model given every field,
with the fields in declaration order (the order `model_dump` and the JSON follow), written out once per model.
Its instances share one set of the fields given (all of them): a frozen model never changes its own, and
`model_copy` copies it before adding to it."""


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    if TYPE_CHECKING:

        @classmethod
        def made(cls, **values: Any) -> Self:
            """`Model.made(field=value, ...)`: the instance validation would give for these values, not validated.

            Every field by name, defaults included (a missing or unknown name is a TypeError),
            in any order. Only for values the program made itself, whose types its own code
            vouches for; anything read from outside is validated.
            """

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        _set_made(cls, _first_made(cls))


def _set_made(model: type[Frozen], made: Callable[..., Any]) -> None:
    type.__setattr__(model, "made", staticmethod(made))


def _first_made(model: type[Frozen]) -> Callable[..., Any]:
    """`made` until first called, when the model's own is written: models never made cost nothing at import."""

    def made(**values: Any) -> Any:
        maker = _maker(model)
        _set_made(model, maker)
        return maker(**values)

    return made


def _maker(model: type[Frozen]) -> Callable[..., Any]:
    names = tuple(model.__pydantic_fields__)
    source = _MAKER.format(parameters=", ".join(names), values=", ".join(f"{name!r}: {name}" for name in names))
    scope: dict[str, Any] = {
        "new": object.__new__, "set_attribute": object.__setattr__, "cls": model, "every_field": set(names)
    }
    exec(source, scope)  # noqa: S102 - the source is built from the model's own field names only
    maker: Callable[..., Any] = scope["made"]
    return maker


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
        key = (*map(id, args), *((name, id(value)) for name, value in kwargs.items())) if kwargs else tuple(map(id, args))
        found = cache.get(key)
        if found is not None:
            return found[1]
        result = function(*args, **kwargs)
        if len(cache) >= CACHE_SIZE:
            del cache[next(iter(cache))]
        cache[key] = ((args, kwargs), result)
        return result

    return cached
