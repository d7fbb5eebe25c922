"""`intake import | visits | audit` against the encrypted SQLite store."""

from __future__ import annotations

import json

import pytest

from cases import vignette
from intake.cli import main


@pytest.fixture
def key(monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_DB_KEY", "cli test passphrase")


def test_import_list_show_and_audit(import_vignette, tmp_path, capsys, key) -> None:
    refer = import_vignette("V01")
    urgent = import_vignette("V14")
    assert main(["visits", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [visit["id"] for visit in listed] == [urgent, refer]
    assert set(listed[0]) == {"id", "started", "finished", "status", "outcome", "reviewed", "given_name", "family_name"}
    assert listed[0]["outcome"] == "URGENT_REVIEW" and listed[0]["status"] == "finished"

    pdf = tmp_path / "summary.pdf"
    assert main(["visits", "show", refer, "--pdf", str(pdf)]) == 0
    assert "Outcome: REFER" in capsys.readouterr().out
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["audit", "verify"]) == 0
    assert "audit log intact: 4 rows" in capsys.readouterr().out


def test_purge_removes_old_visits_and_records_it(import_vignette, tmp_path, capsys, key) -> None:
    import_vignette("V01")
    assert main(["visits", "purge", "--older-than", "0"]) == 0
    assert "purged 1 visit(s)" in capsys.readouterr().out
    assert main(["visits", "list"]) == 0
    assert "no visits" in capsys.readouterr().out


def test_invalid_file_is_not_imported(tmp_path, capsys, key) -> None:
    bad = vignette("V01")
    bad["answers"]["headache_days"] = "twenty"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_status:
        main(["import", str(path)])
    assert exit_status.value.code == 2
    assert 'headache_days: expected a whole number 0-31, got "twenty"' in capsys.readouterr().err


def test_wrong_key_is_a_clear_error(import_vignette, tmp_path, capsys, monkeypatch, key) -> None:
    import_vignette("V01")
    monkeypatch.setenv("INTAKE_DB_KEY", "wrong")
    with pytest.raises(SystemExit) as exit_status:
        main(["visits", "list"])
    assert exit_status.value.code == 1
    assert "the passphrase is wrong" in capsys.readouterr().err


def test_no_key_and_no_terminal_says_what_to_set(capsys, monkeypatch) -> None:
    monkeypatch.delenv("INTAKE_DB_KEY", raising=False)
    monkeypatch.setattr("intake.app.opening.stored_key", lambda: None)
    with pytest.raises(SystemExit) as exit_status:
        main(["visits", "list"])
    assert exit_status.value.code == 2
    assert "set INTAKE_DB_KEY" in capsys.readouterr().err


def _anchor(capsys) -> tuple[str, str]:
    assert main(["audit", "anchor"]) == 0
    full, short = capsys.readouterr().out.splitlines()
    assert short == f"short form: {full[:16]}"
    return full, full[:16]


def _tamper(statement: str) -> None:
    from intake.store.database import open_database

    with open_database(None, "cli test passphrase") as database, database.engine.begin() as connection:
        connection.exec_driver_sql(statement)


def test_a_log_cut_short_before_an_anchor_fails_verify(import_vignette, capsys, key) -> None:
    import_vignette("V01")
    hidden = import_vignette("V14")
    full, short = _anchor(capsys)
    assert len(full) == 64
    assert main(["audit", "verify", "--anchor", short]) == 0
    assert f"anchor {short} is in the log" in capsys.readouterr().out
    _tamper(f"DELETE FROM visits WHERE id = '{hidden}'")
    _tamper("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
    assert main(["audit", "verify"]) == 0, "without an anchor, a visit and its newest rows cut off leave a sound log"
    capsys.readouterr()
    assert main(["audit", "verify", "--anchor", full]) == 1
    err = capsys.readouterr().err
    assert f"audit: anchor {full}: not in the audit log" in err


def test_a_finished_visit_edited_in_the_database_fails_verify(import_vignette, capsys, key) -> None:
    visit = import_vignette("V01")
    _tamper(f"UPDATE visits SET outcome = 'NOT_ELIGIBLE' WHERE id = '{visit}'")
    assert main(["audit", "verify"]) == 1
    assert f"audit: visit {visit}: changed since its last audited action" in capsys.readouterr().err


def test_an_anchor_that_is_not_one_is_a_usage_error(import_vignette, capsys, key) -> None:
    import_vignette("V01")
    with pytest.raises(SystemExit) as exit_status:
        main(["audit", "verify", "--anchor", "HEAD"])
    assert exit_status.value.code == 2
    assert "--anchor: an anchor is 16 to 64 hex digits" in capsys.readouterr().err
