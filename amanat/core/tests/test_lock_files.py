"""requirements.lock and requirements-dev.lock pin, with hashes, every dependency pyproject.toml
names, in a version pyproject allows: what `make install` puts in place is what an audit of
the lock sees."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[3]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def pins(lock: str) -> dict[str, tuple[str, list[str]]]:
    """{name: (version, hashes)} of a pip-compile --generate-hashes file."""
    found: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in (ROOT / lock).read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            current = canonicalize_name(match[1])
            found[current] = (match[2], [])
        elif current and line.strip().startswith("--hash=sha256:"):
            found[current][1].append(line.strip().removeprefix("--hash=sha256:").rstrip(" \\"))
        elif not line.startswith(" "):
            current = None
    return found


def expected(lock: str) -> list[Requirement]:
    names = PROJECT["dependencies"]
    if lock == "requirements-dev.lock":
        names = [*names, *PROJECT["optional-dependencies"]["dev"]]
    return [Requirement(spec) for spec in names]


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_dependency_is_pinned_with_hashes_in_a_version_pyproject_allows(lock):
    pinned = pins(lock)
    for requirement in expected(lock):
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is not in {lock}: run make lock"
        version, hashes = pinned[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock} pins {name}=={version}, pyproject wants {requirement.specifier}: make lock"
        )
        assert hashes, f"{name} has no hash in {lock}"
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), name
        for extra in requirement.extras:  # psycopg[binary] also needs psycopg-binary
            assert canonicalize_name(f"{name}-{extra}") in pinned, f"{name}[{extra}]"


def test_every_pin_has_hashes_and_the_dev_lock_agrees_with_the_runtime_lock():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert all(hashes for _version, hashes in [*runtime.values(), *dev.values()])
    assert {name: dev[name][0] for name in runtime} == {n: v for n, (v, _h) in runtime.items()}
