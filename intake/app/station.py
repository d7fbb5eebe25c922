"""What every use case on this computer shares: the stores, the form, the clinic's
settings and the rules they name.

One `Station` lives as long as the app (or one CLI command). The kiosk's desk and each
signed-in person's desk hold the same station, so a settings change made by an admin
reaches the next visit and every open screen without being passed around.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from intake.eligibility.policy import RuleSet, UnknownPolicy, load_rules
from intake.questionnaire.form import Form
from intake.settings import Settings
from intake.store.audit import Action, AuditCheck
from intake.store.stores import Stores
from intake.yamlfile import DataFileError

log = logging.getLogger(__name__)


@dataclass
class Station:
    stores: Stores | None
    """None when the kiosk runs without a database (tests, or a station whose database
    failed): finished summaries then go to the summaries folder only."""
    form: Form
    settings: Settings
    rules: RuleSet
    settings_file: Path | None = None
    """Where an admin's settings changes are written (None: the user config dir)."""
    station_id: str | None = None
    """This installation's id (`station_id.py`), recorded on the visits it starts; None: not recorded."""

    def form_in(self, language: str) -> Form:
        """The form with its texts in `language`; until the form carries translations, the one form."""
        return self.form

    def use_settings(self, settings: Settings) -> None:
        """New settings for the next visit; a policy that cannot be loaded keeps the previous rules."""
        try:
            self.rules = load_rules(settings.policy)
        except (UnknownPolicy, DataFileError):
            log.error("settings: the policy could not be loaded; using the previous one")
        self.settings = settings

    @contextmanager
    def audited(
        self,
        action: Action,
        actor: str,
        visit_id: str | None = None,
        rules_version: str | None = None,
        subject: str | None = None,
    ) -> Iterator[Stores]:
        """One transaction for a change and its audit row: the row is appended when the
        change's block ends, and if either fails neither is kept."""
        with self.required_stores().transaction() as transaction:
            yield transaction
            transaction.audit.record(action, actor, visit_id, rules_version, subject)

    def required_stores(self) -> Stores:
        if self.stores is None:
            raise RuntimeError("this use case needs the visits database, and the station has none")
        return self.stores

    def audit_head(self) -> str | None:
        """The audit log's head, to print on a summary before its finish row (None without a database)."""
        return self.stores.audit.head() if self.stores is not None else None

    def verify_audit(self, anchor: str | None = None) -> AuditCheck:
        """The audit chain, the visits' content, and the anchor if given; `ValueError` for a malformed anchor."""
        return self.required_stores().audit.verify(anchor)
