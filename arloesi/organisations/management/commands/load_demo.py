from django.core.management.base import BaseCommand, CommandError

from arloesi.organisations import demo


class Command(BaseCommand):
    help = "Load the demonstration organisations and one demo person per role (demo mode only)."

    def handle(self, *args, **options):
        try:
            sign_ins = demo.load_demo()
        except demo.DemoDataRefusedError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in with any of these:"))
        self.stdout.write(f"  password for all: {demo.DEMO_PASSWORD}")
        for email, role, unit in sign_ins:
            self.stdout.write(f"  {email:<38} {role:<24} {unit}")
