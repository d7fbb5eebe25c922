"""Which policy `assess` and `report` judge a file by: `--policy`, else the clinic's, as the kiosk and `import` do.

A station's settings name the policy its visits are assessed under; a response file
assessed at the same desk must get the same outcome as the visit would, so the settings
decide here too. The JSON contract has no room for where the policy came from, so the
commands say it on stderr (and in their readable output).
"""

from __future__ import annotations

from dataclasses import dataclass

from intake.cli.errors import UsageError
from intake.eligibility import load_rules
from intake.eligibility.policy import RuleSet, UnknownPolicy
from intake.settings import load_settings, settings_path
from intake.yamlfile import DataFileError


@dataclass(frozen=True)
class ChosenPolicy:
    """The rules, the name or path they were loaded from (None: the shipped default), and why these."""

    rules: RuleSet
    asked: str | None
    source: str

    @property
    def described(self) -> str:
        """`us-payer 2026.2 (the clinic's settings, /home/…/settings.yaml)`: enough to tell two stations apart."""
        policy = self.rules.policy
        return f"{policy.name} {policy.version} ({self.source})"


def choose_policy(option: str | None) -> ChosenPolicy:
    """`--policy` when given; else the settings file's `policy`; else the shipped default.

    A bad `--policy` is the user's to fix (exit 2). A settings file naming a policy that
    does not load is reported against the file and its key, as `intake import` reports it.
    """
    if option is not None:
        try:
            return ChosenPolicy(load_rules(option), option, "--policy")
        except UnknownPolicy as error:
            raise UsageError([f"--policy: {error}"]) from None
        except DataFileError as error:
            raise UsageError(error.lines) from None
    path = settings_path()
    settings = load_settings(path)
    if settings.policy is None:
        why = "the clinic's settings name none" if path.exists() else f"no settings file at {path}"
        return ChosenPolicy(load_rules(None), None, f"the shipped default; {why}")
    try:
        rules = load_rules(settings.policy)
    except UnknownPolicy as error:
        raise DataFileError(path, [f"policy: {error}"]) from None
    return ChosenPolicy(rules, settings.policy, f"the clinic's settings, {path}")
