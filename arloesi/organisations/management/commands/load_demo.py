from django.core.management.base import BaseCommand, CommandError

from arloesi.organisations import demo
from arloesi.proposals import demo as proposals_demo


class Command(BaseCommand):
    help = (
        "Load the demonstration organisations, one demo person per role and demo proposals "
        "(demo mode only)."
    )

    def handle(self, *args, **options):
        try:
            sign_ins = demo.load_demo()
            proposals = proposals_demo.load_demo()
        except demo.DemoDataRefusedError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in with any of these:"))
        self.stdout.write(f"  password for all: {demo.DEMO_PASSWORD}")
        for email, role, unit in [*sign_ins, *proposals.people]:
            self.stdout.write(f"  {email:<38} {role:<24} {unit}")
        self.stdout.write(
            f"Demo proposals: {proposals.added} added, {proposals.total} in the Rhondda Cynon Taf "
            "planning group."
        )
