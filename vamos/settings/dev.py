"""Local development and the demo started by ``make run``."""

from .base import *
from .env import env_bool

DEBUG = env_bool("DEBUG", True)
# Demo logins work without a second factor; production turns this on.
VAMOS_REQUIRE_STAFF_MFA = env_bool("VAMOS_REQUIRE_STAFF_MFA", False)
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"}
