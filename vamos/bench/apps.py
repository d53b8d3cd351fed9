from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Programme-scale data (``manage.py seed_scale``) and the benchmark's server-side parts.

    A top-layer app: it bulk-creates every domain app's records, so it imports their models.
    Its floor view and query counter exist only under ``vamos.settings.bench``.
    """

    name = "vamos.bench"
    label = "bench"
    verbose_name = "Benchmark"
