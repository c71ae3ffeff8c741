"""Announcing finished uploads: the status message of each job becomes its result.

Workers (any process, any machine) record the reply in ingest_jobs; this poll hands each
finished job out once and edits the message the uploader is watching. A job that finished
while the bot was down is announced when it is back.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram.ext import Application

from bot.core import jobs as core_jobs
from bot.core.ingest import IngestOutcome
from bot.tg.state import BotContext, PendingUpload
from bot.tg.uploads import ask_agency, edit_status

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5


async def announce(context: BotContext) -> None:
    state = context.state
    if state.services is None:
        return
    state.ensure_workers(start=False)
    dead = state.workers.take_dead() if state.workers is not None else []
    if dead:
        # A local worker died (its replacement is starting): its uploads go to the others now,
        # not after the heartbeat rule's 30 s.
        try:
            await state.run_write(core_jobs.release_dead, state.services, dead)
        except Exception:
            log.exception("could not release the jobs of dead workers %s", dead)
    try:
        found = await state.run_write(core_jobs.finished, state.services)
    except Exception:
        log.exception("could not read finished uploads")
        return
    for job, reply in found:
        try:
            if reply.outcome is IngestOutcome.NEEDS_AGENCY and job.file_id and job.message_id is not None:
                upload = PendingUpload(
                    chat_id=job.chat_id,
                    user_id=job.sender_id or 0,
                    file_id=job.file_id,
                    filename=job.filename,
                    caption=job.caption,
                    sender_name=job.sender_name,
                    choices=(),
                )
                await ask_agency(context, job.chat_id, job.message_id, upload, reply.agency_choices)
            elif job.message_id is not None:
                await edit_status(context.bot, job.chat_id, job.message_id, reply.html, html=True)
            else:
                await context.bot.send_message(job.chat_id, reply.html, parse_mode="HTML")
        except Exception:
            log.exception("could not announce job %d to chat %d", job.id, job.chat_id)


def register(application: Application[Any, BotContext, Any, Any, Any, Any]) -> None:
    job_queue = application.job_queue
    assert job_queue is not None
    job_queue.run_repeating(announce, interval=POLL_SECONDS, first=POLL_SECONDS, name="announce-uploads")
