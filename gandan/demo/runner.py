import datetime
import importlib
import pkgutil
import random
import time

from auditlog.context import disable_auditlog
from django.db import transaction

import gandan.demo
from gandan.demo.context import DemoContext

SEED = 20231


def steps() -> list:
    """Every module of this package with a `build(ctx)` and an `ORDER`, in that order."""
    found = []
    for info in pkgutil.iter_modules(gandan.demo.__path__):
        module = importlib.import_module(f"gandan.demo.{info.name}")
        if hasattr(module, "build") and hasattr(module, "ORDER"):
            found.append(module)
    return sorted(found, key=lambda m: m.ORDER)


def demo_build(*, today: datetime.date, out=print) -> DemoContext:
    ctx = DemoContext(rng=random.Random(SEED), today=today)
    # The demo is not a change anybody made: the audit trail starts empty.
    with disable_auditlog(), transaction.atomic():
        for module in steps():
            started = time.perf_counter()
            module.build(ctx)
            out(f"  {module.__name__.rsplit('.', 1)[-1]}: {time.perf_counter() - started:.1f} s")
    return ctx
