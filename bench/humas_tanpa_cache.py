"""Settings for `bench/humas_public.py --tanpa-cache`: Simpul's settings with the cache
switched off, to measure the public site with and without its server-side page cache on
the same machine in the same hour."""

from simpul.settings import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
