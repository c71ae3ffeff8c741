"""`nianbao parse FILE [--json] [--caption TEXT]`: parse one file, print the record.

--json prints exactly `Report.to_json_dict()` (docs/record.md) as one UTF-8 JSON
document; without it, a readable Chinese summary. The parse runs in the sandbox, as it
does for the bot. Exit 0 parsed, 1 the file could not be read or parsed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.config import Settings
from bot.core.local_files import read_regular
from bot.core.parse_file import Unparsable, parse_file
from bot.core.printable import printable
from bot.core.replies import report as say

EXIT_OK, EXIT_FAILED = 0, 1


def main(args: argparse.Namespace, settings: Settings) -> int:
    path = Path(args.file)
    try:
        data = read_regular(path)
    except FileNotFoundError:
        print(say.FILE_NOT_FOUND.format(path=printable(str(path))), file=sys.stderr)
        return EXIT_FAILED
    except (IsADirectoryError, PermissionError, OSError) as exc:
        print(say.FILE_UNREADABLE.format(path=printable(str(path)), error=exc.strerror or exc), file=sys.stderr)
        return EXIT_FAILED
    try:
        report = parse_file(data, path.name, settings, caption=args.caption)
    except Unparsable as exc:
        print(say.UNPARSABLE.format(name=printable(path.name), message=exc.message), file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        json.dump(report.to_json_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(say.summary(report, printable(path.name)))
    sys.stdout.flush()
    return EXIT_OK
