from django.core.management.base import BaseCommand, CommandError

from arloesi.core import sampledata


class Command(BaseCommand):
    help = (
        "Load every app's demonstration data: the demo organisations, one demo person per role "
        "and what each capability shows them (demo mode only)."
    )

    def handle(self, *args, **options):
        try:
            reports = sampledata.load_demo()
        except sampledata.DemoDataRefusedError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in with any of these:"))
        self.stdout.write(f"  password for all: {sampledata.DEMO_PASSWORD}")
        for report in reports:
            for email, role, unit in report.sign_ins:
                self.stdout.write(f"  {email:<38} {role:<24} {unit}")
        for report in reports:
            for note in report.notes:
                self.stdout.write(note)
