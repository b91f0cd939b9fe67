"""The stage families, one module each; importing this package registers every stage."""

from __future__ import annotations

import importlib
import os

_HERE = os.path.dirname(os.path.abspath(__file__))

# Every module (or subpackage) of this folder, in name order: what pkgutil.iter_modules
# lists, without importing pkgutil (start-up time).
for _name in sorted(os.listdir(_HERE)):
    if _name.endswith(".py") and _name != "__init__.py":
        importlib.import_module(f"{__name__}.{_name[:-3]}")
    elif "." not in _name and os.path.isfile(os.path.join(_HERE, _name, "__init__.py")):
        importlib.import_module(f"{__name__}.{_name}")
