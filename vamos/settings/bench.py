"""The benchmark (``make bench``): the production settings plus what only the benchmark needs.

- ``VAMOS_BENCH`` turns on the query counter (``X-Bench-Queries``) and the floor view
  (``/bench/floor/``, in ``vamos.bench.urls``); neither exists under any other settings.
- Static files are collected into their own folder so that a benchmark never touches the
  ``var/static`` of ``make run``.

Everything else – DEBUG off, ``CONN_MAX_AGE``, WhiteNoise, security middleware – is production's.
The benchmark runner sends ``X-Forwarded-Proto: https`` as the reverse proxy would.
"""

from .production import *

VAMOS_BENCH = True
ROOT_URLCONF = "vamos.bench.urls"
MIDDLEWARE = ["vamos.bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
STATIC_ROOT = VAR_DIR / "bench" / "static"
