# Django's signing for session cookies, driven by SignedCookieDjangoInteropIT.
# argv: secret timestamp action payload; "dumps" prints the cookie for the JSON payload,
# "loads" prints the JSON data of the cookie given as payload (max_age = two weeks).
import json
import sys

import django
from django.conf import settings

secret, timestamp, action, payload = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
settings.configure(SECRET_KEY=secret)
django.setup()
from django.core import signing  # noqa: E402

signing.time.time = lambda: timestamp
salt = "django.contrib.sessions.backends.signed_cookies"
if action == "dumps":
    print(signing.dumps(json.loads(payload), salt=salt, compress=True, serializer=signing.JSONSerializer))
else:
    print(json.dumps(signing.loads(payload, salt=salt, max_age=1209600, serializer=signing.JSONSerializer)))
