"""Remind those who have not answered, a few days before a survey round closes.

Run daily (cron or a scheduler); each round is reminded once automatically
(``VAMOS_SURVEY_REMINDER_DAYS`` before it closes). The team can remind again by hand."""

from typing import Any

from django.core.management.base import BaseCommand

from vamos.surveys.services import wave_remind, waves_due_for_reminder


class Command(BaseCommand):
    help = "Send survey reminders for rounds that close soon (once per round)."

    def handle(self, *args: Any, **options: Any) -> None:
        waves = waves_due_for_reminder()
        for wave in waves:
            result = wave_remind(wave=wave, actor=None)
            self.stdout.write(f"{wave}: {result.invited} reminded, {result.emails} emails queued.")
        if not waves:
            self.stdout.write("No survey round needs a reminder today.")
