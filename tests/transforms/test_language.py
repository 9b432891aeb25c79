"""Language from the text when the page does not declare one."""
from transforms.language import detect_language

EN = "Councillors turned down plans for six hundred homes on green belt land, against the advice of officers. " * 3
DE = "Der Stadtrat hat die Pläne für sechshundert Wohnungen am Stadtrand abgelehnt, gegen den Rat der Verwaltung. " * 3


def test_detects_english_and_german():
    assert detect_language(EN) == "en"
    assert detect_language(DE) == "de"


def test_too_short_to_tell():
    assert detect_language("Hello there.") is None
