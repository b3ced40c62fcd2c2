"""tools/eval.py: the floors CI pins are checked against the measured figures."""

from pathlib import Path

from tools.eval import check_floors

RESULTS = {
    "fixtures": {"passed": 52, "total": 52},
    "body": {"l3s-gn1": {"html/clean_html": {"f1": 0.91, "near_empty": 3}}},
}


def test_a_figure_under_its_floor_is_reported(tmp_path: Path) -> None:
    floors = tmp_path / "floors.toml"
    floors.write_text('[body.l3s-gn1."html/clean_html"]\nf1 = 0.95\n')
    assert check_floors(RESULTS, floors) == ["body l3s-gn1 html/clean_html f1: 0.9100 < floor 0.95"]


def test_figures_at_their_floors_and_absent_corpora_pass(tmp_path: Path) -> None:
    floors = tmp_path / "floors.toml"
    floors.write_text(
        '[body.l3s-gn1."html/clean_html"]\nf1 = 0.91\n[body.wcxb."html/clean_html"]\nf1 = 0.99\n'
    )
    assert check_floors(RESULTS, floors) == []
