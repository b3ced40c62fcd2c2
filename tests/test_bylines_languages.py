"""Bylines and date lines of other languages (`bylines.toml`, `calendar_words.toml`): each
form read into exact names and dates, in sentences written for these tests."""

from __future__ import annotations

import pytest

from cleaners.authors import split_names
from cleaners.dates import parse_date
from cleaners.rules.bylines import BylineRule, DateLineRule


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Oleh Siti Rahmawati", ["Siti Rahmawati"]),  # id
        ("Oleh: Andi Wijaya dan Putri Ayu", ["Andi Wijaya", "Putri Ayu"]),  # id, two names
        ("מאת נועה ברק", ["נועה ברק"]),  # he
        ("Yazan: Mehmet Demir", ["Mehmet Demir"]),  # tr
        ("Haber: Elif Kaya ve Can Öztürk", ["Elif Kaya", "Can Öztürk"]),  # tr
        ("Автор: Ольга Смирнова", ["Ольга Смирнова"]),  # ru
        ("Autor: Piotr Nowak", ["Piotr Nowak"]),  # pl
        ("Av Karin Holm och Lars Berg", ["Karin Holm", "Lars Berg"]),  # sv
        ("نویسنده: مریم احمدی", ["مریم احمدی"]),  # fa
        ("Por Lucía Fernández", ["Lucía Fernández"]),  # es
        ("Di Giulia Bianchi", ["Giulia Bianchi"]),  # it
        ("Door Pieter Bakker", ["Pieter Bakker"]),  # nl
        ("이수진 기자", ["이수진"]),  # ko, the reporter word after the name
        ("박준호 특파원 junho@example.co.kr", ["박준호"]),  # ko, with an e-mail
        ("佐藤花子記者", ["佐藤花子"]),  # ja
        ("记者 陈静", ["陈静"]),  # zh
        ("（记者 刘洋、周敏）", ["刘洋", "周敏"]),  # zh, bracketed, two names
    ],
)
def test_bylines_of_other_languages(line: str, names: list[str]) -> None:
    assert BylineRule().parse(line) == (names, [])


@pytest.mark.parametrize(
    "line",
    [
        "이 사건을 처음 보도한 기자",  # a phrase ending in "기자" is no name
        "Av hänsyn till säkerheten.",  # "Av" opening a sentence
        "Autor: desconocido",  # no name after the opener
    ],
)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert BylineRule().parse(line) is None


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        ("Selasa, 5 Maret 2024 16:45 WIB", [("published", "2024-03-05T16:45:00")]),  # id
        ("Diterbitkan: 9 Agustus 2023", [("published", "2023-08-09")]),  # id
        ("Diperbarui: Jumat, 1 Desember 2023 07:30 WITA", [("updated", "2023-12-01T07:30:00")]),
        ("05.09.2023, 18:10 Uhr", [("published", "2023-09-05T18:10:00")]),  # de
        ("7. Oktober 2023, 09:05 Uhr", [("published", "2023-10-07T09:05:00")]),  # de
        ("Aktualisiert am 8. Oktober 2023", [("updated", "2023-10-08")]),  # de
        ("Publicado el 3 de junio de 2023", [("published", "2023-06-03")]),  # es
        ("Atualizado em 4 de julho de 2023", [("updated", "2023-07-04")]),  # pt
        ("Pubblicato il 21 settembre 2023", [("published", "2023-09-21")]),  # it
        ("Bijgewerkt op 2 november 2023", [("updated", "2023-11-02")]),  # nl
        ("Güncelleme: 15 Şubat 2024", [("updated", "2024-02-15")]),  # tr
        ("Обновлено: 6 апреля 2024", [("updated", "2024-04-06")]),  # ru
        ("Opublikowano: 19 stycznia 2024", [("published", "2024-01-19")]),  # pl
        ("Uppdaterad 23 januari 2024", [("updated", "2024-01-23")]),  # sv
        ("2023年11月30日 08:15", [("published", "2023-11-30T08:15:00")]),  # zh
        ("发布时间：2023年11月30日 08:15 来源：晨报", [("published", "2023-11-30T08:15:00")]),
        ("更新日時：2023年12月1日 6時05分", [("updated", "2023-12-01T06:05:00")]),  # ja
        ("2023년 10월 9일 13:50", [("published", "2023-10-09T13:50:00")]),  # ko
        ("수정 2023.10.10 08:00", [("updated", "2023-10-10T08:00:00")]),  # ko
    ],
)
def test_date_lines_of_other_languages(line: str, dates: list[tuple[str, str]]) -> None:
    assert DateLineRule().parse(line) == dates


def test_a_time_zone_word_leaves_no_offset() -> None:
    """dateparser reads "WIB" as +07:00; the date keeps the printed time without it, as the
    dateutil path does for "BST"."""
    assert parse_date("Rabu, 10 Januari 2024 19:00 WIB") == "2024-01-10T19:00:00"


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("מאת שירה כהן", ["שירה כהן"]),
        ("Yazar: Burak Şahin", ["Burak Şahin"]),
        ("Autorka: Ewa Mazur", ["Ewa Mazur"]),
        ("Penulis: Rudi Hartono", ["Rudi Hartono"]),
        ("نویسنده: سارا کریمی", ["سارا کریمی"]),
    ],
)
def test_author_fields_of_other_languages(field: str, names: list[str]) -> None:
    """The HTML path's author fields (`authors.toml` openers) lose the same openers."""
    assert split_names(field) == names
