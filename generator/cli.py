"""The ``digest`` command: thin, parse arguments, run the pipeline, print a short report."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

import click

from generator import __version__
from generator.errors import DigestError

log = logging.getLogger("generator")

REPORT_FILE = "build-report.json"
"""Written next to the site (not inside it, so it is never published)."""


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else (logging.DEBUG if verbose > 1 else logging.INFO)
    if verbose == 0 and not quiet:
        level = logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)
    # MkDocs logs every page at INFO; keep its chatter out unless asked for.
    logging.getLogger("mkdocs").setLevel(logging.WARNING if verbose < 2 else logging.DEBUG)


def _settings(config: Path | None, overrides: dict[str, Any]) -> Any:
    from generator.config import load_settings

    root = config.parent if config else Path()
    return load_settings(root, config_file=config, overrides=overrides)


def _common(func: Any) -> Any:
    options = [
        click.option("-c", "--config", type=click.Path(dir_okay=False, path_type=Path),
                     help="Settings file (default: digest.yml in the current folder, if any)."),
        click.option("--dedupe-threshold", type=float,
                     help="Override dedupe.threshold (0..1)."),
        click.option("--cluster-threshold", type=float,
                     help="Override cluster.threshold (0..1)."),
        click.option("--strict", is_flag=True, default=None,
                     help="Exit non-zero when any input was skipped (or, with --fetch, "
                          "any source failed)."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="Run the per-article stages on the Dask scheduler at ADDRESS "
                          "(tcp://host:8786), or 'local' to start a local Dask cluster; "
                          "needs news-digest[dask]. Overrides build.scheduler."),
        click.option("-v", "--verbose", count=True, help="More log output (-vv for debug)."),
        click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress bars."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _overrides(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {
        "dedupe.threshold": kwargs.get("dedupe_threshold"),
        "cluster.threshold": kwargs.get("cluster_threshold"),
        "build.strict": kwargs.get("strict"),
        "build.scheduler": kwargs.get("scheduler"),
    }


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="digest")
def cli() -> None:
    """Turn a folder of news articles into a searchable static briefing site."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--fetch", "fetch_first", is_flag=True,
              help="Fetch the sources in digest.yml first (digest fetch), then build.")
@_common
def build(paths: tuple[Path, ...], fetch_first: bool, config: Path | None, verbose: int,
          quiet: bool, **kwargs: Any) -> None:
    """Read PATHS (default: content/), write Markdown to docs/ and the site to site/."""
    _setup_logging(verbose, quiet)
    from generator import pipeline, report, site
    from generator.progress import Progress

    start = time.perf_counter()
    settings = _settings(config, _overrides(kwargs))
    fetched = None
    if fetch_first and not settings.sources:
        log.warning("--fetch: no 'sources:' in the settings; building what is in content/")
    elif fetch_first:
        fetched = _fetch(settings, quiet)
        paths = paths or _with_fetch_dir(settings)
    analysis = pipeline.build(settings, progress=Progress(enabled=not quiet),
                              paths=paths or None)
    site_dir = settings.path(settings.site_dir)
    per_story = site.index_size_per_story(site_dir, len(analysis.stories))
    report.write_report(analysis, site_dir.parent / REPORT_FILE, index_per_story=per_story)
    for skipped in analysis.skipped:
        log.warning("Skipped %s: %s", skipped.path, skipped.reason)
    click.echo(report.summary_line(analysis, time.perf_counter() - start,
                                   index_per_story=per_story), err=True)
    if fetched is not None:
        _fetch_exit(fetched, strict=settings.build.strict)
    if settings.build.strict and analysis.skipped:
        raise click.ClickException(f"{len(analysis.skipped)} inputs skipped (--strict)")


@cli.command("fetch")
@click.option("-c", "--config", type=click.Path(dir_okay=False, path_type=Path),
              help="Settings file (default: digest.yml in the current folder, if any).")
@click.option("--strict", is_flag=True, default=None,
              help="Exit non-zero when any source failed.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress bars.")
def fetch_command(config: Path | None, strict: bool | None, verbose: int, quiet: bool) -> None:
    """Download what the sources in digest.yml published since the last run.

    Each new article becomes a Markdown file under content/fetched/ (setting fetch.dir);
    fetch-report.json lists every source's outcome. Exit 0 when at least one source worked.
    """
    _setup_logging(verbose, quiet)
    settings = _settings(config, {"build.strict": strict})
    if not settings.sources:
        raise click.ClickException(
            "no sources to fetch: add a 'sources:' list to digest.yml (README, 'Fetching')")
    _fetch_exit(_fetch(settings, quiet), strict=settings.build.strict)


def _fetch(settings: Any, quiet: bool) -> Any:
    from generator import fetch
    from generator.fetch import report
    from generator.progress import Progress

    result = fetch.fetch(settings, progress=Progress(enabled=not quiet))
    report.write_report(result, settings.path(settings.site_dir).parent / report.REPORT_FILE)
    click.echo(report.summary_line(result), err=True)
    return result


def _fetch_exit(result: Any, *, strict: bool) -> None:
    if result.outcomes and not result.worked:
        raise click.ClickException("no source could be fetched (see fetch-report.json)")
    if strict and result.failed:
        raise click.ClickException(f"{result.failed} sources failed (--strict)")


def _with_fetch_dir(settings: Any) -> tuple[Path, ...]:
    """The content paths, plus the fetch folder when none of them holds it."""
    fetch_dir = settings.path(settings.fetch.dir).resolve()
    content = tuple(settings.path(p).resolve() for p in settings.content)
    if any(fetch_dir.is_relative_to(p) for p in content):
        return ()
    return (*content, fetch_dir)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the full analysis as JSON.")
@_common
def analyze(paths: tuple[Path, ...], as_json: bool, config: Path | None, verbose: int,
            quiet: bool, **kwargs: Any) -> None:
    """Analyse PATHS and print the result; builds no site."""
    _setup_logging(verbose, quiet)
    from generator import pipeline, report

    start = time.perf_counter()
    settings = _settings(config, _overrides(kwargs))
    analysis = pipeline.run(settings, paths=tuple(p.resolve() for p in paths))
    if as_json:
        click.echo(json.dumps(report.to_json(analysis), indent=2, ensure_ascii=False))
    else:
        for story in analysis.stories:
            click.echo(f"{story.id}: {story.title} ({len(story.sources)} sources)")
    click.echo(report.summary_line(analysis, time.perf_counter() - start), err=True)
    if settings.build.strict and analysis.skipped:
        raise click.ClickException(f"{len(analysis.skipped)} inputs skipped (--strict)")


def main() -> None:
    """Entry point of the ``digest`` console script: domain errors become one line, exit 1."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except DigestError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except SystemExit:
        raise
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)


@cli.command()
@click.option("-a", "--dev-addr", metavar="IP:PORT",
              help="Address to serve on (default: 127.0.0.1:8000, or mkdocs.yml's dev_addr).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@_common
def serve(dev_addr: str | None, open_browser: bool, config: Path | None, verbose: int,
          quiet: bool, **kwargs: Any) -> None:
    """Preview the site with live reload; changes to content/ or templates rebuild pages."""
    _setup_logging(verbose, quiet)
    from generator import publish

    settings = _settings(config, _overrides(kwargs))
    publish.serve(settings, dev_addr=dev_addr, open_browser=open_browser)


@cli.command()
@click.option("-m", "--message", help="Commit message for the gh-pages branch.")
@click.option("--force", is_flag=True, help="Force-push the gh-pages branch.")
@_common
def deploy(message: str | None, force: bool, config: Path | None, verbose: int, quiet: bool,
           **kwargs: Any) -> None:
    """Build, then publish site/ to GitHub Pages (the gh-pages branch, mkdocs gh-deploy)."""
    _setup_logging(verbose, quiet)
    from generator import publish, report
    from generator.progress import Progress

    start = time.perf_counter()
    settings = _settings(config, _overrides(kwargs))
    analysis = publish.deploy(settings, message=message, force=force,
                              progress=Progress(enabled=not quiet))
    click.echo(report.summary_line(analysis, time.perf_counter() - start), err=True)
