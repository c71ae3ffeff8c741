"""`nianbao ingest FILE... [--agency NAME] [--year N]`: store many reports; one bad file never stops the rest."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from bot.config import Settings
from bot.core.fetch import FetchError, FetchPolicy
from bot.core.ingest import FailureReason, IngestOutcome, IngestRequest, IngestResult, ingest
from bot.core.links import find_url, link_request, policy_for
from bot.core.local_files import read_regular
from bot.core.printable import printable
from bot.core.replies import cli_ingest as say
from bot.core.replies.ingest import NEEDS_AGENCY_PARTIAL
from bot.core.replies.ingest import render as ingest_reply
from bot.core.replies.links import fetch_failed
from bot.core.services import Services


def _progress(items: list[tuple[str, Path]]) -> Iterable[tuple[str, Path]]:
    if sys.stderr.isatty() and len(items) > 1:
        from tqdm import tqdm

        bar: Iterable[tuple[str, Path]] = tqdm(items, unit=say.PROGRESS_UNIT, desc=say.PROGRESS_DESC, file=sys.stderr)
        return bar
    return items


def _read(path: Path) -> bytes | str:
    try:
        return read_regular(path)
    except OSError as exc:
        return say.read_error(exc)


def _request(
    raw: str, path: Path, links: dict[str, str], policy: FetchPolicy, args: argparse.Namespace
) -> IngestRequest | str:
    """What to ingest for one argument, or why it cannot be read (Chinese)."""
    if raw in links:
        try:
            return link_request(raw, policy, fallback_agency=args.agency, year=args.year)
        except FetchError as error:
            return fetch_failed(error)
    data = _read(path)
    if isinstance(data, str):
        return data
    return IngestRequest(data=data, filename=path.name, fallback_agency=args.agency, year=args.year)


def _describe(path: Path, result: IngestResult) -> str:
    if result.reason is FailureReason.NO_YEAR:
        return say.NO_YEAR.format(filename=result.filename, path=path)
    if result.outcome is not IngestOutcome.NEEDS_AGENCY:
        return ingest_reply(result, html=False)
    partial = NEEDS_AGENCY_PARTIAL.format(partial=result.partial_agency) if result.partial_agency else ""
    choices = say.AGENCY_CHOICES.format(choices="、".join(result.agency_choices)) if result.agency_choices else ""
    return say.NEEDS_AGENCY.format(
        filename=printable(result.filename), partial=partial, path=printable(str(path)), choices=choices
    )


def main(args: argparse.Namespace, settings: Settings) -> int:
    if args.year is not None and (args.recursive or args.jobs or args.queue):
        print(say.YEAR_NOT_BULK, file=sys.stderr)
        return 2
    if args.recursive or args.jobs or args.queue:
        from bot.cli.commands import bulk

        return bulk.main(args, settings)
    # A link is fetched (its page, or the report the page attaches); a Path would fold its "//".
    links = {p: p for p in args.files if find_url(p) == p}
    paths = [Path(p) for p in args.files]
    policy = policy_for(settings)
    services = Services.open(settings, args.db)
    results: list[tuple[Path, IngestResult | str]] = []
    try:
        for raw, path in _progress(list(zip(args.files, paths, strict=True))):
            request = _request(raw, path, links, policy, args)
            if isinstance(request, str):
                results.append((path, request))
                continue
            result = ingest(services, request)
            results.append((path, result))
            if len(paths) == 1 or not sys.stderr.isatty():
                print(f"== {printable(str(path))}\n{_describe(path, result)}\n")
    finally:
        services.close()

    counts: Counter[str] = Counter()
    problems: list[str] = []
    for path, outcome in results:
        if isinstance(outcome, str):
            counts[IngestOutcome.FAILED] += 1
            problems.append(say.FAILED_ITEM.format(path=printable(str(path)), problem=outcome))
            continue
        counts[outcome.outcome] += 1
        if not outcome.ok:
            problems.append(say.FAILED_ITEM.format(path=printable(str(path)), problem=_describe(path, outcome)))
    print(
        say.SUMMARY.format(
            total=len(results),
            **{o.value: counts[o] for o in IngestOutcome},
        )
    )
    if problems:
        print(say.FAILED_HEAD)
        print("\n".join(problems))
    return 1 if problems else 0
