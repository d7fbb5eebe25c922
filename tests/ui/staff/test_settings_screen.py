"""The admin's settings screen, generated from the Settings model: refuses bad values by name,
keeps what it does not show, shows choices in words; the admin's desk writes settings.yaml
and audits it. A test page goes to the printer chosen on screen, through stand-in printers
and a stand-in `lp` (see conftest)."""

from __future__ import annotations

import io
from typing import Literal, get_args, get_origin

from annotated_types import Ge, Le
from patient_driver import tap, type_into
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QSpinBox, QWidget
from staff_driver import ADMIN_PIN, FrontDesk

from fake_lp import POSIX_ONLY
from intake.app.print_jobs import PrintFailed
from intake.eligibility import shipped_policy_titles
from intake.questionnaire.form import Form
from intake.settings import Settings, load_settings
from intake.ui.scrolling import ScrollColumn
from intake.ui.staff import printing
from intake.ui.staff.settings_screen import SettingsScreen


def _open_settings(open_kiosk, stores, **kiosk: object) -> FrontDesk:
    window, _patient = open_kiosk(stores=stores, **kiosk)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.settings_button)
    assert desk.area.currentWidget() is desk.area.settings_screen
    return desk


def test_saved_settings_reach_the_file_the_kiosk_and_the_audit(open_kiosk, stores, tmp_path) -> None:
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    type_into(screen.field("clinic_name"), "Klinik Zoë Nord")
    screen.field("policy").setCurrentText("NICE TA260 (England and Wales)")
    screen.field("idle_timeout_s").setValue(90)
    screen.field("midas").setChecked(True)
    type_into(screen.field("output_dir"), str(tmp_path / "printed"))
    tap(screen.save_button)
    assert desk.in_queue
    saved = load_settings(tmp_path / "settings.yaml")
    assert (saved.clinic_name, saved.policy, saved.idle_timeout_s, saved.midas) == ("Klinik Zoë Nord", "nice-ta260", 90, True)
    window = desk.window
    assert window.settings == saved and window.rules.policy.name == "nice-ta260"
    assert window.welcome.clinic.text() == "Klinik Zoë Nord"
    assert [row.action for row in stores.audit.rows()][-1] == "settings_changed"


def test_a_bad_value_is_refused_naming_the_setting(open_kiosk, stores, tmp_path) -> None:
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    type_into(screen.field("clinic_name"), "")
    tap(screen.save_button)
    assert screen.message.isVisible() and screen.message.text().startswith("Clinic name:")
    assert not (tmp_path / "settings.yaml").exists()
    blocked = tmp_path / "file"
    blocked.write_text("x")
    type_into(screen.field("clinic_name"), "Clinic")
    type_into(screen.field("output_dir"), str(blocked / "sub"))
    tap(screen.save_button)
    assert "Folder for saved PDFs: cannot create or write" in screen.message.text()
    tap(screen.cancel_button)
    assert desk.in_queue


def test_a_settings_file_that_cannot_be_written_is_said_and_not_audited(open_kiosk, stores, tmp_path) -> None:
    (tmp_path / "settings.yaml").mkdir()
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    type_into(screen.field("clinic_name"), "Harbour Clinic")
    tap(screen.save_button)
    assert screen.message.isVisible() and screen.message.text().startswith("The settings could not be written")
    assert desk.area.currentWidget() is screen and screen.field("clinic_name").text() == "Harbour Clinic"
    assert desk.window.settings.clinic_name != "Harbour Clinic"
    assert "settings_changed" not in [row.action for row in stores.audit.rows()]


def test_the_clinic_phone_is_saved_and_a_too_long_one_refused_by_name(open_kiosk, stores, tmp_path) -> None:
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    type_into(screen.field("clinic_phone"), "0" * 41)
    tap(screen.save_button)
    assert screen.message.isVisible() and screen.message.text().startswith("Clinic phone (on the patient information sheet):")
    type_into(screen.field("clinic_phone"), "+1 555 0100 ext. 2")
    tap(screen.save_button)
    assert desk.in_queue
    assert load_settings(tmp_path / "settings.yaml").clinic_phone == "+1 555 0100 ext. 2"
    assert desk.window.settings.clinic_phone == "+1 555 0100 ext. 2"
    tap(desk.area.queue.settings_button)
    assert screen.field("clinic_phone").text() == "+1 555 0100 ext. 2"


def _screen(qtbot, settings: Settings) -> SettingsScreen:
    """The screen on its own, showing `settings` (what it chooses is in its `chosen` signal)."""
    screen = SettingsScreen()
    qtbot.addWidget(screen)
    screen.resize(800, 1280)
    screen.edit(settings)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _saved_by(qtbot, screen: SettingsScreen) -> Settings:
    with qtbot.waitSignal(screen.chosen) as blocker:
        tap(screen.save_button)
    return blocker.args[0]


def test_every_titled_setting_has_one_editor_labelled_by_the_model(qtbot, tmp_path) -> None:
    screen = _screen(qtbot, Settings())
    titled = {name: info.title for name, info in Settings.model_fields.items() if info.title}
    assert list(screen.fields) == list(titled) and "language" in titled
    shown_words = {widget.text() for widget in screen.findChildren(QLabel) + screen.findChildren(QCheckBox)}
    for name, title in titled.items():
        assert screen.field(name).accessibleName() == title
        assert title in shown_words, f"{name} is labelled on screen"


def test_number_settings_offer_exactly_the_models_range(qtbot, tmp_path) -> None:
    screen = _screen(qtbot, Settings())
    numbers = {name: info for name, info in Settings.model_fields.items() if info.annotation is int and info.title}
    assert set(numbers) == {"idle_timeout_s", "idle_countdown_s", "resume_window_s", "staff_idle_timeout_s"}
    for name, info in numbers.items():
        low = next(item.ge for item in info.metadata if isinstance(item, Ge))
        high = next(item.le for item in info.metadata if isinstance(item, Le))
        box = screen.field(name)
        assert isinstance(box, QSpinBox) and (box.minimum(), box.maximum()) == (low, high), name
    type_into(screen.field("idle_countdown_s").lineEdit(), "9999")
    assert _saved_by(qtbot, screen).idle_countdown_s == 99, "the third 9 would pass the model's 600 and is not taken"


def _in_spanish_too(form: Form) -> dict[str, Form]:
    """The station's form in Spanish as well; the screen reads only which languages there are."""
    return {"es": form.model_copy(update={"language": "es", "languages": ("en", "es")})}


def test_the_kiosk_language_is_chosen_by_its_own_name_and_saved(open_kiosk, stores, form, qtbot, tmp_path) -> None:
    desk = _open_settings(open_kiosk, stores, translations=_in_spanish_too(form))
    screen = desk.area.settings_screen
    languages = screen.field("language")
    assert _choices(languages) == ["English", "Español"]
    assert languages.currentText() == "English"
    _pick(qtbot, languages, "Español")
    tap(screen.save_button)
    assert load_settings(tmp_path / "settings.yaml").language == "es" and desk.window.settings.language == "es"
    tap(desk.area.queue.settings_button)
    assert screen.field("language").currentText() == "Español"
    type_into(screen.field("clinic_name"), "Harbour Clinic")
    tap(screen.save_button)
    assert load_settings(tmp_path / "settings.yaml").language == "es", "saving something else keeps the language"


def test_the_kiosk_language_offers_the_languages_of_the_form_not_of_the_sheets(open_kiosk, stores) -> None:
    """The information sheet is in Spanish too; a form only in English offers English only."""
    desk = _open_settings(open_kiosk, stores, translations={})
    languages = desk.area.settings_screen.field("language")
    assert _choices(languages) == ["English"]
    assert languages.accessibleName() == "Kiosk language"


def test_a_setting_the_screen_does_not_show_is_kept_when_saving(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(Settings.model_fields["clinic_address"], "title", None)
    screen = _screen(qtbot, Settings(clinic_address="1 Harbour Road", midas=True))
    assert "clinic_address" not in screen.fields
    type_into(screen.field("clinic_name"), "Harbour Clinic")
    saved = _saved_by(qtbot, screen)
    assert (saved.clinic_name, saved.clinic_address, saved.midas) == ("Harbour Clinic", "1 Harbour Road", True)


def test_saving_unchanged_changes_nothing(qtbot, tmp_path) -> None:
    chosen = Settings(
        clinic_name="Harbour", policy="nice-ta260", paper="letter", language="es", idle_countdown_s=45,
        on_screen_keyboard="never", printer="Ward 3 laser", output_dir=tmp_path / "out", database_url="postgresql://db/intake",
    )
    assert _saved_by(qtbot, _screen(qtbot, chosen)) == chosen


def test_the_printer_choice_means_none_for_the_system_default(qtbot, tmp_path) -> None:
    screen = _screen(qtbot, Settings(printer="Ward 3 laser"))
    printers = screen.field("printer")
    assert printers.currentText() == "Ward 3 laser", "a printer unplugged today stays chosen"
    assert printers.itemText(0) == "System default printer"
    printers.setCurrentText("System default printer")
    assert _saved_by(qtbot, screen).printer is None


def test_no_policy_means_the_shipped_default_and_stays_so(qtbot, tmp_path) -> None:
    """None follows whatever default a later release ships; saving must not pin today's."""
    screen = _screen(qtbot, Settings())
    policies = screen.field("policy")
    assert policies.currentText() == "The shipped default policy"
    assert [policies.itemText(i) for i in range(1, policies.count())] == list(shipped_policy_titles().values())
    assert _saved_by(qtbot, screen).policy is None


def _scroll_to(widget: QWidget) -> None:
    """Swipe the settings until the widget is on screen."""
    column = widget.parentWidget()
    while not isinstance(column, ScrollColumn):
        column = column.parentWidget()
    column.ensureWidgetVisible(widget)
    QApplication.processEvents()


def _pick(qtbot, combo: QComboBox, text: str) -> None:
    """Open the list with a tap and tap the choice, as a person would."""
    _scroll_to(combo)
    QTest.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = view.visualRect(view.model().index(combo.findText(text), 0))
    for point in (row.topLeft() + QPoint(4, 4), row.center()):  # the popup takes a tap only after the finger moved
        QTest.mouseMove(view.viewport(), point)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, row.center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text


def _choices(combo: QComboBox) -> list[str]:
    return [combo.itemText(index) for index in range(combo.count())]


def test_choices_are_shown_in_words_and_saved_as_ids(open_kiosk, stores, qtbot, tmp_path) -> None:
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    titles = shipped_policy_titles()
    assert _choices(screen.field("policy")) == ["The shipped default policy", *titles.values()]
    assert "NICE TA260 (England and Wales)" in titles.values()
    assert _choices(screen.field("paper")) == ["A4", "US Letter"]
    assert _choices(screen.field("on_screen_keyboard")) == ["Automatic", "Always", "Never"]
    _pick(qtbot, screen.field("policy"), titles["nice-ta260"])
    _pick(qtbot, screen.field("paper"), "US Letter")
    _pick(qtbot, screen.field("on_screen_keyboard"), "Never")
    tap(screen.save_button)
    written = (tmp_path / "settings.yaml").read_text(encoding="utf-8")
    assert "policy: nice-ta260" in written and "paper: letter" in written and "on_screen_keyboard: never" in written
    tap(desk.area.queue.settings_button)
    assert [screen.field(name).currentText() for name in ("policy", "paper", "on_screen_keyboard")] == [
        titles["nice-ta260"], "US Letter", "Never"
    ]


def test_every_fixed_choice_has_words(qtbot) -> None:
    """A Literal setting added without `labels` would show its raw ids ("a4") again."""
    for name, info in Settings.model_fields.items():
        if info.title and get_origin(info.annotation) is Literal:
            labels = (info.json_schema_extra or {}).get("labels", {})
            assert set(labels) == set(get_args(info.annotation)), name


def _test_page_words(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


@POSIX_ONLY
def test_a_test_page_goes_to_the_printer_chosen_on_screen_and_is_audited(
    open_kiosk, stores, qtbot, tmp_path, printers, fake_lp
) -> None:
    printers("Front-desk", "Ward-3", default="Front-desk")
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    assert _choices(screen.field("printer")) == ["System default printer", "Front-desk", "Ward-3"]
    type_into(screen.field("clinic_name"), "Klinik Zoë Nord")
    _pick(qtbot, screen.field("printer"), "Ward-3")
    tap(screen.test_print_button)
    [job] = fake_lp.jobs()
    assert job.args == ["-d", "Ward-3", "-t", "test-page", "-"]
    assert len(PdfReader(io.BytesIO(job.pdf)).pages) == 1
    words = _test_page_words(job.pdf)
    assert "Test page: no patient data" in words and "Klinik Zoë Nord" in words and "Printer: Ward-3" in words
    assert screen.test_print_result.text() == "Sent to Ward-3 (job Ward-3-1)."
    assert [(row.staff_id, row.action, row.visit_id) for row in stores.audit.rows()][-1] == ("maria", "test_printed", None)
    assert not (tmp_path / "settings.yaml").exists(), "a test print saves nothing"


def test_a_test_page_without_a_printer_says_why_and_is_not_audited(open_kiosk, stores, printers, fake_lp) -> None:
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    tap(screen.test_print_button)
    assert screen.test_print_result.text() == "Not sent: no printer is set up on this computer."
    assert fake_lp.jobs() == [] and "test_printed" not in [row.action for row in stores.audit.rows()]


@POSIX_ONLY
def test_a_test_page_cups_refuses_is_drawn_on_the_printer_instead(open_kiosk, stores, printers, fake_lp) -> None:
    printers("Front-desk", default="Front-desk")
    fake_lp.refuse("lp: Unable to connect to server: Connection refused")
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    tap(screen.test_print_button)
    drawn = PdfReader(printers.paper("Front-desk"))
    assert len(drawn.pages) == 1 and drawn.metadata.title == "test-page"
    assert screen.test_print_result.text() == "Sent 1 page(s) to Front-desk."
    assert "test_printed" in [row.action for row in stores.audit.rows()]


@POSIX_ONLY
def test_a_test_page_on_a_printer_since_unplugged_says_where_it_went(open_kiosk, stores, printers, fake_lp) -> None:
    printers("Front-desk", default="Front-desk")
    window, _patient = open_kiosk(stores=stores, printer="Ward-3")
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.settings_button)
    screen = desk.area.settings_screen
    assert screen.field("printer").currentText() == "Ward-3"
    tap(screen.test_print_button)
    assert [job.args[1] for job in fake_lp.jobs()] == ["Front-desk"]
    assert screen.test_print_result.text() == "Ward-3 is not installed. Sent to Front-desk (job Front-desk-1)."


def test_a_test_page_reaching_no_printer_says_why_and_is_not_audited(open_kiosk, stores, printers, fake_lp, monkeypatch) -> None:
    printers("Front-desk", default="Front-desk")
    fake_lp.refuse("lp: Unable to connect to server: Connection refused")

    def cannot_open(_name: str) -> None:
        raise PrintFailed("the printer could not be opened")

    monkeypatch.setattr(printing, "printer_for", cannot_open)
    desk = _open_settings(open_kiosk, stores)
    screen = desk.area.settings_screen
    tap(screen.test_print_button)
    assert screen.test_print_result.text() == "Not sent to Front-desk: the printer could not be opened."
    assert "test_printed" not in [row.action for row in stores.audit.rows()]
