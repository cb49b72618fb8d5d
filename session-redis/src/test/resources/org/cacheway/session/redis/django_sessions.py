# Django's cache session engine on django-redis with the JSON serializer, driven by DjangoSessionInteropIT.
# argv: port db action payload(JSON); prints one JSON document.
import json
import sys

import django
from django.conf import settings

port, db, action, payload = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
settings.configure(
    SECRET_KEY="interop",
    USE_TZ=True,
    INSTALLED_APPS=["django.contrib.sessions"],
    SESSION_ENGINE="django.contrib.sessions.backends.cache",
    CACHES={"default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:%s/%s" % (port, db),
        "OPTIONS": {"SERIALIZER": "django_redis.serializers.json.JSONSerializer"},
    }},
)
django.setup()
from django.contrib.sessions.backends.cache import SessionStore  # noqa: E402

if action == "write":
    s = SessionStore()
    for k, v in payload["data"].items():
        s[k] = v
    if payload.get("expiry") is not None:
        s.set_expiry(payload["expiry"])
    if payload.get("delta") is not None:
        from datetime import timedelta
        s.set_expiry(timedelta(seconds=payload["delta"]))
    s.save()
    print(json.dumps({"key": s.session_key}))
elif action == "read":
    s = SessionStore(payload["key"])
    data = dict(s.items())
    age = s.get_expiry_age()
    s["django_was_here"] = True
    s.save()
    print(json.dumps({"key": s.session_key, "data": data, "age": age}))
else:
    raise SystemExit("unknown action " + action)
