# Python side of PicklePythonIT. stdin: a JSON list of cases {"python": expression, "java": {protocol: hex}}.
# stdout: per case, what pickle.dumps writes at protocols 0-5 and whether pickle.loads reads Java's bytes
# back equal to the expression's value.
import json
import pickle
import sys
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from uuid import UUID
from zoneinfo import ZoneInfo

import pytz

results = []
for case in json.load(sys.stdin):
    value = eval(case["python"])
    dumps = {str(p): pickle.dumps(value, p).hex() for p in range(6)}
    loads = {}
    for protocol, hex_bytes in case["java"].items():
        try:
            loaded = pickle.loads(bytes.fromhex(hex_bytes))
            same = loaded == value or repr(loaded) == repr(value)
            loads[protocol] = "ok" if same else "read as " + repr(loaded)[:300]
        except Exception as e:  # noqa: BLE001 - reported to the Java side
            loads[protocol] = "failed: " + repr(e)
    results.append({"dumps": dumps, "loads": loads})
json.dump(results, sys.stdout)
