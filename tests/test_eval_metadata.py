"""`tools/eval_metadata.py`: how titles, authors and dates are compared with annotations."""

from __future__ import annotations

from tools.eval_metadata import Guess, authors_found, normalise_title, same_day, score, split_names


def test_split_names_drops_credentials_and_job_titles() -> None:
    assert split_names("Danielle Ames, Donna Enz, and Natalie Ng") == [
        "Danielle Ames",
        "Donna Enz",
        "Natalie Ng",
    ]
    assert split_names("Dylan Bailey, MS, RD, FAND") == ["Dylan Bailey"]
    assert split_names("Mike Marshall, Shipping Expert") == ["Mike Marshall"]
    assert split_names("Maria & Katerina") == ["Maria", "Katerina"]
    assert split_names(None) == []


def test_every_annotated_author_must_be_found() -> None:
    assert authors_found("Jane Roe and John Doe", ["john doe", "Jane  Roe"])
    assert authors_found("Dr. Vahid Osman", ["Vahid Osman"])  # honorific and dots ignored
    assert not authors_found("Jane Roe and John Doe", ["Jane Roe"])
    assert authors_found("Jane Roe, John Doe", ["Jane Roe; John Doe"])  # split the same way
    assert not authors_found("Jane Roe", [])


def test_title_and_date_comparison() -> None:
    assert normalise_title("It’s  a Test — Really") == normalise_title("it's a test - really")
    assert same_day("2024-05-01", "2024-05-01T23:30:00-04:00")  # the day as the page wrote it
    assert not same_day("2024-05-01", "2024-05-02")
    assert not same_day("2003-11", "2003-11-05")  # a month is not a day
    assert not same_day("2024-05-01", None)


def test_score_counts_only_annotated_pages() -> None:
    truth = {
        "1": {"title": "A B", "author": "Jane Roe", "publish_date": "2024-05-01"},
        "2": {"title": "C D", "author": None, "publish_date": None},
    }
    found = {
        "1": {"x": Guess("A B", ("Jane Roe",), "2024-05-01")},
        "2": {"x": Guess(None, (), None, error=True)},
    }
    scores = score(truth, found, ["x"])["x"]
    assert scores["title"] == {"accuracy": 0.5, "hits": 1, "pages": 2}
    assert scores["authors"] == {"accuracy": 1.0, "hits": 1, "pages": 1}
    assert scores["date"] == {"accuracy": 1.0, "hits": 1, "pages": 1}
    assert scores["errors"] == 1
