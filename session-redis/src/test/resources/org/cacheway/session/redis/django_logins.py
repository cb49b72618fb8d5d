# A real Django site (admin, auth, sessions in the cache engine, SQLite) driven by DjangoLoginContract:
# each call is one request (Django's test Client, the full middleware stack) or one ORM step.
# argv: config(JSON: db, secret, caches) action payload(JSON); prints one JSON document.
import datetime
import json
import re
import sys
import types

import django
from django.conf import settings

config, action, payload = json.loads(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
settings.configure(
    DEBUG=False,
    SECRET_KEY=config["secret"],
    ALLOWED_HOSTS=["testserver"],
    USE_TZ=True,
    INSTALLED_APPS=[
        "django.contrib.admin",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
    ],
    MIDDLEWARE=[
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ],
    TEMPLATES=[{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": [
            "django.template.context_processors.request",
            "django.contrib.auth.context_processors.auth",
            "django.contrib.messages.context_processors.messages",
        ]},
    }],
    ROOT_URLCONF="cacheway_login_urls",
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": config["db"]}},
    DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    CACHES=config["caches"],
    SESSION_ENGINE="django.contrib.sessions.backends.cache",
    SESSION_CACHE_ALIAS="default",
)
django.setup()

from django.contrib import admin  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sessions.backends.cache import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import path  # noqa: E402


def whoami(request):
    # request.user goes through django.contrib.auth.get_user: the session auth hash is verified.
    user = request.user
    return JsonResponse({"id": str(user.pk) if user.is_authenticated else None,
                         "cart": request.session.get("cart")})


urls = types.ModuleType("cacheway_login_urls")
urls.urlpatterns = [path("admin/", admin.site.urls), path("whoami/", whoami)]
sys.modules[urls.__name__] = urls


def client(cookie=None, csrf=False):
    c = Client(enforce_csrf_checks=csrf)
    if cookie:
        c.cookies[settings.SESSION_COOKIE_NAME] = cookie
    return c


def reply(response, c):
    cookie = c.cookies.get(settings.SESSION_COOKIE_NAME)
    return {"status": response.status_code, "location": response.get("Location"),
            "cookie": cookie.value if cookie is not None else None,
            "body": response.content.decode("utf-8") if response.get("Content-Type", "").startswith("application/json")
            else None}


def user_json(user):
    return {"id": str(user.pk), "password": user.password}


if action == "migrate":
    call_command("migrate", verbosity=0, interactive=False)
    result = {}
elif action == "create-superuser":
    result = user_json(User.objects.create_superuser(payload["username"], "", payload["password"]))
elif action == "set-password":
    user = User.objects.get(username=payload["username"])
    user.set_password(payload["password"])
    user.save()
    result = user_json(user)
elif action == "admin-login":
    # The admin's login form as a browser posts it: GET the form (CSRF cookie and token), then POST.
    c = client(payload.get("cookie"), csrf=True)
    form = c.get("/admin/login/?next=/admin/").content.decode("utf-8")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    result = reply(c.post("/admin/login/?next=/admin/", {"username": payload["username"],
                                                          "password": payload["password"],
                                                          "next": "/admin/",
                                                          "csrfmiddlewaretoken": token}), c)
elif action == "get":
    c = client(payload["cookie"])
    result = reply(c.get(payload["path"]), c)
elif action == "admin-logout":
    c = client(payload["cookie"])
    result = reply(c.post("/admin/logout/"), c)
elif action == "anonymous-session":
    s = SessionStore()
    s.update(payload["data"])
    if payload.get("expiry_delta") is not None:
        s.set_expiry(datetime.timedelta(seconds=payload["expiry_delta"]))
    s.save()
    result = {"key": s.session_key}
elif action == "resave-session":
    # What Django makes of a stored session: the expiry's type and age, and whether it can save it again.
    s = SessionStore(payload["key"])
    expiry = s.get("_session_expiry")
    age = s.get_expiry_age()
    s["django_was_here"] = True
    s.save()
    result = {"key": s.session_key, "expiry_type": type(expiry).__name__,
              "aware": isinstance(expiry, datetime.datetime) and expiry.utcoffset() is not None, "age": age}
else:
    raise SystemExit("unknown action " + action)
print(json.dumps(result))
