# Django + django-redis (JSON serializer) side of DjangoInteropIT.
# argv: port db compressor(none|zlib) action(write|read|incr) payload(JSON)
import json
import sys

import django
from django.conf import settings

port, db, compressor, action, payload = sys.argv[1:6]
options = {"SERIALIZER": "django_redis.serializers.json.JSONSerializer"}
if compressor == "zlib":
    options["COMPRESSOR"] = "django_redis.compressors.zlib.ZlibCompressor"
settings.configure(CACHES={"default": {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:%s/%s" % (port, db),
    "OPTIONS": options,
}})
django.setup()

from django.core.cache import cache  # noqa: E402

data = json.loads(payload)
if action == "write":
    for key, value in data.items():
        cache.set(key, value, None)
    result = sorted(data)
elif action == "read":
    result = {key: cache.get(key, "<missing>") for key in data}
elif action == "incr":
    result = cache.incr(data)
else:
    raise SystemExit("unknown action " + action)
print(json.dumps(result))
