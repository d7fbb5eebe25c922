"""Which policies ship and which one is the default (`forms/policies/index.yaml`).

Read once per process: every `intake` command reads it to word `--policy`, so it is one
small file rather than a glob and a load of each policy.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator

from intake.frozen import Frozen
from intake.paths import POLICY_INDEX_FILE
from intake.yamlfile import DataFileError, load_model

POLICY_NAME = r"^[a-z][a-z0-9-]*$"


class PolicyIndex(Frozen):
    default: str = Field(pattern=POLICY_NAME, description="The policy a clinic gets until it names another.")
    policies: tuple[str, ...] = Field(min_length=1, description="Every shipped policy, by file name without `.yaml`.")

    @model_validator(mode="after")
    def _default_is_listed_once(self) -> PolicyIndex:
        if len(set(self.policies)) != len(self.policies):
            raise ValueError("policies: a policy is listed twice")
        if self.default not in self.policies:
            listed = ", ".join(self.policies)
            raise ValueError(f"default: expected one of the policies ({listed}), got {self.default!r}")
        return self


def load_policy_index(path: Path) -> PolicyIndex:
    """An index whose every policy has its file beside it."""
    index = load_model(path, PolicyIndex)
    absent = [
        f"policies[{number}]: expected a file {name}.yaml beside this index, got none"
        for number, name in enumerate(index.policies)
        if not (path.parent / f"{name}.yaml").is_file()
    ]
    if absent:
        raise DataFileError(path, absent)
    return index


@lru_cache(maxsize=1)
def policy_index() -> PolicyIndex:
    return load_policy_index(POLICY_INDEX_FILE)


def default_policy() -> str:
    return policy_index().default


def shipped_policies() -> list[str]:
    """Names of the shipped policies, default first, the others in the index's order."""
    index = policy_index()
    return [index.default, *(name for name in index.policies if name != index.default)]
