"""Runtime hook of the frozen app (installers/tsn_desktop.spec): stands in for
PySide6.QtOpenGL, which the build leaves out. pyqtgraph imports it when it loads and
touches it only to draw with OpenGL, which TSN Desktop never switches on; anything that
reaches into it gets an ImportError that says why."""

import sys
import types


class _NotBundled(types.ModuleType):
    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(f"PySide6.QtOpenGL.{name}: OpenGL drawing is not part of this "
                          "build of TSN Desktop")


sys.modules.setdefault("PySide6.QtOpenGL", _NotBundled("PySide6.QtOpenGL"))
