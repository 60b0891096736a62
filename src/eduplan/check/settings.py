"""The settings of each plan of a run: its own configuration file, with the command line's options.

A plan folder may carry its office's configuration (``eduplan.yaml``, ``.eduplan.yaml`` or a
``pyproject.toml`` with ``[tool.eduplan]``): each plan uses the nearest file from its own folder
upwards, then the nearest from the working directory; ``--config`` names one file for every plan.
When one run checks plans of several offices, each plan gets its own rules, severities and options
(units, numbering, required columns). The threshold that fails the run (``fail-on``) is the run's:
``--fail-on``, or the file every plan used, or else the one ``--config`` or the working directory gives.

Every file is read before the first plan is checked, so a broken configuration stops the run with
one error line, before anything is printed, and workers get the settings already read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eduplan.check.config import Settings, load_settings
from eduplan.load.configfile import config_file, config_in

__all__ = ["PlanSettings"]


@dataclass
class PlanSettings:
    """Which settings each plan of a run is checked with.

    Attributes:
        explicit: The file ``--config`` names, which every plan then uses.
        select: ``--select``, applied to every plan's settings.
        ignore: ``--ignore``, added to every plan's.
        fail_on: ``--fail-on``.
    """

    explicit: Path | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    _files: dict[str, str | None] = field(default_factory=dict, repr=False)
    """Plan -> its configuration file (None: none), for the plans prepared."""
    _settings: dict[str | None, Settings] = field(default_factory=dict, repr=False)
    """Configuration file -> its settings with the options applied."""

    def run(self) -> Settings:
        """The run's own settings: from ``--config`` or the working directory."""
        return self._load(config_file(self.explicit))

    def prepare(self, plans: list[Path]) -> Settings:
        """Find and read every plan's configuration; return the settings that decide the run's threshold.

        Raises:
            UsageError: a configuration file cannot be read, holds unknown settings, or leaves no rule to run.
        """
        found: dict[Path, Path | None] = {}  # folder -> nearest file, shared by the plans of one office
        here: list[Path | None] = []  # the working directory's, looked up once when a plan needs it
        for plan in plans:
            path = self.explicit if self.explicit is not None else _nearest(plan, found)
            if path is None and self.explicit is None:
                if not here:
                    here.append(config_file(None))
                path = here[0]
            self._files[str(plan)] = str(path) if path is not None else None
            self._load(path)
        used = set(self._files.values())
        if len(used) == 1 and self.explicit is None:
            (only,) = used
            return self._settings[only]
        return self.run()

    def files(self) -> list[Path]:
        """The configuration files read so far: the prepared plans', and the run's own."""
        return sorted(Path(file) for file in self._settings if file is not None)

    def of(self, plan: Path) -> Settings:
        """The settings of one plan (prepared, or looked up now)."""
        key = str(plan)
        if key not in self._files:
            path = config_file(self.explicit, plan)
            self._files[key] = str(path) if path is not None else None
        file = self._files[key]
        return self._load(Path(file) if file is not None else None)

    def _load(self, path: Path | None) -> Settings:
        key = str(path) if path is not None else None
        if key not in self._settings:
            self._settings[key] = load_settings(path).override(
                select=self.select, ignore=self.ignore, fail_on=self.fail_on
            )
        return self._settings[key]


def _nearest(plan: Path, found: dict[Path, Path | None]) -> Path | None:
    """The nearest configuration file from the plan's folder up (None: none), folders cached."""
    start = plan.absolute()
    if not start.exists():
        return None
    folder = start if start.is_dir() else start.parent
    chain: list[Path] = []
    result: Path | None = None
    for current in [folder, *folder.parents]:
        if current in found:
            result = found[current]
            break
        chain.append(current)
        here = config_in(current)
        if here is not None:
            result = here
            break
    for current in chain:
        found[current] = result
    return result
