"""The digest command through Click's runner: exit codes, one-line errors, help everywhere."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli, main


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_every_command_has_help(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    commands = list(cli.commands)  # type: ignore[attr-defined]
    assert {"build", "analyze"} <= set(commands)
    for name in commands:
        sub = runner.invoke(cli, [name, "--help"])
        assert sub.exit_code == 0, name
        assert "Usage:" in sub.output


def test_analyze_json_has_the_design_contract_shape(
    runner: CliRunner, sample_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["analyze", str(sample_dir), "--json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"articles", "stories", "skipped"}
    assert len(data["articles"]) == 5
    article_keys = {"id", "path", "title", "published", "outlet", "url", "duplicate_of"}
    assert all(article_keys <= set(a) for a in data["articles"])
    ids = {a["id"] for a in data["articles"]}
    for story in data["stories"]:
        assert {"id", "title", "articles", "timeline", "quotes"} <= set(story)
        assert set(story["articles"]) <= ids
    # Every input article ends up in exactly one story.
    in_stories = [a for s in data["stories"] for a in s["articles"]]
    assert sorted(in_stories) == sorted(ids)


def test_skipped_inputs_exit_zero_but_strict_fails(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "content"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Headline here\n\nA full sentence of news text.\n")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04 not really a document")
    result = runner.invoke(cli, ["analyze", str(corpus), "--json", "-q"])
    assert result.exit_code == 0, result.output
    skipped = json.loads(result.stdout)["skipped"]
    assert [s["path"].endswith("notes.docx") for s in skipped] == [True]
    strict = runner.invoke(cli, ["analyze", str(corpus), "--json", "-q", "--strict"])
    assert strict.exit_code != 0


def test_missing_path_is_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.argv", ["digest", "analyze", "nowhere", "--json"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"Error: content path not found: {tmp_path / 'nowhere'}"]


def test_bad_config_is_reported_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "digest.yml").write_text("dedupe:\n  threshold: 2\n")
    (tmp_path / "content").mkdir()
    monkeypatch.setattr("sys.argv", ["digest", "analyze", "content"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 1
    assert "'dedupe.threshold': expected 0..1, got 2" in capsys.readouterr().err


@pytest.mark.slow
def test_build_summary_and_report_account_for_inputs_and_index_size(
    runner: CliRunner, sample_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Path(__file__).resolve().parent.parent
    shutil.copy(repo / "mkdocs.yml", tmp_path)
    shutil.copytree(repo / "theme", tmp_path / "theme")
    shutil.copytree(sample_dir, tmp_path / "content")
    (tmp_path / "content" / "notes.docx").write_bytes(b"PK\x03\x04")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build", "-q"])
    assert result.exit_code == 0, result.output
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("Read 5 articles, skipped 1, folded 1 duplicate, 1 story in")
    assert "pipeline" in summary and "render" in summary and "KB per story" in summary
    data = json.loads((tmp_path / "build-report.json").read_text(encoding="utf-8"))
    outcomes = sorted(i["outcome"] for i in data["inputs"])
    assert outcomes == ["article"] * 4 + ["duplicate", "skipped"]
    assert 0 < data["search_index_bytes_per_story"] < 50_000
    assert (tmp_path / "site" / "index.html").is_file()
