# Django side of the pickle interop ITs: the classic walkthrough's django-redis settings (no SERIALIZER,
# so django-redis's default PickleSerializer), or Django's built-in backend with "builtin".
# argv: backend(django_redis|builtin) port db key_prefix version action payload(JSON)
import json
import sys
import uuid
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import django
from django.conf import settings

backend, port, db, prefix, version, action, payload = sys.argv[1:8]
location = "redis://127.0.0.1:%s/%s" % (port, db)
if backend == "builtin":
    block = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
else:
    block = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": location,
             "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"}}
block.update({"KEY_PREFIX": prefix, "VERSION": int(version)})
settings.configure(CACHES={"default": block}, USE_TZ=True)
django.setup()

from django.core.cache import cache  # noqa: E402
from django.utils import timezone as django_timezone  # noqa: E402

# What timezone.now() carries: pytz.utc on Django 3.2, datetime.timezone.utc from 5.0 (which dropped timezone.utc)
UTC_NOW = datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=getattr(django_timezone, "utc", timezone.utc))

# The values both sides store; Java's table in the IT holds the same values as Java types.
VALUES = {
    "str": "hello",
    "unicode": "Zo\u00eb \u2615 \U0001f600",
    "int": 42,
    "big_int": 2 ** 70,
    "negative": -7,
    "float": 1.5,
    "true": True,
    "false": False,
    "none": None,
    "list": [1, "two", 3.0, None],
    "tuple": (1, 2),
    "dict": {"a": [1, 2], "b": {"c": None}, "n": 2 ** 70},
    "set": {1, 2, 3},
    "frozenset": frozenset({"x"}),
    "bytes": b"\x00\x01\xff",
    "naive": datetime(2024, 1, 2, 3, 4, 5, 678901),
    "aware_utc": UTC_NOW,
    "aware_offset": datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2))),
    "zoned": datetime(2024, 7, 2, 3, 4, 5, tzinfo=ZoneInfo("Europe/Paris")),
    "date": date(2024, 1, 2),
    "time": time(3, 4, 5, 6),
    "duration": timedelta(days=1, seconds=2, microseconds=3),
    "decimal": Decimal("1.10"),
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "session": {"_auth_user_id": "1", "_auth_user_backend": "django.contrib.auth.backends.ModelBackend",
                "_session_expiry": UTC_NOW, "cart": [1, 2]},
    "long_list": [str(i) for i in range(3000)],
}
# What Python reads back from Java where Java has no such type: a tuple comes back as a list, a frozenset as a set.
FROM_JAVA = dict(VALUES, tuple=[1, 2], frozenset={"x"})

data = json.loads(payload)
if action == "write":
    for key in data:
        cache.set(key, VALUES[key], None)
    result = sorted(data)
elif action == "check":
    result = {}
    for key in data:
        value = cache.get(key, "<missing>")
        expected = FROM_JAVA[key]
        same = value == expected and type(value) is type(expected)
        result[key] = "ok" if same else "read %r, expected %r" % (value, expected)
elif action == "set":
    cache.set(data["key"], data["value"], None, version=data.get("version"))
    result = True
elif action == "get":
    result = cache.get(data["key"], "<missing>", version=data.get("version"))
elif action == "incr":
    result = cache.incr(data["key"], data.get("delta", 1))
elif action == "incr_version":
    result = cache.incr_version(data["key"])
else:
    raise SystemExit("unknown action " + action)
print(json.dumps(result))
