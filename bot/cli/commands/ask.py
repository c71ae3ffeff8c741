"""`nianbao ask "问题"`: print exactly what the bot would send (without its HTML markup).

Exit 0 when the question was answered (a number, a blank cell, a "not stated", a table),
1 when it could not be (no such report, unknown agency, ambiguous agency, not understood).
"""

from __future__ import annotations

import argparse
import shlex
import sys

from bot.config import Settings
from bot.core.answer import answer_question
from bot.core.services import Services

EXIT_OK, EXIT_FAILED = 0, 1


def main(args: argparse.Namespace, settings: Settings) -> int:
    services = Services.open(settings, args.db, read_only=True)
    try:
        answer = answer_question(services, args.question, now=None)
    finally:
        services.close()
    print(answer.plain)
    # The chat shows these as buttons; a terminal gets the candidates and the command to run.
    for number, choice in enumerate(answer.choices, start=1):
        print(f"{number}. {choice}")
        if number <= len(answer.choice_questions):
            db = f" --db {shlex.quote(args.db)}" if args.db else ""
            print(f"   nianbao ask {shlex.quote(answer.choice_questions[number - 1])}{db}")
    sys.stdout.flush()
    return EXIT_OK if answer.answered else EXIT_FAILED
