from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "vamos.demo"
    label = "demo"
    verbose_name = "Demo data"
