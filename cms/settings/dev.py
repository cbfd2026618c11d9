from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
# A fixed key is fine on a developer's machine; production refuses to start without one.
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-munasara")
ALLOWED_HOSTS = ["*"]
MUNASARA_DEMO_ADMIN = True
