"""`Frozen`: the base of every data model read from a file or handed between layers.

Frozen, so a loaded form, policy or assessment cannot change under the code reading it;
unknown keys refused, so a typo in a hand-edited YAML file fails at load instead of
being ignored.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
