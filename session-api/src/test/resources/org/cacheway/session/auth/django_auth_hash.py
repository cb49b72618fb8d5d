# Django's session auth hash, driven by DjangoAuthDjangoIT.
# stdin: a JSON list of [secret_key, password_hash] pairs; prints the JSON list of
# User(password=password_hash).get_session_auth_hash() under each SECRET_KEY.
import json
import sys

import django
from django.conf import settings

settings.configure(SECRET_KEY="unused", INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"])
django.setup()
from django.contrib.auth.models import User  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

hashes = []
for secret, password_hash in json.load(sys.stdin):
    with override_settings(SECRET_KEY=secret):
        hashes.append(User(password=password_hash).get_session_auth_hash())
print(json.dumps(hashes))
