from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtlasplanConfig(AppConfig):
    name = "atlasplan"
    verbose_name = _("Kern: codeboek en rollen")

    def ready(self) -> None:
        from atlasplan import audit, demo, demo_core, sessions, signals

        signals.connect()
        sessions.connect()
        audit.connect()

        demo.register(demo.DemoPart(order=0, name="core", load=demo_core.load))
